package dev.outreachpipeline.http;

import java.util.Locale;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpHeaderFilterStrategy;

/**
 * Which exchange headers the public port may send as HTTP response headers: only the few an answer
 * needs (its type, caching, the security headers, Allow on a 405). Everything
 * else stays inside: platform-http otherwise sends every exchange header to the client, and a route
 * that once kept a looked-up address in a header answered with it. Request headers come in as Camel's
 * default filter lets them.
 */
public final class PublicHeaderFilter extends HttpHeaderFilterStrategy {

    /** Lower case; the response headers {@link UnsubscribePages} sets. */
    static final Set<String> RESPONSE_HEADERS = Set.of(
            "content-type",
            "cache-control",
            "x-content-type-options",
            "content-security-policy",
            "referrer-policy",
            "x-frame-options",
            "allow");

    @Override
    public boolean applyFilterToCamelHeaders(String headerName, Object headerValue, Exchange exchange) {
        return headerName == null || !RESPONSE_HEADERS.contains(headerName.toLowerCase(Locale.ROOT));
    }
}

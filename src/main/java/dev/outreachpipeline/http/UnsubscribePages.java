package dev.outreachpipeline.http;

import dev.outreachpipeline.sending.UnsubscribeTokens;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * What the unsubscribe link ({@code /u/{token}}) answers. The token is the only thing read from the
 * request: whoever holds it is the recipient (RFC 8058's POST carries no cookie), and nothing else the
 * request says, in its headers, query or body, reaches the database. GET only shows a page with a
 * button, because link scanners follow links; POST, from a mail client's one-click or that button,
 * unsubscribes.
 *
 * <p>Without a usable secret no token can be checked, so every link answers 503 with a sentence.
 * Thread-safe.
 */
public final class UnsubscribePages {

    /** Where an unsubscribe came from, as recorded in {@code suppressions.source}. */
    public static final String ONE_CLICK = "one-click link";

    public static final String CONFIRMATION_PAGE = "confirmation page";

    private static final String PATH_PREFIX = "/u/";
    private static final String ONE_CLICK_FIELD = "List-Unsubscribe";
    private static final String ONE_CLICK_VALUE = "One-Click";

    private static final String TEXT = "text/plain; charset=utf-8";
    private static final String HTML = "text/html; charset=utf-8";

    private final UnsubscribeTokens tokens;
    private final String senderName;

    /**
     * @param tokens     the signer of the links, or null when no usable secret is configured
     * @param senderName who the recipient unsubscribes from, shown on the page; may be blank
     */
    public UnsubscribePages(UnsubscribeTokens tokens, String senderName) {
        this.tokens = tokens;
        this.senderName = senderName == null ? "" : senderName.strip();
    }

    /** False when no usable unsubscribe secret is configured: every link then answers 503. */
    public boolean available() {
        return tokens != null;
    }

    /**
     * The request as the routes use it: {@code prospectId} (a UUID, or null when the token is not one of
     * ours) and {@code source}. It replaces the request's body, so that no field a client sent can stand
     * in for a SQL parameter.
     *
     * @param path the request path, {@code /u/{token}}
     * @param body the request body: the form fields as a map, or the raw text
     */
    public Map<String, Object> request(String path, Object body) {
        var request = new HashMap<String, Object>();
        request.put("prospectId", prospectOf(path).orElse(null));
        request.put("source", isOneClick(body) ? ONE_CLICK : CONFIRMATION_PAGE);
        return request;
    }

    Optional<UUID> prospectOf(String path) {
        if (tokens == null || path == null || !path.startsWith(PATH_PREFIX)) {
            return Optional.empty();
        }
        return tokens.verify(path.substring(PATH_PREFIX.length()));
    }

    /** Does the body carry RFC 8058's {@code List-Unsubscribe=One-Click}? Only the recorded source depends on it. */
    static boolean isOneClick(Object body) {
        if (body instanceof Map<?, ?> form) {
            Object value = form.get(ONE_CLICK_FIELD);
            return value instanceof Iterable<?> values
                    ? StreamSupport.stream(values.spliterator(), false).anyMatch(ONE_CLICK_VALUE::equals)
                    : ONE_CLICK_VALUE.equals(value);
        }
        // not parsed as a form (no or another content type): the raw text, whatever holds it
        String text = body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(body);
        return Arrays.asList(text.strip().split("&")).contains(ONE_CLICK_FIELD + "=" + ONE_CLICK_VALUE);
    }

    /**
     * 200: the page that asks before anything changes, with a button that POSTs to the same link.
     *
     * @param contactEmail the link's address, shown masked; blank when the database could not be asked
     *                     in time (the link's signature is good, so the page still asks, naming no address)
     */
    public void confirmationPage(String contactEmail, Exchange exchange) {
        String from = senderName.isEmpty() ? "" : " from " + escape(senderName);
        String to = contactEmail == null || contactEmail.isBlank()
                ? "this address"
                : "<strong>" + escape(mask(contactEmail)) + "</strong>";
        html(exchange.getMessage(), 200, "Unsubscribe", """
                <h1>Unsubscribe</h1>
                <p>Stop all emails%s to %s?</p>
                <form method="post">
                  <input type="hidden" name="confirm" value="unsubscribe">
                  <button type="submit">Unsubscribe</button>
                </form>
                """.formatted(from, to));
    }

    /**
     * 200: the database did not answer in time, so the request was written to the local journal, from
     * which it reaches the suppression list as soon as the database answers again. Nothing is lost.
     */
    public void recorded(Exchange exchange) {
        html(exchange.getMessage(), 200, "Unsubscribe recorded", """
                <h1>Your request is recorded</h1>
                <p>You will receive no further emails%s at this address. It can take a few minutes until
                every part of our system knows.</p>
                """.formatted(
                        senderName.isEmpty() ? "" : " from " + escape(senderName)));
    }

    /** 200: done (also when it had been done before). */
    public void unsubscribed(Exchange exchange) {
        html(exchange.getMessage(), 200, "Unsubscribed", """
                <h1>You are unsubscribed</h1>
                <p>You will receive no further emails%s at this address.</p>
                """.formatted(
                        senderName.isEmpty() ? "" : " from " + escape(senderName)));
    }

    /** 404: a forged, altered or unknown link, or one for a prospect without an address. Nothing was written. */
    public void notFound(Exchange exchange) {
        plain(
                exchange.getMessage(),
                404,
                "This unsubscribe link is not valid. Please use the link from the email exactly as it"
                        + " was sent, or reply to the email and ask to be removed.");
    }

    /** 503: no usable unsubscribe secret is configured, so no link can be checked. */
    public void unavailable(Exchange exchange) {
        plain(
                exchange.getMessage(),
                503,
                "Unsubscribing through this link is not available at the moment. Please reply to"
                        + " the email and ask to be removed.");
    }

    /** 405: only GET (the page) and POST (unsubscribe) mean anything here. */
    public void methodNotAllowed(Exchange exchange) {
        plain(exchange.getMessage(), 405, "Only GET and POST are supported here.");
        exchange.getMessage().setHeader("Allow", "GET, POST");
    }

    /** 500: the request could not be handled (the database is unreachable, say); nothing about why. */
    public void failed(Exchange exchange) {
        plain(
                exchange.getMessage(),
                500,
                "Sorry, your request could not be handled just now. Please try again later, or"
                        + " reply to the email and ask to be removed.");
    }

    /**
     * The address as the page shows it: the first character of the local part, then {@code ***}, then
     * the domain ({@code e***@example.com}), so that a forwarded link does not show the whole address.
     */
    static String mask(String email) {
        String e = email == null ? "" : email.strip();
        int at = e.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        return e.substring(0, e.offsetByCodePoints(0, 1)) + "***" + e.substring(at);
    }

    private static void plain(Message message, int status, String sentence) {
        answer(message, status, plainHeaders());
        // bytes: their length is sent as Content-Length (a String body would go out chunked)
        message.setBody((sentence + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** The headers of a plain-text answer, in the order sent; the server's own error answers use them too. */
    static Map<String, String> plainHeaders() {
        return headers(TEXT, "default-src 'none'; frame-ancestors 'none'");
    }

    private static Map<String, String> headers(String type, String contentSecurityPolicy) {
        var headers = new LinkedHashMap<String, String>();
        headers.put("Content-Type", type);
        // Pages name (masked) addresses and carry the token in their URL: no cache keeps them.
        headers.put("Cache-Control", "no-store");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Content-Security-Policy", contentSecurityPolicy);
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("X-Frame-Options", "DENY");
        return headers;
    }

    /**
     * Replaces whatever headers the exchange holds by the answer's: its status, type and security
     * headers. {@link PublicHeaderFilter} lets only such headers out.
     */
    private static void answer(Message message, int status, Map<String, String> headers) {
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        headers.forEach(message::setHeader);
    }

    private static void html(Message message, int status, String title, String content) {
        // No script, no external asset, no framing, forms only back to this link; the token in the URL is sent nowhere.
        answer(
                message,
                status,
                headers(
                        HTML,
                        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self';"
                                + " frame-ancestors 'none'; base-uri 'none'"));
        message.setBody("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="robots" content="noindex, nofollow">
                <title>%s</title>
                <style>body{font-family:sans-serif;max-width:32em;margin:3em auto;padding:0 1em;line-height:1.5}\
                button{font-size:1em;padding:.5em 1.5em}</style>
                </head>
                <body>
                %s</body>
                </html>
                """.formatted(escape(title), content).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "UnsubscribePages[" + (available() ? "available" : "no secret: 503") + "]";
    }

    static String escape(String text) {
        return com.google.common.html.HtmlEscapers.htmlEscaper().escape(text);
    }
}

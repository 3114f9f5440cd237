package dev.outreachpipeline.providers;

import dev.outreachpipeline.config.Masking;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The HTTP exchange with a paid provider (DataForSEO, Hunter), nothing more: one request, its
 * status and body. What the answer means, whether to try again and what a call costs are the
 * client's: every status is an answer here (the providers put their outcome in the body, 4xx and
 * 5xx included), and the transport never repeats a request by itself, so each paid call and each
 * retry is the client's to decide and to count. (That is why this is Apache HttpClient with its
 * automatic retries off, not the JDK's client, which silently sends a GET again when the
 * connection drops before the answer: a second paid Hunter search nobody counted.)
 *
 * <p>Requests may carry a credential (Hunter's key in the query string, DataForSEO's Basic
 * authorisation), so neither a request nor its URI is ever put into a message: a failed exchange
 * is described by the kind of failure alone.
 */
public final class ProviderHttp {

    /** How long a connection may take to open; the answer's own wait is the provider's setting. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** A status and body as the provider sent them. */
    public record Answer(int status, String body) {}

    /** No answer came: a timeout, a refused or reset connection. The message names the failure's kind only. */
    public static final class NoAnswer extends Exception {

        private final String kind;

        NoAnswer(String provider, Throwable cause) {
            super("no answer from " + provider + ": " + cause.getClass().getSimpleName());
            this.kind = cause.getClass().getSimpleName();
        }

        /** The kind of failure, e.g. {@code SocketTimeoutException}. */
        public String kind() {
            return kind;
        }
    }

    private final String provider;
    private final String baseUrl;
    private final Duration responseTimeout;
    private final CloseableHttpClient client;

    /**
     * @param provider        the name in messages, e.g. "Hunter"
     * @param baseUrl         scheme, host and optional path prefix
     * @param responseTimeout how long to wait for the answer (and between two of its packets) once the request is sent
     * @param maxConnections  connections kept open at most; the client's concurrency limit, so no call waits for one
     */
    public ProviderHttp(String provider, String baseUrl, Duration responseTimeout, int maxConnections) {
        this.provider = provider;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.responseTimeout = responseTimeout;
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(CONNECT_TIMEOUT))
                        .setSocketTimeout(Timeout.of(responseTimeout))
                        // a kept-alive connection the provider has closed meanwhile is found out before use, not by a
                        // failed call
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .build())
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(responseTimeout))
                        .build())
                .disableAutomaticRetries()
                // a moved endpoint is an answer to read, not somewhere to send the credentials
                .disableRedirectHandling()
                .disableCookieManagement()
                .build();
    }

    /** @param pathAndQuery e.g. {@code /v2/account?api_key=…}; appended to the base URL as it is */
    public Answer get(String pathAndQuery, Map<String, String> headers) throws NoAnswer {
        return send(new HttpGet(baseUrl + pathAndQuery), headers);
    }

    public Answer postJson(String path, String json, Map<String, String> headers) throws NoAnswer {
        var post = new HttpPost(baseUrl + path);
        post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
        return send(post, headers);
    }

    private Answer send(HttpUriRequestBase request, Map<String, String> headers) throws NoAnswer {
        headers.forEach(request::setHeader);
        try {
            return client.execute(
                    request,
                    response -> new Answer(
                            response.getCode(),
                            response.getEntity() == null
                                    ? ""
                                    : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new NoAnswer(provider, e);
        }
    }

    @Override
    public String toString() {
        return "ProviderHttp[" + provider + ", " + Masking.maskUrl(baseUrl) + ", response timeout "
                + responseTimeout.toSeconds() + " s]";
    }
}

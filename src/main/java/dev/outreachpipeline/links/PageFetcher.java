package dev.outreachpipeline.links;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.util.Timeout;

/**
 * Fetches a placement's page the way a polite crawler does: our user agent, robots.txt obeyed
 * (read with crawler-commons, cached per host for {@link #ROBOTS_TTL}), redirects followed one by
 * one up to {@link #MAX_REDIRECTS} and each recorded, at most {@code max-page-bytes} read, connect
 * and answer timeouts, and one request per host per politeness delay ({@link HostPacing}).
 *
 * <p>A bean on Apache HttpClient rather than a camel-http step in the route: each redirect must be
 * recorded and each hop's host asked for its robots.txt (served from a cache, fetched with the same
 * pacing) before it is fetched, and a page must be cut at the size limit while it streams in. In a
 * route that is a loop of camel-http calls with redirect handling off, a cache lookup and a throttle
 * per hop; here it is one loop. The CLI and the API check a link with the same bean, without a route.
 */
public final class PageFetcher implements AutoCloseable {

    static final int MAX_REDIRECTS = 5;
    static final Duration ROBOTS_TTL = Duration.ofHours(24);
    private static final int MAX_ROBOTS_BYTES = 512 * 1024;

    /** A page answered (any status but a redirect). */
    public record Answer(
            int status,
            String url,
            List<Redirect> redirects,
            String mimeType,
            String charset,
            byte[] body,
            List<String> robotsTags) {

        /** A page without a type is read as HTML; a PDF or an image holds no {@code <a href>} to look for. */
        public boolean isHtml() {
            return mimeType == null || mimeType.toLowerCase(Locale.ROOT).contains("html");
        }
    }

    /** What a fetch came to: an answer, or why there was none. */
    public record Fetched(Answer answer, Integer httpStatus, List<Redirect> redirects, String failure) {

        static Fetched failed(Integer httpStatus, List<Redirect> redirects, String failure) {
            return new Fetched(null, httpStatus, List.copyOf(redirects), failure);
        }
    }

    private final String userAgent;
    private final List<String> robotNames;
    private final int maxBytes;
    private final HostPacing pacing;
    private final CloseableHttpClient client;
    private final SimpleRobotRulesParser robotsParser = new SimpleRobotRulesParser();
    private final Cache<String, BaseRobotRules> robots = CacheBuilder.newBuilder()
            .expireAfterWrite(ROBOTS_TTL)
            .maximumSize(10_000)
            .build();

    public PageFetcher(String userAgent, Duration timeout, int maxBytes, Duration hostDelay) {
        this.userAgent = userAgent;
        // robots.txt groups name a crawler by its product token: "OutreachPipeline-LinkCheck/1.0" is
        // outreachpipeline-linkcheck
        this.robotNames = List.of(userAgent.split("[/\\s]")[0].toLowerCase(Locale.ROOT));
        this.maxBytes = maxBytes;
        this.pacing = new HostPacing(hostDelay);
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(20)
                .setMaxConnPerRoute(2)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(timeout))
                        .setSocketTimeout(Timeout.of(timeout))
                        .build())
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(timeout))
                        .build())
                .setUserAgent(userAgent)
                .disableAutomaticRetries()
                // followed here, one hop at a time, so each is recorded and asked its robots.txt
                .disableRedirectHandling()
                .disableCookieManagement()
                .build();
    }

    public Fetched fetch(String url) throws InterruptedException {
        var redirects = new ArrayList<Redirect>();
        String current = url;
        for (int hop = 0; ; hop++) {
            Optional<URI> uri = httpUri(current);
            if (uri.isEmpty()) {
                return Fetched.failed(null, redirects, "not an http(s) URL: " + current);
            }
            BaseRobotRules rules = robotsFor(uri.get());
            if (!rules.isAllowed(current)) {
                return Fetched.failed(
                        null, redirects, "robots.txt of " + uri.get().getHost() + " disallows it");
            }
            Raw raw;
            try {
                raw = get(uri.get(), maxBytes);
            } catch (IOException e) {
                return Fetched.failed(
                        null, redirects, "no answer: " + e.getClass().getSimpleName());
            }
            if (raw.status() >= 300 && raw.status() < 400 && raw.location() != null) {
                String next;
                try {
                    next = uri.get().resolve(raw.location().strip()).toString();
                } catch (IllegalArgumentException e) {
                    // a hostile or broken Location header is the page's problem, not ours
                    return Fetched.failed(raw.status(), redirects, "a redirect to an address that is not a URL");
                }
                redirects.add(new Redirect(current, raw.status(), next));
                if (hop + 1 > MAX_REDIRECTS) {
                    return Fetched.failed(raw.status(), redirects, "more than " + MAX_REDIRECTS + " redirects");
                }
                current = next;
                continue;
            }
            return new Fetched(
                    new Answer(
                            raw.status(),
                            current,
                            List.copyOf(redirects),
                            raw.mimeType(),
                            raw.charset(),
                            raw.body(),
                            raw.robotsTags()),
                    raw.status(),
                    List.copyOf(redirects),
                    null);
        }
    }

    private record Raw(
            int status, String location, String mimeType, String charset, byte[] body, List<String> robotsTags) {}

    private Raw get(URI uri, int limit) throws IOException, InterruptedException {
        pacing.awaitTurn(uri.getHost().toLowerCase(Locale.ROOT));
        var request = new HttpGet(uri);
        request.setHeader(HttpHeaders.ACCEPT, "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5");
        return client.execute(request, response -> {
            Header location = response.getFirstHeader(HttpHeaders.LOCATION);
            String charset = null;
            String mimeType = null;
            byte[] body = new byte[0];
            if (response.getEntity() != null) {
                ContentType type = ContentType.parseLenient(response.getEntity().getContentType());
                mimeType = type == null ? null : type.getMimeType();
                charset = type == null || type.getCharset() == null
                        ? null
                        : type.getCharset().name();
                try (InputStream in = response.getEntity().getContent()) {
                    // the rest of a larger page is not read: the connection is closed rather than drained
                    body = in.readNBytes(limit);
                }
            }
            List<String> tags = Arrays.stream(response.getHeaders("X-Robots-Tag"))
                    .map(Header::getValue)
                    .toList();
            return new Raw(
                    response.getCode(), location == null ? null : location.getValue(), mimeType, charset, body, tags);
        });
    }

    /** The host's rules, fetched once per {@link #ROBOTS_TTL}; a robots.txt that cannot be read is treated as the
     * robots.txt conventions say (4xx: everything allowed; 5xx or no answer: nothing allowed, for now). */
    private BaseRobotRules robotsFor(URI page) throws InterruptedException {
        String origin = page.getScheme().toLowerCase(Locale.ROOT) + "://"
                + page.getRawAuthority().toLowerCase(Locale.ROOT);
        BaseRobotRules cached = robots.getIfPresent(origin);
        if (cached != null) {
            return cached;
        }
        BaseRobotRules read = readRobots(origin);
        // a robots.txt that did not answer forbids the fetch now, not for a day: the next check asks again
        if (!read.isDeferVisits()) {
            robots.put(origin, read);
        }
        return read;
    }

    private BaseRobotRules readRobots(String origin) throws InterruptedException {
        String url = origin + "/robots.txt";
        try {
            for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
                URI uri = new URI(url);
                Raw raw = get(uri, MAX_ROBOTS_BYTES);
                if (raw.status() >= 300 && raw.status() < 400 && raw.location() != null) {
                    url = uri.resolve(raw.location().strip()).toString();
                    continue;
                }
                if (raw.status() >= 200 && raw.status() < 300) {
                    return robotsParser.parseContent(url, raw.body(), "text/plain", robotNames);
                }
                return robotsParser.failedFetch(raw.status());
            }
            return robotsParser.failedFetch(500);
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            return robotsParser.failedFetch(503);
        }
    }

    private static Optional<URI> httpUri(String url) {
        try {
            URI u = new URI(url);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null
                    ? Optional.of(u)
                    : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}

package dev.outreachpipeline.testsupport;

import dev.outreachpipeline.db.Database;
import dev.outreachpipeline.management.Management;
import dev.outreachpipeline.management.ManagementServer;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The daemon's management listener alone, as {@link Management#install} sets it up, in a CamelContext
 * with no routes: health, metrics, the console and the API over a real database, in a fraction of the
 * time a whole daemon takes to start. Each one is a fresh server (fresh sessions, fresh counts of wrong
 * tokens). Its client keeps cookies, as a browser would, and follows no redirects.
 */
public final class ManagementListener implements AutoCloseable {

    private static final String CSRF_FIELD = "X-XSRF-TOKEN";
    private static final Pattern CSRF = Pattern.compile("name=\"" + CSRF_FIELD + "\" value=\"([^\"]+)\"");

    private final DefaultCamelContext context;
    private final Database db;
    private final int port;
    private final HttpClient http;

    private ManagementListener(DefaultCamelContext context, Database db, int port) {
        this.context = context;
        this.db = db;
        this.port = port;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** @param env extra environment, e.g. "OUTREACH_ADMIN_TOKEN", "…" */
    public static ManagementListener start(TestDatabase database, String... env) {
        var config = database.config(env);
        var db = Database.open(config);
        var context = new DefaultCamelContext();
        // the working directory CliRun gives the CLI, so both read the same location and category tables
        Management.install(context, config, db, java.nio.file.Path.of("target"));
        context.start();
        return new ManagementListener(
                context, db, context.hasService(ManagementServer.class).getPort());
    }

    public int port() {
        return port;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20));
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An API call with a bearer token and, when there is one, a JSON body. */
    public HttpResponse<String> call(String method, String path, String token, String body) {
        HttpRequest.Builder request = request(path).header("Authorization", "Bearer " + token);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request.method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    /** Logs this client into the console with {@code token}, as the login form does; fails unless it worked. */
    public void logIn(String token) {
        HttpResponse<String> login = postForm("/login", csrf(get("/login")), "token", token);
        if (login.statusCode() != 303) {
            throw new AssertionError("logging in was answered " + login.statusCode() + ": " + login.body());
        }
    }

    /** The CSRF token a console page's forms carry. */
    public static String csrf(HttpResponse<String> page) {
        Matcher m = CSRF.matcher(page.body());
        if (!m.find()) {
            throw new AssertionError("no CSRF field in " + page.body());
        }
        return m.group(1);
    }

    /**
     * A form post as a browser sends it: the CSRF field (unless {@code csrf} is null) and the given
     * name/value pairs.
     */
    public HttpResponse<String> postForm(String path, String csrf, String... fields) {
        var form = new StringBuilder();
        if (csrf != null) {
            form.append(CSRF_FIELD).append('=').append(URLEncoder.encode(csrf, StandardCharsets.UTF_8));
        }
        for (int i = 0; i + 1 < fields.length; i += 2) {
            form.append(form.length() == 0 ? "" : "&")
                    .append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
                .build());
    }

    /** Opens {@code page} for its CSRF token and posts {@code fields} to {@code path}, as a logged-in operator would. */
    public HttpResponse<String> submit(String page, String path, String... fields) {
        return postForm(path, csrf(get(page)), fields);
    }

    @Override
    public void close() {
        context.stop();
        db.close();
    }
}

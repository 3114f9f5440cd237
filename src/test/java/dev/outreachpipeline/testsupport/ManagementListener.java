package dev.outreachpipeline.testsupport;

import dev.outreachpipeline.db.Database;
import dev.outreachpipeline.management.Management;
import dev.outreachpipeline.management.ManagementServer;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The daemon's management listener alone, as {@link Management#install} sets it up, in a CamelContext
 * with no routes: health, metrics, the console and the API over a real database, in a fraction of the
 * time a whole daemon takes to start. Each one is a fresh server (fresh sessions, fresh counts of wrong
 * tokens). Its client keeps cookies, as a browser would, and follows no redirects.
 */
public final class ManagementListener implements AutoCloseable {

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

    @Override
    public void close() {
        context.stop();
        db.close();
    }
}

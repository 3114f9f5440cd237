package dev.outreachpipeline.console;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.webjars.WebJarVersionLocator;

/**
 * The console's scripts and style sheet at {@code /assets/…}: htmx from its webjar and the console's own
 * {@code console.css} and {@code console.js}. They are read from the jar once, at start, and served
 * from memory without a session (they are the same for everyone and hold nothing secret). Not Vert.x's
 * StaticHandler: it copies classpath files into a {@code .vertx} folder in the working directory.
 */
final class ConsoleAssets {

    static final String PREFIX = "/assets/";

    private record Asset(String contentType, Buffer bytes) {}

    private final Map<String, Asset> assets = new LinkedHashMap<>();

    ConsoleAssets() {
        String htmx = new WebJarVersionLocator().fullPath("htmx.org", "dist/htmx.min.js");
        if (htmx == null) {
            throw new IllegalStateException("the htmx webjar is not in the jar; the console cannot be served");
        }
        add("htmx.min.js", "text/javascript; charset=utf-8", htmx);
        add("console.js", "text/javascript; charset=utf-8", ConsolePages.FOLDER + "/assets/console.js");
        add("console.css", "text/css; charset=utf-8", ConsolePages.FOLDER + "/assets/console.css");
    }

    void mount(Router router) {
        assets.forEach((name, asset) -> router.get(PREFIX + name)
                .handler(ctx -> ctx.response()
                        .putHeader(HttpHeaders.CONTENT_TYPE, asset.contentType())
                        .putHeader(HttpHeaders.CACHE_CONTROL, "private, max-age=3600")
                        .putHeader("X-Content-Type-Options", "nosniff")
                        .end(asset.bytes())));
    }

    private void add(String name, String contentType, String resource) {
        try (InputStream in = ConsoleAssets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the console's " + resource + " is not in the jar");
            }
            assets.put(name, new Asset(contentType, Buffer.buffer(in.readAllBytes())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the console's " + resource, e);
        }
    }
}

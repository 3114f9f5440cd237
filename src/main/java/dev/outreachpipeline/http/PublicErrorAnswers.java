package dev.outreachpipeline.http;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public port's answers to requests no route took or a handler failed on (an unknown path, a body
 * too large, a request the form parser refused): a plain sentence with the same headers as every other
 * answer, in place of Vert.x's own pages, and at most one log line. Anyone can send these, so none of
 * them logs a stack trace.
 */
final class PublicErrorAnswers {

    private static final Logger LOG = LoggerFactory.getLogger(PublicErrorAnswers.class);

    private PublicErrorAnswers() {}

    static void install(Router router) {
        router.errorHandler(400, c -> answer(c, 400, "This request could not be read."));
        router.errorHandler(404, c -> answer(c, 404, "There is nothing here."));
        router.errorHandler(405, c -> answer(c, 405, "This method is not supported here."));
        router.errorHandler(413, c -> answer(c, 413, "This request is too large."));
        router.errorHandler(415, c -> answer(c, 415, "This request could not be read."));
        router.errorHandler(500, c -> {
            // a bug of ours or of a library: one line, what failed and on which path (no query, no token's worth of
            // detail)
            LOG.warn(
                    "A public HTTP request ({} {}) failed: {}",
                    c.request().method(),
                    pathOnly(c),
                    String.valueOf(c.failure()));
            answer(c, 500, "Sorry, your request could not be handled just now. Please try again later.");
        });
    }

    private static String pathOnly(RoutingContext c) {
        String path = c.request().path();
        return path == null
                ? "?"
                : path.startsWith("/u/") ? "/u/…" : path.length() > 60 ? path.substring(0, 60) + "…" : path;
    }

    private static void answer(RoutingContext c, int status, String sentence) {
        HttpServerResponse response = c.response();
        if (response.headWritten()) {
            // a failure in the middle of an answer: nothing sensible can follow it on this connection
            c.request().connection().close();
            return;
        }
        response.headers().clear();
        response.setStatusCode(status);
        UnsubscribePages.plainHeaders().forEach(response::putHeader);
        response.end(sentence + "\n");
    }
}

package dev.outreachpipeline.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the management listener answers in JSON: a value as it is, and every refusal as
 * {@code {"error": sentence, "reasons": [...]}} — the one error shape of /api/v1, so a script reads
 * every failure the same way. Nothing here ever carries a stack trace.
 */
public final class JsonAnswers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonAnswers() {}

    public static void send(RoutingContext ctx, int status, Object body) {
        String text;
        try {
            text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an answer as JSON: " + e.getOriginalMessage(), e);
        }
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store");
        end(ctx, text);
    }

    /**
     * Ends the answer with {@code text}, or for a HEAD request with its length alone: Vert.x would send
     * the body after a HEAD too, which the client then reads as the start of the next answer.
     */
    public static void end(RoutingContext ctx, String text) {
        if (ctx.request().method() == HttpMethod.HEAD) {
            ctx.response()
                    .putHeader("Content-Length", String.valueOf(text.getBytes(StandardCharsets.UTF_8).length))
                    .end();
        } else {
            ctx.response().end(text);
        }
    }

    public static void error(RoutingContext ctx, int status, String error, List<String> reasons) {
        send(ctx, status, errorBody(error, reasons));
    }

    public static Map<String, Object> errorBody(String error, List<String> reasons) {
        var body = new LinkedHashMap<String, Object>();
        body.put("error", error);
        body.put("reasons", List.copyOf(reasons));
        return body;
    }

    /** Reads JSON text as a map, for request bodies. */
    static Object parse(String text) throws JsonProcessingException {
        return JSON.readValue(text, Object.class);
    }
}

package dev.outreachpipeline.api;

import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /api/v1/openapi.json}: the OpenAPI 3 description of {@code /api/v1}, written by hand in
 * {@code src/main/resources/api/openapi.json} and served as it is. OpenApiDocumentIT fails when a
 * documented operation is not routed or a routed one is not documented.
 */
final class OpenApiDocument {

    static final String RESOURCE = "api/openapi.json";

    private final String text;

    OpenApiDocument() {
        try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            this.text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    void serve(RoutingContext ctx) {
        ctx.response()
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store")
                .end(text);
    }
}

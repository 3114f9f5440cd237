package dev.outreachpipeline.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * api/openapi.json describes exactly the routes {@link ApiRoutes} mounts: every documented operation
 * is routed and every routed /api/v1 operation is documented, compared as "METHOD /path" with the
 * router's {@code :name} parameters written as OpenAPI's {@code {name}}.
 */
class OpenApiDocumentTest {

    private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close();
    }

    @Test
    void theDocumentIsOpenApi3AndListsExactlyTheRoutedOperations() throws Exception {
        JsonNode document;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(OpenApiDocument.RESOURCE)) {
            document = new ObjectMapper().readTree(in);
        }
        assertThat(document.path("openapi").asText()).startsWith("3.");
        assertThat(document.path("servers").get(0).path("url").asText()).isEqualTo(ApiRoutes.BASE);

        var documented = new TreeSet<String>();
        for (var path : document.path("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                if (OPERATIONS.contains(operation.getKey())) {
                    documented.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + ApiRoutes.BASE + path.getKey());
                }
            }
        }

        Router router = Router.router(vertx);
        new ApiRoutes(null, "", 0, 0, null, null, java.util.Map.of()).mount(router);
        var routed = new TreeSet<String>();
        for (Route route : router.getRoutes()) {
            String path = route.getPath();
            assertThat(route.methods()).as("route %s names its methods", path).isNotEmpty();
            route.methods().forEach(m -> routed.add(m.name() + " " + path.replaceAll(":([A-Za-z0-9_]+)", "{$1}")));
        }

        assertThat(routed).as("routed operations").allMatch(op -> op.contains(" " + ApiRoutes.BASE + "/"));
        assertThat(documented).isEqualTo(routed);
        assertThat(routed).contains("GET /api/v1/campaigns/{name}", "DELETE /api/v1/suppressions");
    }
}

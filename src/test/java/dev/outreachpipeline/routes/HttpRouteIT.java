package dev.outreachpipeline.routes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreachpipeline.http.PublicHttpServer;
import dev.outreachpipeline.sending.UnsubscribeTokens;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Proves routes/90-http.camel.yaml: a one-click POST to the unsubscribe link answers that the visitor
 * is unsubscribed, suppresses the address and marks the prospect, through the public HTTP server.
 */
class HttpRouteIT extends RouteTestSupport {

    private static final String SECRET = "an-unsubscribe-secret-of-at-least-32-chars";
    private static final int PORT = freePort();

    @Override
    protected String[] routeFiles() {
        return new String[] {"90-http"};
    }

    @Override
    protected String[] environment() {
        return new String[] {"OUTREACH_UNSUBSCRIBE_SECRET", SECRET, "OUTREACH_HTTP_PORT", String.valueOf(PORT)};
    }

    @Test
    void aOneClickPostUnsubscribes() throws Exception {
        PublicHttpServer.install(context, config, db.dataSource(), Path.of("."));
        context.start();
        UUID id = UUID.fromString(testDb.rowsOf("INSERT INTO prospects (domain, contact_email, outreach_status) VALUES"
                        + " ('oneclick.example', 'Jane@OneClick.example', 'sent') RETURNING id::text AS id")
                .get(0)
                .get("id")
                .toString());

        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/u/"
                                        + UnsubscribeTokens.of(SECRET).tokenFor(id)))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("You are unsubscribed");
        assertThat(testDb.rowsOf("SELECT email, reason FROM suppressions"))
                .containsExactly(Map.of("email", "jane@oneclick.example", "reason", "unsubscribed"));
        assertThat(testDb.rowsOf("SELECT outreach_status FROM prospects").get(0))
                .containsEntry("outreach_status", "unsubscribed");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

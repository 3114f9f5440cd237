package dev.outreachpipeline.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outreachpipeline.testsupport.CliRun;
import dev.outreachpipeline.testsupport.RestartablePostgres;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Liveness and readiness of the running daemon, and readiness following the database: this test
 * has a PostgreSQL of its own (not the shared TestPostgres), on a fixed data directory and port, so
 * it can stop it and start it again where the daemon's pool expects it.
 */
class HealthIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private RestartablePostgres postgres;

    @AfterEach
    void stopPostgres() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void readinessFollowsTheDatabaseWhileLivenessStaysUp() throws Exception {
        postgres = RestartablePostgres.start(dataDir);
        var db = postgres.database();
        CliRun migrate = CliRun.run(db.env(), "db", "migrate");
        assertThat(migrate.exitCode()).as(migrate.err()).isZero();

        try (ManagedDaemon daemon = ManagedDaemon.start(db, "OUTREACH_JOBS_POLL_INTERVAL_MS", "600000")) {
            HttpResponse<String> live = daemon.get("/health/live");
            assertThat(live.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(live.body()).path("status").asText()).isEqualTo("UP");

            HttpResponse<String> ready = daemon.get("/health/ready");
            assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
            JsonNode checks = JSON.readTree(ready.body()).path("checks");
            assertThat(state(checks, "database")).isEqualTo("UP");
            assertThat(state(checks, "migrations")).isEqualTo("UP");
            assertThat(state(checks, "routes")).isEqualTo("UP");
            assertThat(state(checks, "provider:dataforseo")).isEqualTo("INFO");

            postgres.stop();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                HttpResponse<String> down = daemon.get("/health/ready");
                assertThat(down.statusCode()).isEqualTo(503);
                JsonNode downChecks = JSON.readTree(down.body()).path("checks");
                assertThat(state(downChecks, "database")).isEqualTo("DOWN");
                assertThat(detail(downChecks, "database")).startsWith("The database is not reachable");
            });
            assertThat(daemon.get("/health/live").statusCode()).isEqualTo(200);

            postgres.startAgain();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                HttpResponse<String> back = daemon.get("/health/ready");
                assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
            });
        }
    }

    @Test
    void onlyGetOnTheThreeEndpointsIsServed() throws Exception {
        postgres = RestartablePostgres.start(dataDir);
        var db = postgres.database();
        assertThat(CliRun.run(db.env(), "db", "migrate").exitCode()).isZero();
        try (ManagedDaemon daemon = ManagedDaemon.start(db, "OUTREACH_JOBS_POLL_INTERVAL_MS", "600000")) {
            assertThat(daemon.get("/health").statusCode()).isEqualTo(404);
            assertThat(daemon.get("/u/anything").statusCode()).isEqualTo(404);
            var post = java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(
                                            java.net.URI.create("http://127.0.0.1:" + daemon.port() + "/health/live"))
                                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(405);
        }
    }

    private static String state(JsonNode checks, String name) {
        return find(checks, name).path("state").asText();
    }

    private static String detail(JsonNode checks, String name) {
        return find(checks, name).path("detail").asText();
    }

    private static JsonNode find(JsonNode checks, String name) {
        for (JsonNode c : checks) {
            if (c.path("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no check named " + name + " in " + checks);
    }
}

package dev.outreachpipeline.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.outreachpipeline.sending.UnsubscribeTokens;
import dev.outreachpipeline.testsupport.CliRun;
import dev.outreachpipeline.testsupport.RestartablePostgres;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An unsubscribe while the database is down: answered within a few seconds, kept in the local journal,
 * and applied to the suppression list once the database is back. This test has a PostgreSQL of its own
 * (not the shared TestPostgres) on a fixed data directory and port, so it can stop it and start it again.
 */
class UnsubscribeWhileDatabaseDownIT {

    private static final String SECRET = "an-unsubscribe-secret-of-at-least-32-chars";
    private static final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @TempDir
    Path dir;

    private RestartablePostgres postgres;

    @AfterEach
    void stopPostgres() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void theRequestIsAnsweredAtOnceKeptAndAppliedWhenTheDatabaseIsBack() throws Exception {
        postgres = RestartablePostgres.start(dir.resolve("postgres"));
        var db = postgres.database();
        CliRun migrate = CliRun.run(db.env(), "db", "migrate");
        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        UUID id = UUID.fromString(db.rowsOf("INSERT INTO prospects (domain, contact_email, outreach_status)"
                        + " VALUES ('outage.example', 'Someone@Outage.example', 'sent') RETURNING id::text AS id")
                .get(0)
                .get("id")
                .toString());
        String link = "/u/" + UnsubscribeTokens.of(SECRET).tokenFor(id);
        Path journal = dir.resolve("state/unsubscribe-journal.txt");

        InProcessDaemon daemon = InProcessDaemon.start(
                db,
                "OUTREACH_JOBS_POLL_INTERVAL_MS",
                "600000",
                "OUTREACH_UNSUBSCRIBE_SECRET",
                SECRET,
                "OUTREACH_UNSUBSCRIBE_DATABASE_TIMEOUT",
                "1s",
                "OUTREACH_UNSUBSCRIBE_JOURNAL_FILE",
                journal.toString(),
                "OUTREACH_UNSUBSCRIBE_JOURNAL_REPLAY_INTERVAL",
                "1s");
        try {
            postgres.stop();

            long started = System.nanoTime();
            HttpResponse<String> page = http.send(
                    HttpRequest.newBuilder(daemon.uri(link))
                            .timeout(Duration.ofSeconds(20))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> done = http.send(
                    HttpRequest.newBuilder(daemon.uri(link))
                            .timeout(Duration.ofSeconds(20))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(took).isLessThan(Duration.ofSeconds(8));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("this address").contains("<form method=\"post\">");
            assertThat(done.statusCode()).isEqualTo(200);
            assertThat(done.body()).contains("Your request is recorded");
            assertThat(Files.readAllLines(journal)).singleElement().asString().startsWith(id + "\tone-click link\t");

            postgres.startAgain();

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(db.rowsOf("SELECT reason, source FROM suppressions WHERE email = 'someone@outage.example'"))
                        .containsExactly(Map.of("reason", "unsubscribed", "source", "one-click link"));
                assertThat(db.rowsOf("SELECT outreach_status FROM prospects WHERE id = '" + id + "'"))
                        .containsExactly(Map.of("outreach_status", "unsubscribed"));
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(journal));
        } finally {
            daemon.stop();
        }
    }
}

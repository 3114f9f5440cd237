package dev.outreachpipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreachpipeline.testsupport.JarProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `outreach run` started before its database answers: it waits with backoff, within a budget. */
class RunWaitsForDatabaseIT {

    private static final Duration LONG = Duration.ofSeconds(90);

    @TempDir
    Path workDir;

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static Map<String, String> env(int port, String retrySeconds) {
        var env = new HashMap<>(envWithDefaultConnectTimeout(port, retrySeconds));
        env.put("OUTREACH_DATABASE_CONNECT_TIMEOUT_SECONDS", "1");
        return env;
    }

    private static Map<String, String> envWithDefaultConnectTimeout(int port, String retrySeconds) {
        return Map.of(
                "DATABASE_URL",
                "postgres://postgres:pg-s3cret@127.0.0.1:" + port + "/postgres",
                "OUTREACH_DATABASE_START_RETRY_SECONDS",
                retrySeconds,
                "OUTREACH_HTTP_PORT",
                "0",
                "OUTREACH_HTTP_BIND",
                "127.0.0.1");
    }

    @Test
    void aDatabaseThatNeverAnswersEndsTheStartAfterTheRetryBudgetWithExit1() throws Exception {
        int port = freePort();

        // the connect timeout (30 s by default) is longer than the budget: no try may outlast the budget
        long started = System.nanoTime();
        try (JarProcess run = JarProcess.start(workDir, envWithDefaultConnectTimeout(port, "4"), "run")) {
            assertThat(run.waitFor(LONG)).as(run.err()).isEqualTo(1);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            String err = run.err();
            assertThat(err)
                    .contains("database not reachable at 127.0.0.1:" + port)
                    .containsPattern("\\(Connection refused\\); retrying in 1 s, attempt 2")
                    // the backoff doubles, but never past what is left of the budget; every try is reported
                    .containsPattern("retrying in [12] s, attempt 3")
                    .contains("was not reachable within 4 s (outreach.database.start-retry-seconds)")
                    .doesNotContain("pg-s3cret");
            // 4 s of budget, plus the JVM's start and the last try's minimum of 1 s; far from the 30 s connect timeout
            assertThat(took).as(err).isLessThan(Duration.ofSeconds(20));
        }
    }

    @Test
    void otherCommandsDoNotWait() throws Exception {
        int port = freePort();

        try (JarProcess verify = JarProcess.start(workDir, env(port, "60"), "db", "verify")) {
            assertThat(verify.waitFor(LONG)).isNotZero();
            assertThat(verify.err()).doesNotContain("retrying in").doesNotContain("pg-s3cret");
        }
    }

    @Test
    void aDaemonStartedBeforeItsDatabaseComesUpWhenTheDatabaseDoes() throws Exception {
        int port = freePort();

        try (JarProcess run = JarProcess.start(workDir, env(port, "120"), "run", "--migrate")) {
            run.awaitErr("database not reachable at 127.0.0.1:" + port, LONG);
            try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setPort(port).start()) {
                pg.getPostgresDatabase()
                        .getConnection()
                        .createStatement()
                        .execute("ALTER USER postgres PASSWORD 'pg-s3cret'");
                run.awaitErr("Routes startup", LONG);
                assertThat(run.terminate(LONG)).isEqualTo(143);
            }
            assertThat(run.err()).doesNotContain("pg-s3cret");
        }
    }
}

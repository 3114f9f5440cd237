package dev.outreachpipeline.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreachpipeline.testsupport.CliRun;
import dev.outreachpipeline.testsupport.CurrentSchema;
import dev.outreachpipeline.testsupport.JarProcess;
import dev.outreachpipeline.testsupport.TestDatabase;
import dev.outreachpipeline.testsupport.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, run as an operator runs it. */
class DaemonProcessIT {

    private static final Duration START = Duration.ofSeconds(90);

    @TempDir
    Path workDir;

    @Test
    void runMigratesOnRequestBeatsAndStopsGracefullyOnSigterm() throws Exception {
        TestDatabase db = TestPostgres.newDatabase();
        try (JarProcess daemon =
                JarProcess.start(workDir, db.env("OUTREACH_DAEMON_HEARTBEAT_SECONDS", "1"), "run", "--migrate")) {
            daemon.awaitErr("Heartbeat: routes running", START);

            int exit = daemon.terminate(Duration.ofSeconds(60));

            // 143 = ended by SIGTERM after the shutdown hook completed (not killed)
            assertThat(exit).isEqualTo(143);
            assertThat(daemon.err())
                    .contains("Applied " + CurrentSchema.migrationCount() + " migration(s)")
                    .contains("Stop requested")
                    .contains("Routes stopped")
                    .contains("The daemon has stopped")
                    .doesNotContain("ERROR");
            assertThat(daemon.err().indexOf("Routes stopped"))
                    .isLessThan(daemon.err().indexOf("The daemon has stopped"));
        }
    }

    @Test
    void theEmbeddedDatabaseIsKeptAcrossRestartsAndStoppedOnExit() throws Exception {
        try (JarProcess first = JarProcess.start(workDir, Map.of(), "db", "migrate")) {
            assertThat(first.waitFor(START)).as(first.err()).isZero();
            assertThat(first.out()).contains("Applied " + CurrentSchema.migrationCount() + " migration(s)");
            assertThat(first.err()).contains("Using embedded PostgreSQL, data in " + workDir.resolve("data/postgres"));
        }
        assertThat(workDir.resolve("data/postgres/PG_VERSION")).exists();
        assertThat(workDir.resolve("data/postgres/postmaster.pid"))
                .as("the server was stopped")
                .doesNotExist();

        // the embedded database (no DATABASE_URL), and HTTP on a free local port rather than 8080
        try (JarProcess daemon = JarProcess.start(
                workDir,
                Map.of("OUTREACH_HTTP_PORT", "0", "OUTREACH_HTTP_BIND", "127.0.0.1", "OUTREACH_MANAGEMENT_PORT", "0"),
                "run")) {
            daemon.awaitErr("Routes startup", START);
            // a second process while the daemon runs attaches to the same server instead of failing
            try (JarProcess cli = JarProcess.start(workDir, Map.of(), "db", "migrate")) {
                assertThat(cli.waitFor(START)).as(cli.err()).isZero();
                assertThat(cli.out())
                        .contains("The schema is up to date (version " + CurrentSchema.latestVersion() + ")");
                assertThat(cli.err()).contains("already running");
            }
            assertThat(daemon.terminate(Duration.ofSeconds(60))).isEqualTo(143);
            assertThat(daemon.err()).contains("Embedded PostgreSQL stopped");
        }
        assertThat(workDir.resolve("data/postgres/postmaster.pid")).doesNotExist();
        assertThat(Files.list(workDir.resolve("data/postgres")).count()).isPositive();
    }

    @Test
    void runRefusesAnUnmigratedDatabaseAndNamesTheFix() throws Exception {
        TestDatabase db = TestPostgres.newDatabase();

        CliRun run = CliRun.run(db.env(), "run");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("outreach db migrate");
    }
}

package dev.outreachpipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreachpipeline.jobs.NodeIdentity;
import dev.outreachpipeline.testsupport.CliRun;
import dev.outreachpipeline.testsupport.RunningDaemon;
import dev.outreachpipeline.testsupport.TestDatabase;
import dev.outreachpipeline.testsupport.TestPostgres;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Commands that talk about the daemon's work (send --dry-run, status) judge by the settings the daemon
 * recorded at its start, and say where the terminal's own configuration differs.
 */
class DaemonSettingsIT {

    private static final String SMTP_PASS = "smtp-Pa55-never-stored";
    private static final String UNSUBSCRIBE_SECRET = "unsubscribe-secret-never-stored-0123456789";

    private final TestDatabase db = TestPostgres.newDatabase();

    /** How the daemon was started: cap 50, spacing 2 s. */
    private final String[] daemonEnv = {
        "MAIL_FROM",
        "daemon@sender.example",
        "OUTREACH_SEND_DAILY_CAP",
        "50",
        "OUTREACH_SEND_SPACING",
        "2s",
        "OUTREACH_SEND_SPACING_JITTER",
        "0s",
        "SMTP_PASSWORD",
        SMTP_PASS,
        "OUTREACH_UNSUBSCRIBE_SECRET",
        UNSUBSCRIBE_SECRET,
        "OUTREACH_JOBS_POLL_INTERVAL_MS",
        "600000"
    };

    /** The terminal an operator types in: cap 10, spacing 90 s, another mailbox. */
    private Map<String, String> terminal() {
        return db.env(
                "MAIL_FROM",
                "terminal@sender.example",
                "OUTREACH_SEND_DAILY_CAP",
                "10",
                "OUTREACH_SEND_SPACING",
                "90s",
                "OUTREACH_SEND_SPACING_JITTER",
                "30s");
    }

    @BeforeEach
    void migrate() {
        assertThat(CliRun.run(db.env(), "db", "migrate").exitCode()).isZero();
    }

    @Test
    void withNoDaemonRecordedTheTerminalsConfigurationIsUsedAndSaidSo() {
        CliRun dry = CliRun.run(terminal(), "send", "--dry-run");

        assertThat(dry.exitCode()).as(dry.err()).isZero();
        assertThat(dry.err())
                .contains(
                        "No daemon has recorded its settings in this database yet; using this terminal's configuration.");
        assertThat(dry.out()).contains("(cap 10)").contains("spacing 90s");
    }

    @Test
    void sendDryRunAndStatusUseTheRunningDaemonsSettingsAndNameEveryDifference() throws Exception {
        try (var daemon = RunningDaemon.start(db.config(daemonEnv), db.open(), Path.of("target"))) {
            String node = daemon.context()
                    .getRegistry()
                    .lookupByNameAndType("nodeIdentity", NodeIdentity.class)
                    .node();

            CliRun dry = CliRun.run(terminal(), "send", "--dry-run");
            CliRun status = CliRun.run(terminal(), "status");
            CliRun json = CliRun.run(terminal(), "status", "--json");

            assertThat(dry.exitCode()).as(dry.err()).isZero();
            assertThat(dry.err())
                    .contains("Using the settings of the daemon on node " + node)
                    .contains("This terminal's configuration differs from the daemon's; the daemon's values apply:")
                    .contains("  outreach.send.daily-cap: daemon 50, this terminal 10")
                    .contains("  outreach.send.spacing: daemon 2s, this terminal 90s")
                    .contains("  outreach.send.spacing-jitter: daemon 0s, this terminal 30s")
                    .contains("daemon daemon@sender.example, this terminal terminal@sender.example");
            assertThat(dry.out())
                    .contains("Mailbox daemon@sender.example")
                    .contains("(cap 50)")
                    .contains("spacing 2s")
                    .doesNotContain("24 h (cap 10)");

            assertThat(status.exitCode()).as(status.err()).isZero();
            assertThat(status.err())
                    .contains("Using the settings of the daemon on node")
                    .contains("outreach.send.daily-cap: daemon 50, this terminal 10");
            assertThat(status.out()).contains("daily cap of 50").contains("mailbox daemon@sender.example");
            assertThat(json.out()).contains("\"daily_cap\" : 50");
        }
    }

    @Test
    @SuppressWarnings("try") // the daemon runs only so that it records its settings; the body reads them from the table
    void theDaemonRecordsNoSecretAndAStoppedDaemonIsNamedAsSuch() throws Exception {
        try (var daemon = RunningDaemon.start(db.config(daemonEnv), db.open(), Path.of("target"))) {
            String stored = String.valueOf(db.rowsOf("SELECT settings::text AS s FROM daemon_settings")
                    .get(0)
                    .get("s"));
            assertThat(stored)
                    .contains("\"outreach.send.daily-cap\": \"50\"")
                    .doesNotContain(SMTP_PASS)
                    .doesNotContain(UNSUBSCRIBE_SECRET)
                    .doesNotContain("outreach.smtp.password")
                    .doesNotContain("outreach.database.url");
        }

        CliRun dry = CliRun.run(terminal(), "send", "--dry-run");

        assertThat(dry.exitCode()).as(dry.err()).isZero();
        assertThat(dry.err())
                .contains("No daemon is running; using the settings the last one ran with (node ")
                .contains("outreach.send.daily-cap: daemon 50, this terminal 10");
        assertThat(dry.out()).contains("(cap 50)");
    }
}

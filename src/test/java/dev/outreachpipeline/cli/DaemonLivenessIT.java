package dev.outreachpipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.outreachpipeline.db.Database;
import dev.outreachpipeline.db.Migrations;
import dev.outreachpipeline.jobs.NodeIdentity;
import dev.outreachpipeline.testsupport.CliRun;
import dev.outreachpipeline.testsupport.RunningDaemon;
import dev.outreachpipeline.testsupport.TestDatabase;
import dev.outreachpipeline.testsupport.TestPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A recorded daemon counts as running only while its heartbeat keeps its row fresh: a daemon killed
 * with kill -9 never records its stop, and commands must not take it for running forever.
 */
class DaemonLivenessIT {

    private final TestDatabase db = TestPostgres.newDatabase();

    /** The terminal an operator types in: cap 10. */
    private Map<String, String> terminal() {
        return db.env("MAIL_FROM", "terminal@sender.example", "OUTREACH_SEND_DAILY_CAP", "10");
    }

    private void migrate() {
        CliRun migrate = CliRun.run(db.env(), "db", "migrate");
        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
    }

    /** A node as a daemon records it, with cap 50, started an hour ago and last seen {@code silentSeconds} ago. */
    private void recordNode(String node, int heartbeatSeconds, int silentSeconds) {
        db.execute("INSERT INTO daemon_settings (node, started_at, seen_at, settings) VALUES ('" + node + "',"
                + " now() - interval '1 hour', now() - make_interval(secs => " + silentSeconds + "),"
                + " '{\"outreach.daemon.heartbeat-seconds\": \"" + heartbeatSeconds
                + "\", \"outreach.send.daily-cap\": \"50\"}')");
    }

    @Test
    void aNodeSilentForSeveralHeartbeatsIsReportedAsNotRunningAndItsSettingsStillApply() {
        migrate();
        recordNode("killed-host:4242:dead", 60, 600);

        CliRun dry = CliRun.run(terminal(), "send", "--dry-run");
        CliRun status = CliRun.run(terminal(), "status");

        assertThat(dry.exitCode()).as(dry.err()).isZero();
        assertThat(dry.err())
                .containsPattern(
                        "The daemon on node killed-host:4242:dead was last seen at \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"
                                + " \\(not running\\?\\); using the settings it ran with\\.")
                .doesNotContain("Using the settings of the daemon on node")
                .contains("outreach.send.daily-cap: daemon 50, this terminal 10");
        assertThat(dry.out()).contains("(cap 50)");
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.err()).contains("was last seen at", "(not running?)");
    }

    @Test
    void theSilenceANodeIsAllowedFollowsItsOwnRecordedHeartbeat() {
        migrate();
        // three heartbeats of 600 s are 30 min: ten minutes of silence is within them
        recordNode("slow-beat:1:aaaa", 600, 600);
        assertThat(CliRun.run(terminal(), "send", "--dry-run").err())
                .contains("Using the settings of the daemon on node slow-beat:1:aaaa");

        // a 1 s heartbeat still gets the least silence of 30 s before it is doubted ...
        db.execute(
                "UPDATE daemon_settings SET settings = jsonb_set(settings, '{outreach.daemon.heartbeat-seconds}', '\"1\"'),"
                        + " seen_at = now() - interval '20 seconds'");
        assertThat(CliRun.run(terminal(), "send", "--dry-run").err())
                .contains("Using the settings of the daemon on node slow-beat:1:aaaa");

        // ... and not more
        db.execute("UPDATE daemon_settings SET seen_at = now() - interval '40 seconds'");
        assertThat(CliRun.run(terminal(), "send", "--dry-run").err())
                .contains("The daemon on node slow-beat:1:aaaa was last seen at", "(not running?)");
    }

    @Test
    void aRunningNodeIsPreferredToANewerOneThatWentSilent() {
        migrate();
        recordNode("alive:1:aaaa", 60, 5);
        recordNode("killed:2:bbbb", 60, 600);
        db.execute(
                "UPDATE daemon_settings SET started_at = now() - interval '20 minutes' WHERE node = 'killed:2:bbbb'");

        assertThat(CliRun.run(terminal(), "send", "--dry-run").err())
                .contains("Using the settings of the daemon on node alive:1:aaaa");
    }

    @Test
    void theHeartbeatKeepsARunningDaemonSeen() throws Exception {
        migrate();
        try (var daemon = RunningDaemon.start(
                db.config("OUTREACH_DAEMON_HEARTBEAT_SECONDS", "1", "OUTREACH_JOBS_POLL_INTERVAL_MS", "600000"),
                db.open(),
                Path.of("target"))) {
            String node = daemon.context()
                    .getRegistry()
                    .lookupByNameAndType("nodeIdentity", NodeIdentity.class)
                    .node();
            Instant started = seenAt(node);

            await().atMost(Duration.ofSeconds(20)).until(() -> seenAt(node).isAfter(started));
            Instant firstBeat = seenAt(node);
            await().atMost(Duration.ofSeconds(20)).until(() -> seenAt(node).isAfter(firstBeat));

            assertThat(CliRun.run(terminal(), "send", "--dry-run").err())
                    .contains("Using the settings of the daemon on node " + node);
        }
    }

    @Test
    void rowsRecordedBeforeTheHeartbeatWasKeptCountAsSeenAtTheirStart() {
        try (Database database = db.open()) {
            Migrations.configure(database.dataSource(), "public")
                    .target("14")
                    .load()
                    .migrate();
        }
        db.execute(
                "INSERT INTO daemon_settings (node, started_at, settings) VALUES ('old:1:aaaa', now() - interval '2 days', '{}')");

        migrate();

        assertThat(db.count("SELECT count(*) FROM daemon_settings WHERE node = 'old:1:aaaa' AND seen_at = started_at"))
                .isEqualTo(1);
        assertThat(CliRun.run(terminal(), "send", "--dry-run").err())
                .contains("The daemon on node old:1:aaaa was last seen at", "(not running?)");
    }

    private Instant seenAt(String node) {
        return ((java.sql.Timestamp) db.rowsOf("SELECT seen_at FROM daemon_settings WHERE node = '" + node + "'")
                        .get(0)
                        .get("seen_at"))
                .toInstant();
    }
}

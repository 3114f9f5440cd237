package dev.outreachpipeline.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.outreachpipeline.daemon.Daemon;
import dev.outreachpipeline.testsupport.CliRun;
import dev.outreachpipeline.testsupport.TestDatabase;
import dev.outreachpipeline.testsupport.TestPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Schedules fire through Quartz's clustered JDBC store and only enqueue jobs. */
class ScheduledDiscoveryIT {

    private static final String EVERY_SECOND = "* * * * * ?";

    private final TestDatabase db = TestPostgres.newDatabase();

    /** Runs the daemon in this JVM until {@code check} has run, then stops it. */
    private void whileTheDaemonRuns(Runnable check) throws Exception {
        whileTheDaemonRuns(check, "OUTREACH_SCHEDULE_DISCOVERY_CRON", EVERY_SECOND);
    }

    private void whileTheDaemonRuns(Runnable check, String... env) throws Exception {
        // no worker picks the enqueued job up: these tests look at what the schedule enqueues
        var all = new java.util.ArrayList<>(java.util.List.of(env));
        all.addAll(java.util.List.of("OUTREACH_JOBS_POLL_INTERVAL_MS", "600000"));
        var config = db.config(all.toArray(String[]::new));
        var daemon = new Daemon(config, db.open(), Path.of("target"));
        CompletableFuture<Void> running = CompletableFuture.runAsync(() -> {
            try {
                daemon.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            check.run();
        } finally {
            daemon.main().completed();
            running.get(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void anEnabledAutomationIsEnqueuedAsADiscoverJobByTheClusteredScheduler() throws Exception {
        assertThat(CliRun.run(db.env(), "db", "migrate").exitCode()).isZero();
        db.execute("""
                INSERT INTO settings (key, value) VALUES ('automation', '{"enabled": true, "automatic_scraper": true,
                  "locations": ["usa", "uk"], "categories": ["home_decor"], "keywords": "garden lights", "max_results": 25}')""");

        whileTheDaemonRuns(() -> await().atMost(Duration.ofSeconds(30))
                .until(() -> db.count("SELECT count(*) FROM jobs WHERE origin = 'schedule:discovery'") >= 1));

        assertThat(db.count("""
                SELECT count(*) FROM jobs WHERE origin = 'schedule:discovery' AND job_type = 'discover' AND status = 'pending'
                   AND params->>'keywords' = 'garden lights' AND params->>'max_results' = '25'""")).isPositive();
        assertThat(db.count("SELECT count(*) FROM qrtz_triggers WHERE trigger_name = 'scheduled-discovery'"))
                .isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM qrtz_scheduler_state WHERE sched_name = 'outreach-pipeline'"))
                .isPositive();
    }

    @Test
    void aDisabledOrUnrunnableAutomationEnqueuesNothing() throws Exception {
        assertThat(CliRun.run(db.env(), "db", "migrate").exitCode()).isZero();
        db.execute("""
                INSERT INTO settings (key, value) VALUES ('automation', '{"enabled": true, "locations": ["europe"],
                  "categories": ["home_decor"], "keywords": "x", "max_results": 10}')""");

        whileTheDaemonRuns(() -> {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> db.count("SELECT count(*) FROM qrtz_triggers WHERE prev_fire_time > 0") == 1);
            await().during(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> db.count("SELECT count(*) FROM jobs") == 0);
        });
    }

    @Test
    void aControlCharacterInTheAutomationSettingSkipsTheFiringWithOneWarningNamingTheSetting() throws Exception {
        assertThat(CliRun.run(db.env(), "db", "migrate").exitCode()).isZero();
        db.execute("""
                INSERT INTO settings (key, value) VALUES ('automation', '{"enabled": true, "locations": ["usa"],
                  "categories": [], "keywords": "garden\\u0000lights", "max_results": 10}')""");
        var root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        var appender = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        appender.start();
        root.addAppender(appender);
        try {
            whileTheDaemonRuns(() -> await().atMost(Duration.ofSeconds(30))
                    .until(() -> java.util.List.copyOf(appender.list).stream()
                            .anyMatch(e -> e.getFormattedMessage().startsWith("Scheduled discovery:"))));
        } finally {
            root.detachAppender(appender);
        }

        assertThat(db.count("SELECT count(*) FROM jobs")).isZero();
        var firings = java.util.List.copyOf(appender.list).stream()
                .filter(e -> e.getFormattedMessage().startsWith("Scheduled discovery:"))
                .toList();
        assertThat(firings).allSatisfy(e -> {
            assertThat(e.getLevel()).isEqualTo(ch.qos.logback.classic.Level.WARN);
            assertThat(e.getThrowableProxy()).isNull();
            assertThat(e.getFormattedMessage())
                    .isEqualTo(
                            "Scheduled discovery: the 'automation' setting cannot be run,"
                                    + " nothing enqueued: The keyword 'garden\\u0000lights' contains control characters (U+0000); remove them.");
        });
        assertThat(java.util.List.copyOf(appender.list))
                .noneMatch(e -> e.getLevel() == ch.qos.logback.classic.Level.ERROR);
    }

    @Test
    void theSendScheduleEnqueuesASendJobOnlyWhenMessagesWait() throws Exception {
        assertThat(CliRun.run(db.env(), "db", "migrate").exitCode()).isZero();

        whileTheDaemonRuns(
                () -> {
                    await().atMost(Duration.ofSeconds(30))
                            .until(() -> db.count(
                                            "SELECT count(*) FROM qrtz_triggers WHERE trigger_name = 'scheduled-sending'"
                                                    + " AND prev_fire_time > 0")
                                    == 1);
                    assertThat(db.count("SELECT count(*) FROM jobs")).isZero();
                    db.execute(
                            "INSERT INTO prospects (domain, contact_email, outreach_status) VALUES ('a.example', 'ed@a.example', 'approved')");
                    await().atMost(Duration.ofSeconds(30))
                            .until(() -> db.count("SELECT count(*) FROM jobs WHERE job_type = 'send'"
                                            + " AND origin = 'schedule:send'")
                                    == 1);
                    await().during(Duration.ofSeconds(2))
                            .atMost(Duration.ofSeconds(4))
                            .until(() -> db.count("SELECT count(*) FROM jobs WHERE job_type = 'send'") == 1);
                },
                "OUTREACH_SCHEDULE_SEND_CRON",
                EVERY_SECOND);
        assertThat(db.count("SELECT count(*) FROM jobs WHERE job_type = 'check_replies'"))
                .isZero();
    }
}

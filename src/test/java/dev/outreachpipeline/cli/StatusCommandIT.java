package dev.outreachpipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outreachpipeline.testsupport.CliRun;
import dev.outreachpipeline.testsupport.SampleRows;
import dev.outreachpipeline.testsupport.TestDatabase;
import dev.outreachpipeline.testsupport.TestPostgres;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code outreach status} reads its figures from the database, with no daemon running. */
class StatusCommandIT {

    private static final long NEXT_FIRE = Instant.parse("2031-05-06T07:00:00Z").toEpochMilli();

    private final TestDatabase db = TestPostgres.newDatabase();
    private final Map<String, String> env =
            db.env("MAIL_FROM", "Sam@Sender.example", "OUTREACH_SEND_DAILY_CAP", "20", "OUTREACH_SEND_HOURLY_CAP", "5");

    @BeforeEach
    void seed() {
        assertThat(CliRun.run(env, "db", "migrate").exitCode()).isZero();
        SampleRows.insert(db); // jobs: discovery/done, enrichment/pending; prospects: sent, pending
        db.execute("""
                INSERT INTO jobs (id, job_type, status, result, created_at, updated_at, origin) VALUES
                 ('10000000-0000-4000-8000-000000000001', 'discover', 'completed', NULL, now(), now(), 'cli'),
                 ('10000000-0000-4000-8000-000000000002', 'discover', 'failed', NULL, now(), now(), 'cli'),
                 ('10000000-0000-4000-8000-000000000003', 'enrich', 'completed', '{"provider_calls": 5, "enriched": 2}', now(), now(), 'chain'),
                 ('10000000-0000-4000-8000-000000000004', 'enrich', 'completed', '{"provider_calls": 7}', '2020-01-01', '2020-01-01', 'chain');
                INSERT INTO discovery_queries (job_id, keyword, location, status, api_calls, cost) VALUES
                 ('10000000-0000-4000-8000-000000000001', 'a', 'uk', 'success', 2, 0.004),
                 ('10000000-0000-4000-8000-000000000002', 'b', 'uk', 'failed', 1, 0.0015);
                INSERT INTO discovery_queries (job_id, keyword, location, status, api_calls, cost, created_at, updated_at) VALUES
                 ('10000000-0000-4000-8000-000000000002', 'old', 'uk', 'success', 9, 1.5, '2020-01-01', '2020-01-01');
                INSERT INTO prospects (id, domain, contact_email, outreach_status, enriched_at) VALUES
                 ('20000000-0000-4000-8000-000000000001', 'one.example', 'ed@one.example', 'enriched', now()),
                 ('20000000-0000-4000-8000-000000000002', 'two.example', 'ed@two.example', 'sent', now()),
                 ('20000000-0000-4000-8000-000000000003', 'three.example', 'ed@three.example', 'sent', '2020-01-01');
                INSERT INTO send_attempts (prospect_id, step, message_id, mailbox, status, created_at) VALUES
                 ('20000000-0000-4000-8000-000000000002', 0, '<a@sender.example>', 'sam@sender.example', 'sent', now() - interval '10 minutes'),
                 ('20000000-0000-4000-8000-000000000003', 0, '<b@sender.example>', 'sam@sender.example', 'sent', now() - interval '3 hours'),
                 ('20000000-0000-4000-8000-000000000001', 0, '<c@sender.example>', 'sam@sender.example', 'temporary', now()),
                 ('20000000-0000-4000-8000-000000000003', 1, '<d@sender.example>', 'other@sender.example', 'sent', now());
                INSERT INTO suppressions (email, domain, reason) VALUES
                 ('x@one.example', NULL, 'unsubscribed'), (NULL, 'spam.example', 'manual');
                INSERT INTO qrtz_job_details (sched_name, job_name, job_group, job_class_name, is_durable, is_nonconcurrent,
                                              is_update_data, requests_recovery)
                     VALUES ('outreach-pipeline', 'j', 'g', 'org.example.Job', false, true, false, false);
                """);
        db.execute(
                "INSERT INTO qrtz_triggers (sched_name, trigger_name, trigger_group, job_name, job_group, next_fire_time,"
                        + " trigger_state, trigger_type, start_time) VALUES ('outreach-pipeline', 'scheduled-discovery', 'g', 'j', 'g', "
                        + NEXT_FIRE + ", 'WAITING', 'CRON', 0)");
    }

    @Test
    void theJsonOverviewHasTheSeededFigures() throws Exception {
        CliRun run = CliRun.run(env, "status", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode s = new ObjectMapper().readTree(run.out());
        assertThat(s.at("/jobs/by_status/completed").asLong()).isEqualTo(3);
        assertThat(s.at("/jobs/by_status/failed").asLong()).isEqualTo(1);
        assertThat(s.at("/jobs/by_status/pending").asLong()).isEqualTo(1);
        assertThat(s.at("/jobs/by_type/discover/completed").asLong()).isEqualTo(1);
        assertThat(s.at("/jobs/by_type/enrich/completed").asLong()).isEqualTo(2);
        assertThat(s.at("/prospects/sent").asLong()).isEqualTo(3);
        assertThat(s.at("/prospects/enriched").asLong()).isEqualTo(1);
        assertThat(s.at("/prospects/pending").asLong()).isEqualTo(1);
        assertThat(s.at("/sends/mailbox").asText()).isEqualTo("sam@sender.example");
        assertThat(s.at("/sends/last_24h").asLong()).isEqualTo(2);
        assertThat(s.at("/sends/last_hour").asLong()).isEqualTo(1);
        assertThat(s.at("/sends/daily_cap").asLong()).isEqualTo(20);
        assertThat(s.at("/sends/daily_headroom").asLong()).isEqualTo(18);
        assertThat(s.at("/sends/hourly_headroom").asLong()).isEqualTo(4);
        assertThat(s.at("/providers/dataforseo/today/calls").asLong()).isEqualTo(3);
        assertThat(s.at("/providers/dataforseo/today/cost_usd").asText()).isEqualTo("0.0055");
        assertThat(s.at("/providers/dataforseo/month/calls").asLong()).isEqualTo(3);
        assertThat(s.at("/providers/hunter/today/calls").asLong()).isEqualTo(5);
        assertThat(s.at("/providers/hunter/today/domains_enriched").asLong()).isEqualTo(2);
        assertThat(s.at("/providers/hunter/cost_usd").isNull()).isTrue();
        assertThat(s.at("/providers/hunter/source").asText()).contains("cost: unknown");
        assertThat(s.at("/suppressions").asLong()).isEqualTo(2);
        assertThat(s.at("/schedules/0/trigger").asText()).isEqualTo("scheduled-discovery");
        assertThat(s.at("/schedules/0/next_fire").asText()).isEqualTo("2031-05-06T07:00:00Z");
    }

    @Test
    void theTextOverviewSaysTheSameOnOneScreen() {
        CliRun run = CliRun.run(env, "status");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("Jobs:       completed 3, done 1, failed 1, pending 1")
                .contains("enrich     completed 2")
                .contains("Prospects:  enriched 1, pending 1, sent 3")
                .contains(
                        "2 in the last 24 h of a daily cap of 20 (18 left), 1 in the last hour of an hourly cap of 5 (4 left)")
                .contains("DataForSEO: today 3 call(s), $0.0055; this month 3 call(s), $0.0055")
                .contains("Hunter:     today 5 call(s), 2 domain(s) enriched")
                .contains("cost unknown")
                .contains("Suppressed: 2")
                .contains("scheduled-discovery    next 2031-05-06T07:00:00Z (waiting)");
        assertThat(run.out().lines().count()).isLessThanOrEqualTo(25);
    }

    @Test
    void furtherMailboxesAreNamedUnderTheDefaultMailboxsCapsWithWhereToSeeTheirs() {
        var withSecond = new java.util.HashMap<>(env);
        withSecond.put("OUTREACH_MAILBOXES", "kim");
        withSecond.put("OUTREACH_MAILBOX_KIM_FROM", "kim@second.example");
        withSecond.put("OUTREACH_MAILBOX_KIM_SMTP_HOST", "smtp.second.example");

        CliRun run = CliRun.run(withSecond, "status");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .containsPattern("(?m)^Sending: .*\\n {12}further mailboxes \\(kim\\): their sends and caps in"
                        + " `outreach mailbox list`$");
        assertThat(CliRun.run(env, "status").out()).doesNotContain("further mailboxes");
    }

    @Test
    void textFromTheDatabaseIsShownWithVisibleEscapesInTextAndJson() {
        // a window title with a bell, and a C1 CSI clear-screen that JSON writers leave as it is
        db.execute(
                "INSERT INTO qrtz_triggers (sched_name, trigger_name, trigger_group, job_name, job_group, next_fire_time,"
                        + " trigger_state, trigger_type, start_time) VALUES ('outreach-pipeline', 'evil' || chr(27) || ']0;pwned'"
                        + " || chr(7) || chr(155) || '2J', 'g', 'j', 'g', " + (NEXT_FIRE + 1)
                        + ", 'WAITING', 'CRON', 0)");

        CliRun text = CliRun.run(env, "status");
        CliRun json = CliRun.run(env, "status", "--json");

        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out())
                .doesNotContain("\u001B")
                .doesNotContain("\u0007")
                .doesNotContain("\u009B")
                .contains("evil\\x1B]0;pwned\\x07\\x9B2J");
        assertThat(json.exitCode()).as(json.err()).isZero();
        assertThat(json.out())
                .doesNotContain("\u001B")
                .doesNotContain("\u0007")
                .doesNotContain("\u009B")
                .contains("evil\\u001B]0;pwned\\u0007\\u009B2J");
    }

    @Test
    void anUnmigratedDatabaseIsNamedWithTheCommandThatFixesIt() {
        TestDatabase empty = TestPostgres.newDatabase();
        CliRun run = CliRun.run(empty.env(), "status");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("not migrated").contains("outreach db migrate");
    }
}

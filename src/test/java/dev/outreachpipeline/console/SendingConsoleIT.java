package dev.outreachpipeline.console;

import static dev.outreachpipeline.testsupport.ApiErrors.assertError;
import static dev.outreachpipeline.testsupport.ApiErrors.reasons;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outreachpipeline.db.NamedParameters;
import dev.outreachpipeline.testsupport.CliRun;
import dev.outreachpipeline.testsupport.ManagementListener;
import dev.outreachpipeline.testsupport.TestDatabase;
import dev.outreachpipeline.testsupport.TestPostgres;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console's sending page: each mailbox's sends against its caps and why the queue waits, exactly
 * as {@code send --dry-run} says (both from SendPreview), and the two decisions on a send_unknown
 * prospect — resend and mark sent — that move it and refuse any other, never without the CSRF token;
 * and mark-sent through the API and the CLI.
 */
class SendingConsoleIT {

    private static final String TOKEN = "sending-console-test-token-0123456789abcdefgh";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern QUEUE_LINE =
            Pattern.compile("(?m)^\\s*\\d+\\. (\\S+)\\s+(first message|follow-up \\d+)\\s+(.+)$");

    private static TestDatabase db;
    private static ManagementListener listener;
    private static final String[] ENV = {
        "OUTREACH_ADMIN_TOKEN", TOKEN,
        "SMTP_HOST", "127.0.0.1",
        "SMTP_PORT", "2525",
        "SMTP_SECURITY", "none",
        "MAIL_FROM", "sam@sender.example",
        "SENDER_POSTAL_ADDRESS", "1 Main Street, Springfield",
        "OUTREACH_UNSUBSCRIBE_SECRET", "an-unsubscribe-secret-of-at-least-32-chars",
        "OUTREACH_HTTP_PUBLIC_BASE_URL", "https://outreach.example",
        "OUTREACH_SEND_DAILY_CAP", "5",
        "OUTREACH_SEND_HOURLY_CAP", "2",
        "OUTREACH_SEND_SPACING", "0s",
        "OUTREACH_SEND_SPACING_JITTER", "0s"
    };

    @BeforeAll
    static void start() {
        db = TestPostgres.migratedDatabase();
        listener = ManagementListener.start(db, ENV);
        listener.logIn(TOKEN);
        db.execute("INSERT INTO campaigns (name) VALUES ('sending')");
        // one message accepted half an hour ago, one of unknown outcome 20 minutes ago, one 3 hours ago:
        // 3 in the last 24 h (cap 5), 2 in the last hour (cap 2, full)
        String done = prospect("done.example", "sent", "Done");
        attempt(done, "sent", "30 minutes");
        attempt(prospect("lost.example", "send_unknown", "<script>alert(1)</script>"), "send_unknown", "20 minutes");
        attempt(prospect("again.example", "send_unknown", "Again"), "send_unknown", "3 hours");
        prospect("waiting.example", "approved", "Waiting");
        prospect("hostile.example", "send_unknown", "<script>alert(1)</script>");
        prospect("blocked.example", "approved", "Blocked");
        db.execute("INSERT INTO suppressions (domain, reason) VALUES ('blocked.example', 'manual')");
    }

    @AfterAll
    static void stop() {
        listener.close();
    }

    @Test
    void thePageSaysWhatSendDryRunSays() {
        CliRun dry = CliRun.run(db.env(ENV), "send", "--dry-run");
        assertThat(dry.exitCode()).as(dry.err()).isZero();
        HttpResponse<String> page = listener.get("/sending");
        assertThat(page.statusCode()).isEqualTo(200);
        String html = text(page.body());

        assertThat(dry.out()).contains("3 sent in the last 24 h (cap 5), 2 in the last hour (cap 2)");
        assertThat(html).contains("3 / 5").contains("2 / 2");
        Matcher next = Pattern.compile("Next send: (.+)").matcher(dry.out());
        assertThat(next.find()).isTrue();
        assertThat(next.group(1)).startsWith("waits — the hourly cap of 2 is reached");
        assertThat(html).contains(next.group(1));

        Matcher queued = QUEUE_LINE.matcher(dry.out());
        int lines = 0;
        while (queued.find()) {
            lines++;
            assertThat(html).contains(queued.group(1)).contains(queued.group(3).trim());
        }
        assertThat(lines).as(dry.out()).isGreaterThanOrEqualTo(2);
        assertThat(html)
                .contains("waits: the caps leave room for 0 message(s) now")
                .contains("never sent: suppressed, blocked.example (manual)");
        // a hostile subject is text
        assertThat(page.body())
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>alert");
    }

    @Test
    void markSentMakesASendUnknownProspectSentFromItsAttemptWithItsFollowUpsDueFromThen() throws Exception {
        String id = id("lost.example");
        HttpResponse<String> refusedWithoutCsrf = listener.postForm("/sending/" + id + "/mark-sent", null);
        assertThat(refusedWithoutCsrf.statusCode()).isEqualTo(403);
        assertThat(status(id)).isEqualTo("send_unknown");

        HttpResponse<String> marked = listener.submit("/sending", "/sending/" + id + "/mark-sent");
        assertThat(marked.statusCode()).as(marked.body()).isEqualTo(303);
        assertThat(marked.headers().firstValue("Location")).hasValue("/sending");
        assertThat(text(listener.get("/sending").body()))
                .contains("Prospect " + id + " is marked sent: its first message went out at ")
                .contains("its follow-ups fall due from then, as after any send.");

        var row = db.rowsOf("SELECT p.outreach_status, p.mailbox, p.followups_sent, p.send_attempts,"
                        + " p.first_sent_at = a.created_at AS from_attempt, p.last_sent = a.created_at AS last_from_attempt,"
                        + " a.status AS attempt_status, a.smtp_reply"
                        + " FROM prospects p JOIN send_attempts a ON a.prospect_id = p.id WHERE p.id = '" + id + "'")
                .get(0);
        assertThat(row)
                .containsEntry("outreach_status", "sent")
                .containsEntry("mailbox", "default")
                .containsEntry("followups_sent", 0)
                .containsEntry("send_attempts", 0)
                .containsEntry("from_attempt", true)
                .containsEntry("last_from_attempt", true)
                .containsEntry("attempt_status", "sent");
        assertThat(String.valueOf(row.get("smtp_reply"))).startsWith("marked sent by the operator (console)");
        var log = db.rowsOf(
                "SELECT subject, response::jsonb ->> 'message_id' AS message_id, response::jsonb ->> 'kind' AS kind"
                        + " FROM email_logs WHERE prospect_id = '" + id + "'");
        assertThat(log).hasSize(1);
        assertThat(log.get(0))
                .containsEntry("subject", "<script>alert(1)</script>")
                .containsEntry("kind", "initial");
        assertThat(String.valueOf(log.get(0).get("message_id"))).startsWith("<lost.example-");

        // the statement the follow-up schedule runs: a first follow-up 10 minutes after the first message
        // is due, as the message went out 20 minutes ago
        assertThat(markDueFollowups()).contains(id);
        assertThat(status(id)).isEqualTo("followup_due");

        HttpResponse<String> again = listener.submit("/sending", "/sending/" + id + "/mark-sent");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(text(again.body()))
                .contains("The prospect was not marked sent.")
                .contains("it is waiting for a send job (status followup_due); only a send_unknown prospect");

        String approved = id("waiting.example");
        HttpResponse<String> notUnknown = listener.submit("/sending", "/sending/" + approved + "/mark-sent");
        assertThat(notUnknown.statusCode()).isEqualTo(409);
        assertThat(status(approved)).isEqualTo("approved");
    }

    @Test
    void resendHandsASendUnknownProspectBackToSendingAndRefusesAnyOther() {
        String id = id("again.example");
        assertThat(listener.postForm("/sending/" + id + "/resend", null).statusCode())
                .isEqualTo(403);
        assertThat(status(id)).isEqualTo("send_unknown");

        HttpResponse<String> resent = listener.submit("/sending", "/sending/" + id + "/resend");
        assertThat(resent.statusCode()).as(resent.body()).isEqualTo(303);
        assertThat(text(listener.get("/sending").body()))
                .containsPattern("Prospect " + id + " will be sent again by send job [0-9a-f-]{36}");
        assertThat(status(id)).isEqualTo("approved");
        assertThat(db.count("SELECT count(*) FROM jobs WHERE job_type = 'send' AND origin = 'console'"))
                .isEqualTo(1);
        // its attempt is closed as resent: still counted against the caps, and the step is free for the next claim
        assertThat(db.rowsOf("SELECT status FROM send_attempts WHERE prospect_id = '" + id + "'"))
                .singleElement()
                .satisfies(r -> assertThat(r).containsEntry("status", "resent"));
        db.execute("INSERT INTO send_attempts (prospect_id, step, message_id, mailbox, status) VALUES ('" + id
                + "', 0, '<again-2@sender.example>', 'sam@sender.example', 'sending')");
        db.execute("DELETE FROM send_attempts WHERE message_id = '<again-2@sender.example>'");

        String sent = prospect("delivered.example", "sent", "Delivered");
        HttpResponse<String> refused = listener.submit("/sending", "/sending/" + sent + "/resend");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(text(refused.body()))
                .contains("The prospect was not resent.")
                .contains("it was sent (status sent); only a send_unknown prospect, whose delivery is unknown, can be"
                        + " resent");
        assertThat(status(sent)).isEqualTo("sent");
    }

    @Test
    void theApiAndTheCliMarkSentToo() throws Exception {
        String viaApi = prospect("api.example", "send_unknown", "Api");
        attempt(viaApi, "send_unknown", "25 hours");
        HttpResponse<String> marked = listener.call("POST", "/api/v1/prospects/" + viaApi + "/mark-sent", TOKEN, null);
        assertThat(marked.statusCode()).as(marked.body()).isEqualTo(200);
        var body = JSON.readTree(marked.body());
        assertThat(body.path("outreach_status").asText()).isEqualTo("sent");
        assertThat(body.path("step").asInt()).isZero();
        assertThat(status(viaApi)).isEqualTo("sent");

        HttpResponse<String> again = listener.call("POST", "/api/v1/prospects/" + viaApi + "/mark-sent", TOKEN, null);
        assertThat(again.statusCode()).isEqualTo(409);
        assertError(again, "the prospect was not marked sent");
        assertThat(reasons(again))
                .containsExactly(
                        "it is sent; only a send_unknown prospect, whose delivery is unknown, can be marked sent");
        HttpResponse<String> unknown =
                listener.call("POST", "/api/v1/prospects/00000000-0000-0000-0000-00000000abcd/mark-sent", TOKEN, null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(listener.call("POST", "/api/v1/prospects/nope/mark-sent", TOKEN, null)
                        .statusCode())
                .isEqualTo(422);

        String viaCli = prospect("cli.example", "send_unknown", "Cli");
        CliRun cli = CliRun.run(db.env(ENV), "prospects", "mark-sent", viaCli);
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("1 prospect(s) marked sent");
        // no attempt on record: taken as sent now, from its campaign's mailbox
        assertThat(db.rowsOf(
                                "SELECT outreach_status, mailbox, first_sent_at IS NOT NULL AS sent FROM prospects WHERE id = '"
                                        + viaCli + "'")
                        .get(0))
                .containsEntry("outreach_status", "sent")
                .containsEntry("mailbox", "default")
                .containsEntry("sent", true);
        CliRun refused = CliRun.run(db.env(ENV), "prospects", "mark-sent", viaCli);
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains("not marked sent: it is sent;");
    }

    /** The page's text as a reader sees it: the entities the HTML output format writes turned back. */
    private static String text(String html) {
        return html.replace("&#39;", "'")
                .replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    private static java.util.List<String> markDueFollowups() throws Exception {
        String sql;
        try (InputStream in =
                SendingConsoleIT.class.getClassLoader().getResourceAsStream("sql/mark-due-followups.sql")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (var database = db.open()) {
            return NamedParameters.of(sql)
                    .rows(database.dataSource(), Map.of("stepSeconds", "[600, 1200]", "gapSeconds", "[600, 600]"))
                    .stream()
                    .map(r -> String.valueOf(r.get("id")))
                    .toList();
        }
    }

    private static String prospect(String domain, String status, String subject) {
        return db.rowsOf("INSERT INTO prospects (domain, contact_email, contact_method, outreach_status, draft_subject,"
                        + " draft_body, approved_at, campaign_id) SELECT '" + domain + "', 'editor@" + domain
                        + "', 'hunter_personal', '" + status + "', '" + subject.replace("'", "''")
                        + "', 'Hello', now(), id FROM campaigns WHERE name = 'sending' RETURNING id::text AS id")
                .get(0)
                .get("id")
                .toString();
    }

    private static void attempt(String prospectId, String status, String ago) {
        String domain = db.rowsOf("SELECT domain FROM prospects WHERE id = '" + prospectId + "'")
                .get(0)
                .get("domain")
                .toString();
        db.execute("INSERT INTO send_attempts (prospect_id, step, message_id, mailbox, status, smtp_reply, created_at)"
                + " VALUES ('" + prospectId + "', 0, '<" + domain + "-" + status
                + "@sender.example>', 'sam@sender.example', '"
                + status + "', 'timed out after DATA', now() - interval '" + ago + "')");
        if ("sent".equals(status)) {
            db.execute("UPDATE prospects SET first_sent_at = now() - interval '" + ago
                    + "', last_sent = now() - interval '" + ago + "', mailbox = 'default' WHERE id = '" + prospectId
                    + "'");
        }
    }

    private static String id(String domain) {
        return db.rowsOf("SELECT id::text AS id FROM prospects WHERE domain = '" + domain + "'")
                .get(0)
                .get("id")
                .toString();
    }

    private static String status(String id) {
        return db.rowsOf("SELECT outreach_status FROM prospects WHERE id = '" + id + "'")
                .get(0)
                .get("outreach_status")
                .toString();
    }
}

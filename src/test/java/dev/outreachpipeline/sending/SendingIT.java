package dev.outreachpipeline.sending;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.outreachpipeline.testsupport.CapturedLogs;
import dev.outreachpipeline.testsupport.CliRun;
import dev.outreachpipeline.testsupport.Rows;
import dev.outreachpipeline.testsupport.TestDatabase;
import dev.outreachpipeline.testsupport.TestPostgres;
import jakarta.mail.internet.MimeMessage;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Send jobs against a real SMTP server (GreenMail), through the real routes, on a real database. */
class SendingIT {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private final TestDatabase db = TestPostgres.newDatabase();

    private Map<String, String> env(int smtpPort, String... extra) {
        var env = new HashMap<>(db.env(
                "SMTP_HOST", "127.0.0.1",
                "SMTP_PORT", String.valueOf(smtpPort),
                "SMTP_SECURITY", "none",
                "MAIL_FROM", "sam@sender.example",
                "MAIL_FROM_NAME", "Sam Sender",
                "SENDER_POSTAL_ADDRESS", "1 Main Street, Springfield",
                "OUTREACH_UNSUBSCRIBE_SECRET", "an-unsubscribe-secret-of-at-least-32-chars",
                "OUTREACH_HTTP_PUBLIC_BASE_URL", "https://outreach.example",
                "OUTREACH_SEND_SPACING", "0s",
                "OUTREACH_SEND_SPACING_JITTER", "0s",
                "OUTREACH_JOBS_POLL_INTERVAL_MS", "100"));
        for (int i = 0; i + 1 < extra.length; i += 2) {
            env.put(extra[i], extra[i + 1]);
        }
        return env;
    }

    private Map<String, String> env(String... extra) {
        return env(GREEN_MAIL.getSmtp().getPort(), extra);
    }

    private String approved(String domain, String subject) {
        return db.rowsOf(
                        "INSERT INTO prospects (domain, contact_email, contact_method, outreach_status, draft_subject, draft_body,"
                                + " approved_at) VALUES ('" + domain + "', 'editor@" + domain
                                + "', 'hunter_personal', 'approved', '"
                                + subject.replace("'", "''")
                                + "', 'Hello,\nA short note.\n\nSam', now()) RETURNING id::text AS id")
                .get(0)
                .get("id")
                .toString();
    }

    private CliRun sendJob(Map<String, String> env) {
        db.execute("INSERT INTO jobs (job_type, params, origin) VALUES ('send', '{}', 'test')");
        return CliRun.run(env, "run", "--once");
    }

    private Map<String, Object> prospect(String id) {
        return Rows.of(db, "(SELECT id, outreach_status, last_error, last_sent, send_attempts FROM prospects)")
                .get(id);
    }

    @Test
    void eachApprovedProspectGetsExactlyOneMessageWithEveryRequiredHeader() throws Exception {
        assertThat(CliRun.run(env(), "db", "migrate").exitCode()).isZero();
        String a = approved("alpha.example", "A link idea for alpha");
        String b = approved("beta.example", "A link idea for beta");

        CliRun run = sendJob(env());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(sendJob(env()).exitCode()).isZero();

        MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
        assertThat(received).hasSize(2);
        for (MimeMessage m : received) {
            assertThat(m.getHeader("List-Unsubscribe")[0])
                    .startsWith("<https://outreach.example/u/")
                    .contains("mailto:");
            assertThat(m.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
            assertThat(m.getMessageID()).endsWith("@sender.example>");
            assertThat(m.getFrom()[0].toString()).contains("sam@sender.example");
            assertThat(m.getSentDate()).isNotNull();
        }
        assertThat(prospect(a)).containsEntry("outreach_status", "sent");
        assertThat(prospect(b)).containsEntry("outreach_status", "sent");
        assertThat(db.count("SELECT count(*) FROM email_logs")).isEqualTo(2);
        assertThat(db.count("""
                SELECT count(*) FROM email_logs l JOIN send_attempts s ON s.prospect_id = l.prospect_id
                 WHERE l.response->>'message_id' = s.message_id AND l.response->>'kind' = 'initial' AND s.status = 'sent'""")).isEqualTo(2);
    }

    @Test
    void aHeaderInjectionAttemptIsRefusedAndNothingIsSent() throws Exception {
        assertThat(CliRun.run(env(), "db", "migrate").exitCode()).isZero();
        String hostile = approved("evil.example", "Hi\r\nBcc: victim@else.example");

        assertThat(sendJob(env()).exitCode()).isZero();

        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
        assertThat(prospect(hostile)).containsEntry("outreach_status", "failed");
        assertThat((String) prospect(hostile).get("last_error")).containsIgnoringCase("subject");
        assertThat(db.count("SELECT count(*) FROM email_logs")).isZero();
    }

    @Test
    void theDailyCapHoldsAndSuppressedAddressesAreNeverWrittenTo() throws Exception {
        assertThat(CliRun.run(env(), "db", "migrate").exitCode()).isZero();
        approved("one.example", "One");
        approved("two.example", "Two");
        String third = approved("three.example", "Three");
        String blocked = approved("blocked.example", "Blocked");
        assertThat(CliRun.run(env(), "suppress", "add", "blocked.example").exitCode())
                .isZero();

        assertThat(sendJob(env("OUTREACH_SEND_DAILY_CAP", "2")).exitCode()).isZero();

        assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(2);
        assertThat(prospect(blocked)).containsEntry("outreach_status", "suppressed");
        assertThat(prospect(third)).containsEntry("outreach_status", "approved");
        assertThat(db.count("SELECT count(*) FROM send_attempts")).isEqualTo(2);
    }

    @Test
    void aSendInterruptedBeforeItsOutcomeWasRecordedIsNeverSentAgainByItself() throws Exception {
        assertThat(CliRun.run(env(), "db", "migrate").exitCode()).isZero();
        String id = approved("interrupted.example", "Interrupted");
        db.execute("UPDATE prospects SET outreach_status = 'sending', send_attempts = 1 WHERE id = '" + id + "'");
        db.execute("INSERT INTO send_attempts (prospect_id, step, message_id, mailbox, status, created_at) VALUES ('"
                + id + "', 0, '<x@sender.example>', 'sam@sender.example', 'sending', now() - interval '1 hour')");

        assertThat(sendJob(env()).exitCode()).isZero();

        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
        assertThat(prospect(id)).containsEntry("outreach_status", "send_unknown");
        assertThat(db.count("SELECT count(*) FROM send_attempts WHERE status = 'send_unknown'"))
                .isEqualTo(1);
    }

    @Test
    void aTemporaryRefusalIsRetriedLaterAndABadMailboxIsSuppressed() throws Exception {
        assertThat(CliRun.run(env(), "db", "migrate").exitCode()).isZero();
        String later = approved("later.example", "Later");
        try (var server = new ScriptedSmtpServer(Map.of("RCPT", "451 4.7.1 Greylisted, try again later"));
                var logs = CapturedLogs.start()) {
            assertThat(sendJob(env(server.port())).exitCode()).isZero();
            // an operator sees each temporary refusal: one WARN line with the server's reply, no stack trace
            assertThat(logs.lines())
                    .filteredOn(l -> l.contains("Temporary SMTP failure"))
                    .singleElement()
                    .satisfies(l -> assertThat(l)
                            .startsWith(
                                    "WARN dev.outreachpipeline.sending.SendStage - Temporary SMTP failure for prospect "
                                            + later + " (later.example, attempt 1 of ")
                            .contains("451 4.7.1 Greylisted, try again later; next attempt after "));
            assertThat(logs.withStackTrace()).isEmpty();
        }
        assertThat(prospect(later)).containsEntry("outreach_status", "approved");
        assertThat(db.count("SELECT count(*) FROM prospects WHERE next_attempt_at > now()"))
                .isEqualTo(1);

        db.execute("UPDATE prospects SET next_attempt_at = now() - interval '1 second'");
        try (var server = new ScriptedSmtpServer(Map.of("RCPT", "550 5.1.1 User unknown"))) {
            assertThat(sendJob(env(server.port())).exitCode()).isZero();
        }
        assertThat(prospect(later)).containsEntry("outreach_status", "bounced");
        assertThat(
                        db.count(
                                "SELECT count(*) FROM suppressions WHERE email = 'editor@later.example' AND reason = 'bounced'"))
                .isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM email_logs")).isZero();
    }

    @Test
    void sendingRefusesToStartWithoutItsSettingsAndSaysWhatIsMissing() {
        assertThat(CliRun.run(env(), "db", "migrate").exitCode()).isZero();
        approved("x.example", "X");
        var env = env();
        env.remove("SENDER_POSTAL_ADDRESS");
        env.remove("OUTREACH_UNSUBSCRIBE_SECRET");

        assertThat(sendJob(env).exitCode()).isZero();

        var job = Rows.of(
                        db, "(SELECT id, status, error_message FROM jobs WHERE job_type = 'send' AND origin = 'test')")
                .values()
                .iterator()
                .next();
        assertThat(job).containsEntry("status", "failed");
        assertThat((String) job.get("error_message")).contains("postal").containsIgnoringCase("unsubscribe");
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void aDueFollowUpGoesOutInTheSameThreadAndRepliedProspectsAreLeftAlone() throws Exception {
        assertThat(CliRun.run(env(), "db", "migrate").exitCode()).isZero();
        String a = approved("thread.example", "A link idea");
        String b = approved("answered.example", "Another idea");
        assertThat(sendJob(env()).exitCode()).isZero();
        assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(2);
        // five days later; one of them answered meanwhile
        db.execute(
                "UPDATE prospects SET first_sent_at = now() - interval '5 days', last_sent = now() - interval '5 days'");
        db.execute("UPDATE prospects SET outreach_status = 'replied' WHERE id = '" + b + "'");

        db.execute("INSERT INTO jobs (job_type, params, origin) VALUES ('followup', '{}', 'test')");
        assertThat(CliRun.run(env(), "run", "--once").exitCode()).isZero();

        MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
        assertThat(received).hasSize(3);
        MimeMessage first = withSubject(received, "A link idea");
        MimeMessage followUp = withSubject(received, "Re: A link idea");
        assertThat(followUp.getHeader("In-Reply-To")[0]).isEqualTo(first.getMessageID());
        assertThat(followUp.getHeader("References")[0]).contains(first.getMessageID());
        assertThat(followUp.getHeader("List-Unsubscribe")).isNotNull();
        assertThat(db.count("SELECT count(*) FROM prospects WHERE id = '" + a
                        + "' AND outreach_status = 'sent' AND followups_sent = 1"))
                .isEqualTo(1);
        assertThat(
                        db.count(
                                "SELECT count(*) FROM email_logs WHERE response->>'kind' = 'followup' AND response->>'step' = '1'"))
                .isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM prospects WHERE id = '" + b + "' AND followups_sent = 0"))
                .isEqualTo(1);
    }

    @Test
    void aDryRunShowsWhatWouldBeSentAndWhyTheOthersWaitAndChangesNothing() throws Exception {
        assertThat(CliRun.run(env(), "db", "migrate").exitCode()).isZero();
        approved("one.example", "One");
        approved("two.example", "Two");
        approved("three.example", "Three");
        approved("blocked.example", "Blocked");
        assertThat(CliRun.run(env(), "suppress", "add", "blocked.example").exitCode())
                .isZero();
        var env = env(
                "OUTREACH_SEND_DAILY_CAP", "2", "OUTREACH_SEND_SPACING", "90s", "OUTREACH_SEND_SPACING_JITTER", "30s");

        CliRun dry = CliRun.run(env, "send", "--dry-run");

        assertThat(dry.exitCode()).as(dry.err()).isZero();
        assertThat(dry.out())
                .contains("0 sent in the last 24 h (cap 2)")
                .contains("Next send: now")
                .contains("editor@one.example")
                .contains("would be sent now")
                .contains("editor@two.example")
                .contains("after 1 earlier message(s)")
                .contains("editor@three.example")
                .contains("the caps leave room for 2")
                .contains("editor@blocked.example")
                .contains("never sent: suppressed");
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
        assertThat(db.count("SELECT count(*) FROM prospects WHERE outreach_status = 'approved'"))
                .isEqualTo(4);
        assertThat(db.count("SELECT count(*) FROM send_attempts")).isZero();
    }

    @Test
    void theDryRunShowsAnEscapeSequenceInAContactAddressAsTextInsteadOfSendingItToTheTerminal() {
        assertThat(CliRun.run(env(), "db", "migrate").exitCode()).isZero();
        // a contact address as a provider could return it: a window title, a bell and a clear-screen inside
        db.execute(
                "INSERT INTO prospects (domain, contact_email, contact_method, outreach_status, draft_subject, draft_body,"
                        + " approved_at) VALUES ('esc.example', 'editor' || chr(27) || ']0;pwned' || chr(7) || chr(27) || '[2J@esc.example',"
                        + " 'hunter_personal', 'approved', 'Hello', 'Hello,\nA short note.', now())");

        CliRun dry = CliRun.run(env(), "send", "--dry-run");

        assertThat(dry.exitCode()).as(dry.err()).isZero();
        assertThat(dry.out())
                .doesNotContain("\u001B")
                .doesNotContain("\u0007")
                .contains("editor\\x1B]0;pwned\\x07\\x1B[2J@esc.example");
    }

    @Test
    void onlyAnOperatorSendsAgainAMessageWhoseDeliveryIsUnknown() throws Exception {
        assertThat(CliRun.run(env(), "db", "migrate").exitCode()).isZero();
        String id = approved("unknown.example", "Unknown");
        db.execute("UPDATE prospects SET outreach_status = 'send_unknown' WHERE id = '" + id + "'");

        assertThat(sendJob(env()).exitCode()).isZero();
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
        assertThat(CliRun.run(env(), "prospects", "list", "--status", "send_unknown")
                        .out())
                .contains("unknown.example");

        assertThat(CliRun.run(env(), "prospects", "resend", id).exitCode()).isZero();
        assertThat(sendJob(env()).exitCode()).isZero();

        assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(1);
        assertThat(prospect(id)).containsEntry("outreach_status", "sent");
    }

    @Test
    void theSpacingBetweenMessagesIsKeptWithinOneJob() throws Exception {
        assertThat(CliRun.run(env(), "db", "migrate").exitCode()).isZero();
        approved("a.example", "A");
        approved("b.example", "B");
        approved("c.example", "C");

        assertThat(sendJob(env("OUTREACH_SEND_SPACING", "400ms")).exitCode()).isZero();

        assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(3);
        assertThat(db.count("""
                SELECT count(*) FROM (SELECT created_at - lag(created_at) OVER (ORDER BY created_at) AS gap FROM send_attempts) g
                 WHERE gap < interval '400 milliseconds'""")).isZero();
    }

    @Test
    void aTemporaryRefusalThenSuccessSendsOnceAndAPermanentRefusalFailsWithTheReply() throws Exception {
        assertThat(CliRun.run(env(), "db", "migrate").exitCode()).isZero();
        String later = approved("later.example", "Later");
        try (var server = new ScriptedSmtpServer(Map.of("RCPT", "421 4.4.2 Try again later"))) {
            assertThat(sendJob(env(server.port())).exitCode()).isZero();
        }
        assertThat(prospect(later)).containsEntry("outreach_status", "approved");
        db.execute("UPDATE prospects SET next_attempt_at = now() - interval '1 second'");

        assertThat(sendJob(env()).exitCode()).isZero();

        assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(1);
        assertThat(prospect(later)).containsEntry("outreach_status", "sent");
        assertThat(db.count("SELECT count(*) FROM send_attempts WHERE status = 'temporary'"))
                .isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM send_attempts WHERE status = 'sent'"))
                .isEqualTo(1);

        String refused = approved("refused.example", "Refused");
        try (var server = new ScriptedSmtpServer(Map.of("RCPT", "554 5.7.1 Message rejected as spam"))) {
            assertThat(sendJob(env(server.port())).exitCode()).isZero();
        }
        assertThat(prospect(refused)).containsEntry("outreach_status", "failed");
        assertThat((String) prospect(refused).get("last_error")).contains("5.7.1");
        assertThat(db.count("SELECT count(*) FROM suppressions")).isZero();
    }

    @Test
    void nothingGoesOutsideTheSendWindowAndTheJobSaysWhy() throws Exception {
        assertThat(CliRun.run(env(), "db", "migrate").exitCode()).isZero();
        approved("closed.example", "Closed");
        String yesterday = java.time.LocalDate.now(java.time.ZoneOffset.UTC)
                .minusDays(1)
                .getDayOfWeek()
                .getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH);

        assertThat(sendJob(env("OUTREACH_SEND_WINDOW", yesterday + " 09:00-10:00 UTC"))
                        .exitCode())
                .isZero();

        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
        assertThat(db.count("SELECT count(*) FROM prospects WHERE outreach_status = 'approved'"))
                .isEqualTo(1);
        assertThat(
                        db.count(
                                "SELECT count(*) FROM jobs WHERE job_type = 'send' AND status = 'completed' AND origin = 'test'"))
                .isEqualTo(1);
        CliRun dry = CliRun.run(env("OUTREACH_SEND_WINDOW", yesterday + " 09:00-10:00 UTC"), "send", "--dry-run");
        assertThat(dry.out()).contains("window");
    }

    private static MimeMessage withSubject(MimeMessage[] messages, String subject) {
        return java.util.Arrays.stream(messages)
                .filter(m -> {
                    try {
                        return subject.equals(m.getSubject());
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .findFirst()
                .orElseThrow(() -> new AssertionError("no message with subject " + subject));
    }
}

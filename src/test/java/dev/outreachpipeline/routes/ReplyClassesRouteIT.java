package dev.outreachpipeline.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.outreachpipeline.db.NamedParameters;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Proves what routes/60-replies.camel.yaml does with each class of reply, read over IMAP (GreenMail)
 * from messages shaped as mail clients write them (src/test/resources/replies/*.eml, addressed to
 * the Message-IDs of this test's sends): an Exchange out-of-office reply snoozes the follow-ups until
 * the day after its return date and is no reply, as is a person's "on annual leave" (for the configured
 * days); "please remove me" suppresses the address at once
 * (source reply) and stops the sequence; an interested reply makes the prospect replied and moves its
 * stage to interested with a history row. Each is kept once in replies, even when read again.
 * 10-jobs is loaded for direct:guard-job.
 */
class ReplyClassesRouteIT extends RouteTestSupport {

    private static final String MAILBOX = "sam@sender.example";
    private static final String PASSWORD = "imap-password-1";
    private static final String WORKER = "worker-1";
    private static final String OURS_IN_FIXTURES = "<0b7e5d7c-1f0e-4a53-9a43-2f1f3c6f9a10@sender.example>";

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(
                    ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(MAILBOX, MAILBOX, PASSWORD));

    @Override
    protected String[] routeFiles() {
        return new String[] {"10-jobs", "60-replies"};
    }

    @Override
    protected String[] environment() {
        return new String[] {
            "IMAP_HOST",
            "127.0.0.1",
            "IMAP_PORT",
            String.valueOf(GREEN_MAIL.getImap().getPort()),
            "IMAP_SECURITY",
            "none",
            "IMAP_USERNAME",
            MAILBOX,
            "IMAP_PASSWORD",
            PASSWORD,
            "MAIL_FROM",
            MAILBOX
        };
    }

    @Test
    void outOfOfficeSnoozesRemoveMeSuppressesInterestedMovesTheStage() throws Exception {
        context.start();
        String toGus = sentTo("gus@homebrewing.example");
        String toCai = sentTo("cai@quiltcorner.example");
        String toAna = sentTo("ana@gardenblog.example");
        String toKim = sentTo("kim@birdwatch.example");
        sentTo("eve@quiet.example");
        LocalDate back = LocalDate.now(ZoneOffset.UTC).plusDays(10);
        deliver(
                fixture(
                        "exchange-ooo-en.eml",
                        toGus,
                        Map.of(
                                "14 January 2027",
                                back.format(DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH)))),
                fixture("gmail-remove-me-en.eml", toCai, Map.of()),
                fixture("outlook-interested-en.eml", toAna, Map.of()),
                fixture("ooo-without-date-en.eml", toKim, Map.of()));
        String job = runningJob();

        runAsJob("direct:check_replies-job", jobVariables(job));

        // Out of office: no reply, follow-ups wait until the day after the return date.
        var gus = prospect("gus@homebrewing.example");
        assertThat(gus).containsEntry("outreach_status", "sent").containsEntry("stage", "contacted");
        assertThat(gus.get("snoozed_until")).isEqualTo(back.plusDays(1).toString());
        assertThat(gus).containsEntry("last_reply_class", "out_of_office");
        // A person's "on annual leave" without a date: no reply either, snoozed for the configured 7 days.
        var kim = prospect("kim@birdwatch.example");
        assertThat(kim).containsEntry("outreach_status", "sent").containsEntry("stage", "contacted");
        assertThat(kim.get("snoozed_until"))
                .isEqualTo(LocalDate.now(ZoneOffset.UTC).plusDays(7).toString());
        var due = markDueFollowups();
        assertThat(due)
                .as("the follow-up of the one who is away waits; the other's falls due")
                .contains(id("eve@quiet.example"))
                .doesNotContain(id("gus@homebrewing.example"), id("kim@birdwatch.example"));

        // Remove me: suppressed at once from the reply, sequence stopped.
        var cai = prospect("cai@quiltcorner.example");
        assertThat(cai).containsEntry("outreach_status", "unsubscribed").containsEntry("stage", "declined");
        assertThat(testDb.rowsOf("SELECT email, reason, source FROM suppressions"))
                .containsExactly(
                        Map.of("email", "cai@quiltcorner.example", "reason", "unsubscribed", "source", "reply"));

        // Interested: replied, stage interested, the change on record, the text kept.
        var ana = prospect("ana@gardenblog.example");
        assertThat(ana)
                .containsEntry("outreach_status", "replied")
                .containsEntry("stage", "interested")
                .containsEntry("last_reply_class", "interested");
        var history = testDb.rowsOf("SELECT from_stage, to_stage, changed_by, note FROM prospect_stage_history"
                + " WHERE prospect_id = '" + id("ana@gardenblog.example") + "'");
        assertThat(history).hasSize(1);
        assertThat(history.get(0))
                .containsEntry("from_stage", "contacted")
                .containsEntry("to_stage", "interested")
                .containsEntry("changed_by", "classifier");
        assertThat((String) history.get(0).get("note")).startsWith("reply classified interested");

        var replies =
                testDb.rowsOf("SELECT r.class, r.from_address, r.subject, r.text FROM replies r ORDER BY r.class");
        assertThat(replies)
                .extracting(r -> r.get("class"))
                .containsExactly("interested", "out_of_office", "out_of_office", "unsubscribe_request");
        assertThat((String) replies.get(0).get("text"))
                .contains("what topics did you have in mind?")
                .doesNotContain("soil testing");
        assertThat(replies.get(0)).containsEntry("from_address", "ana@gardenblog.example");

        // Read again from the start: nothing is kept twice.
        testDb.execute("UPDATE jobs SET status = 'completed', finished_at = now() WHERE id = '" + job + "'");
        testDb.execute("DELETE FROM mailbox_reads");
        runAsJob("direct:check_replies-job", jobVariables(runningJob()));
        assertThat(testDb.count("SELECT count(*) FROM replies")).isEqualTo(4);
        assertThat(testDb.count("SELECT count(*) FROM prospect_stage_history WHERE changed_by = 'classifier'"))
                .isEqualTo(2);
    }

    /** A fixture message answering our given Message-ID, dated now, with the replacements made. */
    private static MimeMessage fixture(String file, String ourMessageId, Map<String, String> replace) throws Exception {
        String raw;
        try (InputStream in = ReplyClassesRouteIT.class.getResourceAsStream("/replies/" + file)) {
            raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        raw = raw.replace(OURS_IN_FIXTURES, ourMessageId)
                .replaceFirst("(?m)^Date: .*$", "Date: " + new MailDateFormat().format(new Date()));
        for (var e : replace.entrySet()) {
            raw = raw.replace(e.getKey(), e.getValue());
        }
        return new MimeMessage(
                Session.getInstance(new Properties()), new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
    }

    private List<String> markDueFollowups() throws Exception {
        String sql;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("sql/mark-due-followups.sql")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        var values = new HashMap<String, Object>();
        values.put("stepSeconds", "[60, 120]");
        values.put("gapSeconds", "[60, 60]");
        return NamedParameters.of(sql).rows(db.dataSource(), values).stream()
                .map(r -> r.get("id").toString())
                .toList();
    }

    private Map<String, Object> prospect(String email) {
        return testDb.rowsOf("SELECT outreach_status, stage, last_reply_class,"
                        + " (followup_snoozed_until AT TIME ZONE 'UTC')::date::text AS snoozed_until"
                        + " FROM prospects WHERE contact_email = '" + email + "'")
                .get(0);
    }

    private String id(String email) {
        return testDb.rowsOf("SELECT id::text AS id FROM prospects WHERE contact_email = '" + email + "'")
                .get(0)
                .get("id")
                .toString();
    }

    private Map<String, Object> jobVariables(String job) {
        var variables = new HashMap<String, Object>();
        variables.put("jobId", job);
        variables.put("jobType", "check_replies");
        variables.put("worker", WORKER);
        variables.put("leaseSeconds", "60");
        return variables;
    }

    private String runningJob() {
        return testDb.rowsOf("INSERT INTO jobs (job_type, params, origin, status, claimed_by, started_at) VALUES"
                        + " ('check_replies', '{}', 'test', 'running', '" + WORKER
                        + "', now()) RETURNING id::text AS id")
                .get(0)
                .get("id")
                .toString();
    }

    /** A prospect our first message went to an hour ago (so contacted); returns its Message-ID. */
    private String sentTo(String email) {
        String id = testDb.rowsOf("INSERT INTO prospects (domain, contact_email, contact_method, outreach_status,"
                        + " stage, last_sent, first_sent_at, send_attempts) VALUES ('"
                        + email.substring(email.indexOf('@') + 1) + "', '" + email
                        + "', 'hunter_personal', 'sent', 'contacted', now() - interval '1 hour',"
                        + " now() - interval '1 hour', 1) RETURNING id::text AS id")
                .get(0)
                .get("id")
                .toString();
        String messageId = "<" + UUID.randomUUID() + "@sender.example>";
        testDb.execute("INSERT INTO send_attempts (prospect_id, step, message_id, mailbox, status, created_at,"
                + " finished_at) VALUES ('" + id + "', 0, '" + messageId + "', '" + MAILBOX
                + "', 'sent', now() - interval '1 hour', now() - interval '1 hour')");
        return messageId;
    }

    private static void deliver(MimeMessage... messages) throws Exception {
        var props = new Properties();
        props.setProperty("mail.smtp.host", "127.0.0.1");
        props.setProperty("mail.smtp.port", String.valueOf(GREEN_MAIL.getSmtp().getPort()));
        try (Transport transport = Session.getInstance(props).getTransport("smtp")) {
            transport.connect();
            for (MimeMessage m : messages) {
                transport.sendMessage(m, new InternetAddress[] {new InternetAddress(MAILBOX)});
            }
        }
        assertThat(GREEN_MAIL.waitForIncomingEmail(5_000, messages.length)).isTrue();
    }
}

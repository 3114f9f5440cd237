package dev.outreachpipeline.replies;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.outreachpipeline.testsupport.CliRun;
import dev.outreachpipeline.testsupport.Rows;
import dev.outreachpipeline.testsupport.TestDatabase;
import dev.outreachpipeline.testsupport.TestPostgres;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * check_replies jobs against a real IMAP server (GreenMail), mail delivered into it over SMTP, through
 * the real routes, on a real database.
 */
class RepliesIT {

    private static final String MAILBOX = "sam@sender.example";
    private static final String PASSWORD = "imap-password-1";

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(
                    ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(MAILBOX, MAILBOX, PASSWORD));

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestDatabase db = TestPostgres.newDatabase();

    private Map<String, String> env(String... extra) {
        var env = new HashMap<>(db.env(
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
                MAILBOX,
                "OUTREACH_JOBS_POLL_INTERVAL_MS",
                "100"));
        for (int i = 0; i + 1 < extra.length; i += 2) {
            env.put(extra[i], extra[i + 1]);
        }
        return env;
    }

    /** A prospect our first message went to an hour ago; returns its Message-ID. */
    private String sentTo(String email) {
        String id = db.rowsOf(
                        "INSERT INTO prospects (domain, contact_email, contact_method, outreach_status, last_sent,"
                                + " first_sent_at, send_attempts) VALUES ('" + email.substring(email.indexOf('@') + 1)
                                + "', '" + email
                                + "', 'hunter_personal', 'sent', now() - interval '1 hour', now() - interval '1 hour', 1)"
                                + " RETURNING id::text AS id")
                .get(0)
                .get("id")
                .toString();
        String messageId = "<" + java.util.UUID.randomUUID() + "@sender.example>";
        db.execute("INSERT INTO send_attempts (prospect_id, step, message_id, mailbox, status, created_at, finished_at)"
                + " VALUES ('" + id + "', 0, '" + messageId + "', '" + MAILBOX + "', 'sent', now() - interval '1 hour',"
                + " now() - interval '1 hour')");
        return messageId;
    }

    private static void deliver(MimeMessage... messages) throws Exception {
        var props = new Properties();
        props.setProperty("mail.smtp.host", "127.0.0.1");
        props.setProperty("mail.smtp.port", String.valueOf(GREEN_MAIL.getSmtp().getPort()));
        try (Transport transport = Session.getInstance(props).getTransport("smtp")) {
            transport.connect();
            for (MimeMessage m : messages) {
                m.saveChanges();
                transport.sendMessage(m, new InternetAddress[] {new InternetAddress(MAILBOX)});
            }
        }
        assertThat(GREEN_MAIL.waitForIncomingEmail(5_000, messages.length)).isTrue();
    }

    private CliRun checkReplies(Map<String, String> env) {
        db.execute("INSERT INTO jobs (job_type, params, origin) VALUES ('check_replies', '{}', 'test')");
        return CliRun.run(env, "run", "--once");
    }

    /**
     * The check this test enqueued last: not a scheduled one, which the daemon's quarter-hourly reply
     * check adds when a test runs across a quarter hour, and which finds nothing new.
     */
    private Map<String, Object> lastJob() {
        return db.rowsOf(
                        "SELECT status, error_message, result::text AS result FROM jobs WHERE job_type = 'check_replies'"
                                + " AND origin = 'test' ORDER BY created_at DESC LIMIT 1")
                .get(0);
    }

    private static JsonNode result(Map<String, Object> job) throws Exception {
        return JSON.readTree(String.valueOf(job.get("result")));
    }

    private String status(String email) {
        return db.rowsOf("SELECT outreach_status FROM prospects WHERE contact_email = '" + email + "'")
                .get(0)
                .get("outreach_status")
                .toString();
    }

    /** Message-ID → whether the message carries \Seen, as another IMAP client sees it. */
    private static Map<String, Boolean> seenFlags() throws Exception {
        try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
            store.connect("127.0.0.1", GREEN_MAIL.getImap().getPort(), MAILBOX, PASSWORD);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            var seen = new HashMap<String, Boolean>();
            for (Message m : inbox.getMessages()) {
                seen.put(((MimeMessage) m).getMessageID(), m.isSet(Flags.Flag.SEEN));
            }
            inbox.close(false);
            return seen;
        }
    }

    /** A person opens the message in their mail client before any check runs. */
    private static void readByAPerson(String messageId) throws Exception {
        try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
            store.connect("127.0.0.1", GREEN_MAIL.getImap().getPort(), MAILBOX, PASSWORD);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            for (Message m : inbox.getMessages()) {
                if (messageId.equals(((MimeMessage) m).getMessageID())) {
                    m.setFlag(Flags.Flag.SEEN, true);
                }
            }
            inbox.close(false);
        }
    }

    @Test
    void repliesBouncesAndAutoRepliesAreRecordedOnceAndEverythingElseIsLeftAlone() throws Exception {
        assertThat(CliRun.run(env(), "db", "migrate").exitCode()).isZero();
        String toAna = sentTo("ana@gardenblog.example");
        String toBen = sentTo("ben@travelnotes.example");
        String toCai = sentTo("cai@gone.example");
        String toDee = sentTo("dee@fullbox.example");
        sentTo("eve@quiet.example");

        // An old message (before anything was sent) is never read: nothing older can answer us.
        try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
            store.connect("127.0.0.1", GREEN_MAIL.getImap().getPort(), MAILBOX, PASSWORD);
            Folder inbox = store.getFolder("INBOX");
            var old = Mails.message("friend@old.example", MAILBOX, "Lunch?", "<old-1@old.example>");
            old.setText("Lunch next week?");
            old.setSentDate(Date.from(Instant.now().minus(30, ChronoUnit.DAYS)));
            old.saveChanges();
            inbox.appendMessages(new Message[] {old});
        }

        var reply = Mails.reply("Ana <ana@gardenblog.example>", MAILBOX, toAna, toAna);
        var vacation = Mails.vacation("ben@travelnotes.example", MAILBOX, toBen);
        var hardBounce = Mails.dsn(MAILBOX, toCai, "cai@gone.example", "failed", "5.1.1", false);
        var softBounce = Mails.dsn(MAILBOX, toDee, "dee@fullbox.example", "failed", "4.2.2", true);
        var newsletter = Mails.message("news@shop.example", MAILBOX, "Our spring sale", "<sale-1@shop.example>");
        newsletter.setText("Sale!");
        deliver(reply, vacation, hardBounce, softBounce, newsletter);
        readByAPerson(reply.getMessageID());

        CliRun run = checkReplies(env());
        assertThat(run.exitCode()).as(run.err()).isZero();

        Map<String, Object> job = lastJob();
        assertThat(job.get("status"))
                .as(String.valueOf(job.get("error_message")))
                .isEqualTo("completed");
        JsonNode result = result(job);
        assertThat(result.path("messages_read").asInt()).isEqualTo(5);
        assertThat(result.path("more_waiting").asBoolean()).isFalse();
        assertThat(result.path("reply").asInt()).isEqualTo(1);
        assertThat(result.path("auto_reply").asInt()).isEqualTo(1);
        assertThat(result.path("hard_bounce").asInt()).isEqualTo(1);
        assertThat(result.path("soft_bounce").asInt()).isEqualTo(1);
        assertThat(result.path("unrelated").asInt()).isEqualTo(1);

        assertThat(status("ana@gardenblog.example")).isEqualTo("replied");
        assertThat(status("ben@travelnotes.example")).isEqualTo("sent");
        assertThat(status("cai@gone.example")).isEqualTo("bounced");
        assertThat(status("dee@fullbox.example")).isEqualTo("sent");
        assertThat(status("eve@quiet.example")).isEqualTo("sent");
        var suppressions = db.rowsOf("SELECT email, reason, source FROM suppressions");
        assertThat(suppressions).hasSize(1);
        assertThat(suppressions.get(0))
                .containsEntry("email", "cai@gone.example")
                .containsEntry("reason", "bounced");
        assertThat((String) suppressions.get(0).get("source")).startsWith("DSN 5.1.1 for cai@gone.example");
        assertThat((String) db.rowsOf("SELECT last_error FROM prospects WHERE contact_email = 'cai@gone.example'")
                        .get(0)
                        .get("last_error"))
                .contains("5.1.1")
                .contains("suppressed");

        Map<String, Boolean> seen = seenFlags();
        assertThat(seen)
                .containsEntry(reply.getMessageID(), true)
                .containsEntry(vacation.getMessageID(), true)
                .containsEntry(hardBounce.getMessageID(), true)
                .containsEntry(softBounce.getMessageID(), true)
                .containsEntry("<sale-1@shop.example>", false)
                .containsEntry("<old-1@old.example>", false);

        var before = Rows.ofTables(db, "prospects", "suppressions", "send_attempts");
        CliRun again = checkReplies(env());
        assertThat(again.exitCode()).as(again.err()).isZero();
        Map<String, Object> second = lastJob();
        assertThat(second.get("status")).isEqualTo("completed");
        assertThat(result(second).path("messages_read").asInt()).isZero();
        assertThat(Rows.ofTables(db, "prospects", "suppressions", "send_attempts"))
                .isEqualTo(before);
        assertThat(seenFlags()).containsEntry("<sale-1@shop.example>", false);
    }

    @Test
    void aReplySeenOverImapStopsTheFollowUps() throws Exception {
        assertThat(CliRun.run(env(), "db", "migrate").exitCode()).isZero();
        String ours = sentTo("ann@answers.example");
        sentTo("bob@quiet.example");
        // the first messages went out five days ago; the first follow-up (+4 days) is due for both
        db.execute(
                "UPDATE prospects SET first_sent_at = now() - interval '5 days', last_sent = now() - interval '5 days'");
        db.execute("UPDATE send_attempts SET created_at = now() - interval '5 days'");
        deliver(Mails.reply("ann@answers.example", MAILBOX, ours, ours));

        assertThat(checkReplies(env()).exitCode()).isZero();
        db.execute("INSERT INTO jobs (job_type, params, origin) VALUES ('followup', '{}', 'test')");
        assertThat(CliRun.run(env(), "run", "--once").exitCode()).isZero();

        assertThat(db.count("SELECT count(*) FROM prospects WHERE contact_email = 'ann@answers.example'"
                        + " AND outreach_status = 'replied' AND followups_sent = 0"))
                .isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM prospects WHERE contact_email = 'bob@quiet.example'"
                        + " AND outreach_status = 'followup_due'"))
                .isEqualTo(1);
    }

    @Test
    void aCheckReadsAtMostItsShareAndTheNextGoesOnFromThere() throws Exception {
        assertThat(CliRun.run(env(), "db", "migrate").exitCode()).isZero();
        String toAna = sentTo("ana@gardenblog.example");
        String toBen = sentTo("ben@travelnotes.example");
        var first = Mails.message("news@shop.example", MAILBOX, "One", "<one@shop.example>");
        first.setText("1");
        var second = Mails.message("news@shop.example", MAILBOX, "Two", "<two@shop.example>");
        second.setText("2");
        deliver(first, second, Mails.reply("ana@gardenblog.example", MAILBOX, toAna, null));

        assertThat(checkReplies(env("OUTREACH_IMAP_MAX_MESSAGES", "2")).exitCode())
                .isZero();
        JsonNode one = result(lastJob());
        assertThat(one.path("messages_read").asInt()).isEqualTo(2);
        assertThat(one.path("more_waiting").asBoolean()).isTrue();
        assertThat(status("ana@gardenblog.example")).isEqualTo("sent");

        deliver(Mails.reply("ben@travelnotes.example", MAILBOX, null, "<root@x.example> " + toBen));
        assertThat(checkReplies(env("OUTREACH_IMAP_MAX_MESSAGES", "2")).exitCode())
                .isZero();
        JsonNode two = result(lastJob());
        assertThat(two.path("messages_read").asInt()).isEqualTo(2);
        assertThat(two.path("more_waiting").asBoolean()).isFalse();
        assertThat(two.path("reply").asInt()).isEqualTo(2);
        assertThat(status("ana@gardenblog.example")).isEqualTo("replied");
        assertThat(status("ben@travelnotes.example")).isEqualTo("replied");
    }

    @Test
    void withoutAnImapServerTheJobCompletesSayingRepliesAreNotChecked() throws Exception {
        var env = env();
        env.remove("IMAP_HOST");
        assertThat(CliRun.run(env, "db", "migrate").exitCode()).isZero();

        assertThat(checkReplies(env).exitCode()).isZero();

        Map<String, Object> job = lastJob();
        assertThat(job.get("status")).isEqualTo("completed");
        assertThat(result(job).path("replies_checked").asBoolean()).isFalse();
        assertThat(result(job).path("reason").asText())
                .contains("replies are not checked")
                .contains("IMAP_HOST");
    }

    @Test
    void aRefusedLoginFailsTheJobWithASentenceAndNoPassword() throws Exception {
        assertThat(CliRun.run(env(), "db", "migrate").exitCode()).isZero();

        assertThat(checkReplies(env("IMAP_PASSWORD", "wrong-password-42")).exitCode())
                .isZero();

        Map<String, Object> job = lastJob();
        assertThat(job.get("status")).isEqualTo("failed");
        assertThat((String) job.get("error_message"))
                .contains("refused the login of '" + MAILBOX + "'")
                .contains("IMAP_PASSWORD")
                .doesNotContain("wrong-password-42");
    }
}

package dev.outreachpipeline.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.outreachpipeline.replies.ClassifiedMessage;
import dev.outreachpipeline.replies.Mails;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Proves routes/60-replies.camel.yaml against a real IMAP server (GreenMail): a check_replies job
 * reads what arrived, marks a prospect that answered replied, a hard bounce bounced with its address
 * suppressed, counts an unrelated message and leaves it alone, remembers how far the mailbox was read,
 * flags only the messages about ours \Seen, and writes the check's summary into the job's result; a
 * failure while recording keeps what was recorded before it and records nothing after it.
 * 10-jobs is loaded for direct:guard-job.
 */
class RepliesRouteIT extends RouteTestSupport {

    private static final String MAILBOX = "sam@sender.example";
    private static final String PASSWORD = "imap-password-1";
    private static final String WORKER = "worker-1";
    private static final ObjectMapper JSON = new ObjectMapper();

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
    void repliesAndBouncesAreRecordedUnrelatedMailIsCountedAndTheMailboxPositionAdvances() throws Exception {
        context.start();
        String toAna = sentTo("ana@gardenblog.example");
        String toCai = sentTo("cai@gone.example");
        sentTo("eve@quiet.example");
        var reply = Mails.reply("Ana <ana@gardenblog.example>", MAILBOX, toAna, toAna);
        var hardBounce = Mails.dsn(MAILBOX, toCai, "cai@gone.example", "failed", "5.1.1", false);
        var newsletter = Mails.message("news@shop.example", MAILBOX, "Our spring sale", "<sale-1@shop.example>");
        newsletter.setText("Sale!");
        deliver(reply, hardBounce, newsletter);
        String job = runningJob();

        runAsJob("direct:check_replies-job", jobVariables(job));

        assertThat(status("ana@gardenblog.example")).isEqualTo("replied");
        assertThat(status("cai@gone.example")).isEqualTo("bounced");
        assertThat(status("eve@quiet.example")).isEqualTo("sent");
        var suppressions = testDb.rowsOf("SELECT email, reason, source FROM suppressions");
        assertThat(suppressions).hasSize(1);
        assertThat(suppressions.get(0))
                .containsEntry("email", "cai@gone.example")
                .containsEntry("reason", "bounced");
        assertThat((String) suppressions.get(0).get("source")).startsWith("DSN 5.1.1 for cai@gone.example");

        var reads = testDb.rowsOf("SELECT account, folder, last_uid FROM mailbox_reads");
        assertThat(reads).hasSize(1);
        assertThat(reads.get(0))
                .containsEntry("account", MAILBOX + "@127.0.0.1")
                .containsEntry("folder", "INBOX");
        assertThat(((Number) reads.get(0).get("last_uid")).longValue()).isEqualTo(lastUid());

        JsonNode result = result(job);
        assertThat(result.path("replies_checked").asBoolean()).isTrue();
        assertThat(result.path("folder").asText()).isEqualTo("INBOX");
        assertThat(result.path("messages_read").asInt()).isEqualTo(3);
        assertThat(result.path("more_waiting").asBoolean()).isFalse();
        assertThat(result.path("reply").asInt()).isEqualTo(1);
        assertThat(result.path("hard_bounce").asInt()).isEqualTo(1);
        assertThat(result.path("unrelated").asInt()).isEqualTo(1);

        assertThat(seenFlags())
                .containsEntry(reply.getMessageID(), true)
                .containsEntry(hardBounce.getMessageID(), true)
                .containsEntry("<sale-1@shop.example>", false);
    }

    @Test
    void aFailureWhileRecordingKeepsWhatWasRecordedBeforeItAndRecordsNothingAfterIt() throws Exception {
        // The second message's transaction fails just before it would be counted.
        AdviceWith.adviceWith(
                context,
                "record-inbound-message",
                a -> a.weaveById("count-inbound-message").before().process(e -> {
                    if (e.getVariable("message", ClassifiedMessage.class).uid() == 2) {
                        throw new IllegalStateException("the disk is full");
                    }
                }));
        context.start();
        String toAna = sentTo("ana@gardenblog.example");
        String toBen = sentTo("ben@travelnotes.example");
        String toCai = sentTo("cai@gone.example");
        deliver(
                Mails.reply("ana@gardenblog.example", MAILBOX, toAna, null),
                Mails.reply("ben@travelnotes.example", MAILBOX, toBen, null),
                Mails.reply("cai@gone.example", MAILBOX, toCai, null));
        String job = runningJob();

        assertThatThrownBy(() -> runAsJob("direct:check_replies-job", jobVariables(job)))
                .hasRootCauseMessage("the disk is full");

        assertThat(status("ana@gardenblog.example")).isEqualTo("replied");
        assertThat(status("ben@travelnotes.example"))
                .as("rolled back with its transaction")
                .isEqualTo("sent");
        assertThat(status("cai@gone.example"))
                .as("never recorded: the check stopped at the failure")
                .isEqualTo("sent");
        assertThat(testDb.count("SELECT last_uid FROM mailbox_reads")).isEqualTo(1);
        assertThat(result(job).path("reply").asInt()).isEqualTo(1);
    }

    private Map<String, Object> jobVariables(String job) {
        var variables = new HashMap<String, Object>();
        variables.put("jobId", job);
        variables.put("jobType", "check_replies");
        variables.put("worker", WORKER);
        variables.put("leaseSeconds", "60");
        return variables;
    }

    /** A check_replies job as its worker holds it. */
    private String runningJob() {
        return testDb.rowsOf("INSERT INTO jobs (job_type, params, origin, status, claimed_by, started_at) VALUES"
                        + " ('check_replies', '{}', 'test', 'running', '" + WORKER
                        + "', now()) RETURNING id::text AS id")
                .get(0)
                .get("id")
                .toString();
    }

    /** A prospect our first message went to an hour ago; returns its Message-ID. */
    private String sentTo(String email) {
        String id = testDb.rowsOf(
                        "INSERT INTO prospects (domain, contact_email, contact_method, outreach_status, last_sent,"
                                + " first_sent_at, send_attempts) VALUES ('" + email.substring(email.indexOf('@') + 1)
                                + "', '" + email
                                + "', 'hunter_personal', 'sent', now() - interval '1 hour', now() - interval '1 hour', 1)"
                                + " RETURNING id::text AS id")
                .get(0)
                .get("id")
                .toString();
        String messageId = "<" + UUID.randomUUID() + "@sender.example>";
        testDb.execute(
                "INSERT INTO send_attempts (prospect_id, step, message_id, mailbox, status, created_at, finished_at)"
                        + " VALUES ('" + id + "', 0, '" + messageId + "', '" + MAILBOX
                        + "', 'sent', now() - interval '1 hour',"
                        + " now() - interval '1 hour')");
        return messageId;
    }

    private String status(String email) {
        return testDb.rowsOf("SELECT outreach_status FROM prospects WHERE contact_email = '" + email + "'")
                .get(0)
                .get("outreach_status")
                .toString();
    }

    private JsonNode result(String job) throws Exception {
        return JSON.readTree(
                String.valueOf(testDb.rowsOf("SELECT result::text AS result FROM jobs WHERE id = '" + job + "'")
                        .get(0)
                        .get("result")));
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

    private static Store inbox() throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", GREEN_MAIL.getImap().getPort(), MAILBOX, PASSWORD);
        return store;
    }

    /** The UID of the newest message in the inbox. */
    private static long lastUid() throws Exception {
        try (Store store = inbox()) {
            var folder = (jakarta.mail.UIDFolder) store.getFolder("INBOX");
            ((Folder) folder).open(Folder.READ_ONLY);
            long uid = folder.getUID(((Folder) folder).getMessage(((Folder) folder).getMessageCount()));
            ((Folder) folder).close(false);
            return uid;
        }
    }

    /** Message-ID → whether the message carries \Seen, as another IMAP client sees it. */
    private static Map<String, Boolean> seenFlags() throws Exception {
        try (Store store = inbox()) {
            Folder folder = store.getFolder("INBOX");
            folder.open(Folder.READ_ONLY);
            var seen = new HashMap<String, Boolean>();
            for (Message m : folder.getMessages()) {
                seen.put(((MimeMessage) m).getMessageID(), m.isSet(Flags.Flag.SEEN));
            }
            folder.close(false);
            return seen;
        }
    }
}

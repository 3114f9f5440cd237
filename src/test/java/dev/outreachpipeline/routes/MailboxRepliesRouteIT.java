package dev.outreachpipeline.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.outreachpipeline.replies.Mails;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.HashMap;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Proves routes/60-replies.camel.yaml with two mailboxes that have IMAP set, each a GreenMail user: one
 * check_replies job reads both inboxes, each from its own position (a mailbox_reads row per account),
 * records the answer that arrived in each, and keeps each mailbox's summary apart in the job's result.
 */
class MailboxRepliesRouteIT extends RouteTestSupport {

    private static final String SAM = "sam@sender.example";
    private static final String KIM = "kim@second.example";
    private static final String WORKER = "worker-1";

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(
                    ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
            .withConfiguration(GreenMailConfiguration.aConfig()
                    .withUser(SAM, SAM, "sam-imap")
                    .withUser(KIM, KIM, "kim-imap"));

    @Override
    protected String[] routeFiles() {
        return new String[] {"10-jobs", "60-replies"};
    }

    @Override
    protected String[] environment() {
        String imapPort = String.valueOf(GREEN_MAIL.getImap().getPort());
        return new String[] {
            "MAIL_FROM", SAM,
            "IMAP_HOST", "127.0.0.1",
            "IMAP_PORT", imapPort,
            "IMAP_SECURITY", "none",
            "IMAP_USERNAME", SAM,
            "IMAP_PASSWORD", "sam-imap",
            "OUTREACH_MAILBOXES", "kim",
            "OUTREACH_MAILBOX_KIM_FROM", KIM,
            "OUTREACH_MAILBOX_KIM_IMAP_HOST", "127.0.0.1",
            "OUTREACH_MAILBOX_KIM_IMAP_PORT", imapPort,
            "OUTREACH_MAILBOX_KIM_IMAP_SECURITY", "none",
            "OUTREACH_MAILBOX_KIM_IMAP_USERNAME", KIM,
            "OUTREACH_MAILBOX_KIM_IMAP_PASSWORD", "kim-imap"
        };
    }

    @Test
    void oneCheckReadsEachMailboxFromItsOwnPositionAndRecordsTheAnswersInBoth() throws Exception {
        context.start();
        String toAna = sentFrom(SAM, "ana@gardenblog.example");
        String toBen = sentFrom(KIM, "ben@travelnotes.example");
        deliver(SAM, Mails.reply("Ana <ana@gardenblog.example>", SAM, toAna, toAna));
        deliver(KIM, Mails.reply("Ben <ben@travelnotes.example>", KIM, toBen, toBen));
        String job = testDb.rowsOf("INSERT INTO jobs (job_type, params, origin, status, claimed_by, started_at) VALUES"
                        + " ('check_replies', '{}', 'test', 'running', '" + WORKER
                        + "', now()) RETURNING id::text AS id")
                .get(0)
                .get("id")
                .toString();
        var variables = new HashMap<String, Object>();
        variables.put("jobId", job);
        variables.put("jobType", "check_replies");
        variables.put("worker", WORKER);
        variables.put("leaseSeconds", "60");

        runAsJob("direct:check_replies-job", variables);

        assertThat(testDb.count("SELECT count(*) FROM prospects WHERE outreach_status = 'replied'"))
                .isEqualTo(2);
        assertThat(testDb.rowsOf("SELECT account FROM mailbox_reads ORDER BY account"))
                .extracting(r -> r.get("account"))
                .containsExactly(KIM + "@127.0.0.1", SAM + "@127.0.0.1");
        var result = new ObjectMapper()
                .readTree(String.valueOf(testDb.rowsOf("SELECT result::text AS r FROM jobs WHERE id = '" + job + "'")
                        .get(0)
                        .get("r")));
        assertThat(result.path("reply").asInt()).isEqualTo(2);
        assertThat(result.path("mailbox default").path("messages_read").asInt()).isEqualTo(1);
        assertThat(result.path("mailbox kim").path("messages_read").asInt()).isEqualTo(1);
    }

    /** A prospect our first message went to from {@code from} an hour ago; returns its Message-ID. */
    private String sentFrom(String from, String email) {
        String id = testDb.rowsOf("INSERT INTO prospects (domain, contact_email, contact_method, outreach_status,"
                        + " last_sent, first_sent_at) VALUES ('" + email.substring(email.indexOf('@') + 1) + "', '"
                        + email + "', 'hunter_personal', 'sent', now() - interval '1 hour', now() - interval '1 hour')"
                        + " RETURNING id::text AS id")
                .get(0)
                .get("id")
                .toString();
        String messageId = "<" + UUID.randomUUID() + "@" + from.substring(from.indexOf('@') + 1) + ">";
        testDb.execute("INSERT INTO send_attempts (prospect_id, step, message_id, mailbox, status, created_at)"
                + " VALUES ('" + id + "', 0, '" + messageId + "', '" + from + "', 'sent', now() - interval '1 hour')");
        return messageId;
    }

    private static void deliver(String to, MimeMessage message) throws Exception {
        var props = new Properties();
        props.setProperty("mail.smtp.host", "127.0.0.1");
        props.setProperty("mail.smtp.port", String.valueOf(GREEN_MAIL.getSmtp().getPort()));
        int before = GREEN_MAIL.getReceivedMessages().length;
        try (Transport transport = Session.getInstance(props).getTransport("smtp")) {
            transport.connect();
            message.saveChanges();
            transport.sendMessage(message, new InternetAddress[] {new InternetAddress(to)});
        }
        assertThat(GREEN_MAIL.waitForIncomingEmail(5_000, before + 1)).isTrue();
    }
}

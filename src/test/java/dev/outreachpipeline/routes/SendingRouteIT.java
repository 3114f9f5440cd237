package dev.outreachpipeline.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.outreachpipeline.jobs.JobStopped;
import dev.outreachpipeline.prospects.DraftDecisions;
import dev.outreachpipeline.sending.MessagePreview;
import dev.outreachpipeline.testsupport.CapturedLogs;
import dev.outreachpipeline.testsupport.Rows;
import jakarta.mail.Header;
import jakarta.mail.internet.MimeMessage;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Proves routes/50-sending.camel.yaml against a real SMTP server (GreenMail): a send job sends each
 * approved prospect once, waits out the spacing between messages inside the job, records every
 * outcome (attempt, email_logs row, prospect status, the job's counts) and ends saying why; the
 * message that arrives carries exactly the headers MessageComposer wrote, nothing from the exchange;
 * a failure that is not the send's own (the job stopped mid-send) is not recorded as its outcome; a
 * follow-up job marks the due follow-ups and enqueues one send job, which sends them in the thread.
 */
class SendingRouteIT extends RouteTestSupport {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    /** What the SMTP server itself puts in front of a message it receives. */
    private static final Set<String> ADDED_BY_THE_SERVER = Set.of("Received", "Return-Path");

    private static final String WORKER = "worker-1";

    @Override
    protected String[] routeFiles() {
        return new String[] {"10-jobs", "50-sending"};
    }

    @Override
    protected String[] environment() {
        return new String[] {
            "SMTP_HOST", "127.0.0.1",
            "SMTP_PORT", String.valueOf(GREEN_MAIL.getSmtp().getPort()),
            "SMTP_SECURITY", "none",
            "MAIL_FROM", "sam@sender.example",
            "MAIL_FROM_NAME", "Sam Sender",
            "SENDER_POSTAL_ADDRESS", "1 Main Street, Springfield",
            "OUTREACH_UNSUBSCRIBE_SECRET", "an-unsubscribe-secret-of-at-least-32-chars",
            "OUTREACH_HTTP_PUBLIC_BASE_URL", "https://outreach.example",
            "OUTREACH_SEND_SPACING", "300ms",
            "OUTREACH_SEND_SPACING_JITTER", "0s"
        };
    }

    @BeforeEach
    void noMailYet() throws Exception {
        GREEN_MAIL.purgeEmailFromAllMailboxes();
    }

    private String approved(String domain, String subject, int minutesAgo) {
        return testDb.rowsOf(
                        "INSERT INTO prospects (domain, contact_email, contact_method, outreach_status, draft_subject,"
                                + " draft_body, approved_at) VALUES ('" + domain + "', 'editor@" + domain
                                + "', 'hunter_personal', 'approved', '"
                                + subject.replace("'", "''") + "', 'Hello,\nA short note.\n\nSam', now() - interval '"
                                + minutesAgo + " minutes')"
                                + " RETURNING id::text AS id")
                .get(0)
                .get("id")
                .toString();
    }

    /** A job as the worker holds it: running, claimed by {@link #WORKER}. */
    private String runningJob(String type) {
        return testDb.rowsOf("INSERT INTO jobs (job_type, params, origin, status, claimed_by) VALUES ('" + type
                        + "', '{}', 'test', 'running', '" + WORKER + "') RETURNING id::text AS id")
                .get(0)
                .get("id")
                .toString();
    }

    private Map<String, Object> prospect(String id) {
        return Rows.of(testDb, "(SELECT id, outreach_status, last_error, first_sent_at, followups_sent FROM prospects)")
                .get(id);
    }

    private String jobResult(String job) {
        return String.valueOf(testDb.rowsOf("SELECT result::text AS r FROM jobs WHERE id = '" + job + "'")
                .get(0)
                .get("r"));
    }

    @Test
    void aSendJobSendsEachApprovedProspectOnceRecordsEveryOutcomeAndEndsSayingWhy() throws Exception {
        // the exchange reaches the SMTP endpoint without headers; and one put there does not reach the message
        var headersAtSmtp = new java.util.ArrayList<Map<String, Object>>();
        AdviceWith.adviceWith(
                context,
                "send-one",
                a -> a.weaveById("hand-to-smtp-server")
                        .before()
                        .process(
                                e -> headersAtSmtp.add(Map.copyOf(e.getMessage().getHeaders())))
                        .setHeader("Bcc", a.constant("victim@else.example"))
                        .setHeader("jobId", a.simple("${variable.jobId}")));
        context.start();
        String good = approved("alpha.example", "A link idea for alpha", 2);
        String hostile = approved("evil.example", "Hi\r\nBcc: victim@else.example", 1);
        String job = runningJob("send");

        try (var logs = CapturedLogs.start()) {
            runAsJob("direct:send-job", Map.of("jobId", job, "jobType", "send", "jobParams", "{}", "worker", WORKER));
            assertThat(logs.lines())
                    .contains("INFO dev.outreachpipeline.sending - Send job " + job
                            + " ends: no approved prospect is due");
        }

        assertThat(headersAtSmtp).singleElement().satisfies(h -> assertThat(h).isEmpty());
        MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage message = received[0];
        assertThat(message.getSubject()).isEqualTo("A link idea for alpha");
        var names = new TreeSet<String>();
        for (Header h : Collections.list(message.getAllHeaders())) {
            names.add(h.getName());
        }
        names.removeAll(ADDED_BY_THE_SERVER);
        assertThat(names)
                .containsExactlyInAnyOrder(
                        "Date",
                        "From",
                        "To",
                        "Message-ID",
                        "Subject",
                        "MIME-Version",
                        "Content-Type",
                        "Content-Transfer-Encoding",
                        "List-Unsubscribe",
                        "List-Unsubscribe-Post");
        assertThat(message.getRecipients(jakarta.mail.Message.RecipientType.BCC))
                .isNull();

        assertThat(prospect(good)).containsEntry("outreach_status", "sent");
        assertThat(prospect(good).get("first_sent_at")).isNotNull();
        assertThat(prospect(hostile)).containsEntry("outreach_status", "failed");
        assertThat((String) prospect(hostile).get("last_error")).containsIgnoringCase("subject");
        assertThat(
                        testDb.rowsOf(
                                "SELECT prospect_id::text AS p, status, message_id, finished_at FROM send_attempts ORDER BY created_at"))
                .satisfiesExactly(
                        a -> assertThat(a)
                                .containsEntry("p", good)
                                .containsEntry("status", "sent")
                                .containsEntry("message_id", message.getMessageID()),
                        a -> assertThat(a).containsEntry("p", hostile).containsEntry("status", "failed"));
        assertThat(testDb.count("SELECT count(*) FROM email_logs WHERE prospect_id = '" + good
                        + "' AND response->>'kind' = 'initial'" + " AND response->>'message_id' = '"
                        + message.getMessageID() + "'"))
                .isEqualTo(1);
        assertThat(testDb.count("SELECT count(*) FROM email_logs")).isEqualTo(1);
        // the second claim waited out the spacing inside the job
        assertThat(testDb.count(
                        "SELECT count(*) FROM (SELECT created_at - lag(created_at) OVER (ORDER BY created_at) AS gap"
                                + " FROM send_attempts) g WHERE gap < interval '300 milliseconds'"))
                .isZero();
        assertThat(jobResult(job))
                .contains("\"sent\": 1")
                .contains("\"failed\": 1")
                .contains("\"provider_calls\": 2");
    }

    @Test
    void anEditedDraftLeavesAsItsPreviewShowsAndARejectedProspectIsNeverSent() throws Exception {
        context.start();
        String edited = approved("edited.example", "The drafted subject", 2);
        testDb.execute("UPDATE prospects SET draft_html = '<p>The drafted words</p>' WHERE id = '" + edited + "'");
        String rejected = approved("rejected.example", "Not for them", 3);
        var decisions = new DraftDecisions(db.dataSource());
        assertThat(decisions
                        .edit(UUID.fromString(edited), "An edited subject", "Hello,\r\nNew words.\r\n\r\nSam")
                        .done())
                .isTrue();
        assertThat(decisions
                        .reject(UUID.fromString(rejected), "Their site sells counterfeits")
                        .done())
                .isTrue();
        Map<String, Object> facts =
                decisions.messageFacts(UUID.fromString(edited)).orElseThrow();
        MessagePreview.Preview preview = MessagePreview.from(config)
                .render(
                        UUID.fromString(edited),
                        (String) facts.get("campaign_mailboxes"),
                        (String) facts.get("contact_email"),
                        (String) facts.get("draft_subject"),
                        (String) facts.get("draft_body"),
                        (String) facts.get("draft_html"));
        assertThat(preview.problems()).isEmpty();

        runAsJob(
                "direct:send-job",
                Map.of("jobId", runningJob("send"), "jobType", "send", "jobParams", "{}", "worker", WORKER));

        MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage sent = received[0];
        assertThat(sent.getRecipients(jakarta.mail.Message.RecipientType.TO)[0].toString())
                .isEqualTo("editor@edited.example");
        // what the preview showed is what left: the edited words, the footer, the unsubscribe headers; no HTML
        assertThat(sent.getSubject()).isEqualTo(preview.message().get("subject"));
        // (the message's last line break is the end of SMTP's DATA, and the server's copy lacks it)
        assertThat(((String) sent.getContent()).replace("\r\n", "\n").stripTrailing())
                .isEqualTo(((String) preview.message().get("text")).stripTrailing());
        assertThat((String) preview.message().get("text")).startsWith("Hello,\nNew words.\n\nSam\n");
        assertThat(preview.message().get("html")).isNull();
        @SuppressWarnings("unchecked")
        Map<String, Object> headers = (Map<String, Object>) preview.message().get("headers");
        for (String name : java.util.List.of("From", "To", "Subject", "List-Unsubscribe", "List-Unsubscribe-Post")) {
            assertThat(headers.get(name))
                    .as(name)
                    .isEqualTo(jakarta.mail.internet.MimeUtility.decodeText(
                            jakarta.mail.internet.MimeUtility.unfold(sent.getHeader(name, null))));
        }
        assertThat(headers).doesNotContainKeys("Date", "Message-ID");
        assertThat(prospect(edited)).containsEntry("outreach_status", "sent");
        assertThat(prospect(rejected)).containsEntry("outreach_status", "rejected");
        assertThat(testDb.count("SELECT count(*) FROM send_attempts WHERE prospect_id = '" + rejected + "'"))
                .isZero();
    }

    @Test
    void aJobStoppedMidSendIsNotRecordedAsTheSendsOutcome() throws Exception {
        AdviceWith.adviceWith(
                context,
                "send-one",
                a -> a.weaveById("hand-to-smtp-server")
                        .replace()
                        .throwException(new JobStopped(JobStopped.Reason.LOST, "another worker holds the job now")));
        context.start();
        String id = approved("stopped.example", "Stopped", 1);
        String job = runningJob("send");

        assertThatThrownBy(() -> runAsJob("direct:send-job", Map.of("jobId", job, "worker", WORKER)))
                .isInstanceOf(JobStopped.class);

        // still 'sending': a later send job gives it up as send_unknown; nothing claims it went out or failed
        assertThat(prospect(id)).containsEntry("outreach_status", "sending");
        assertThat(testDb.count("SELECT count(*) FROM send_attempts WHERE status = 'sending'"))
                .isEqualTo(1);
        assertThat(testDb.count("SELECT count(*) FROM email_logs")).isZero();
        assertThat(jobResult(job)).isEqualTo("null");
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void aDueFollowUpIsMarkedEnqueuesOneSendJobAndGoesOutInTheThread() throws Exception {
        context.start();
        String id = approved("thread.example", "A link idea", 10);
        testDb.execute("UPDATE prospects SET outreach_status = 'sent', first_sent_at = now() - interval '5 days',"
                + " last_sent = now() - interval '5 days' WHERE id = '" + id + "'");
        testDb.execute(
                "INSERT INTO send_attempts (prospect_id, step, message_id, mailbox, status, created_at, finished_at)"
                        + " VALUES ('" + id + "', 0, '<first@sender.example>', 'sam@sender.example', 'sent',"
                        + " now() - interval '5 days', now() - interval '5 days')");
        String notDue = approved("recent.example", "Recent", 5);
        testDb.execute("UPDATE prospects SET outreach_status = 'sent', first_sent_at = now() - interval '1 day',"
                + " last_sent = now() - interval '1 day' WHERE id = '" + notDue + "'");

        runAsJob("direct:followup-job", Map.of("jobId", runningJob("followup"), "worker", WORKER));
        runAsJob("direct:followup-job", Map.of("jobId", runningJob("followup"), "worker", WORKER));

        assertThat(prospect(id)).containsEntry("outreach_status", "followup_due");
        assertThat(prospect(notDue)).containsEntry("outreach_status", "sent");
        var sendJobs = testDb.rowsOf("SELECT id::text AS id, status, origin FROM jobs WHERE job_type = 'send'");
        assertThat(sendJobs)
                .singleElement()
                .satisfies(
                        j -> assertThat(j).containsEntry("status", "pending").containsEntry("origin", "schedule:send"));

        String sendJob = sendJobs.get(0).get("id").toString();
        testDb.execute(
                "UPDATE jobs SET status = 'running', claimed_by = '" + WORKER + "' WHERE id = '" + sendJob + "'");
        runAsJob("direct:send-job", Map.of("jobId", sendJob, "worker", WORKER));

        MimeMessage followUp = GREEN_MAIL.getReceivedMessages()[0];
        assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(1);
        assertThat(followUp.getSubject()).isEqualTo("Re: A link idea");
        assertThat(followUp.getHeader("In-Reply-To")).containsExactly("<first@sender.example>");
        assertThat(prospect(id)).containsEntry("outreach_status", "sent").containsEntry("followups_sent", 1);
        assertThat(testDb.count("SELECT count(*) FROM email_logs WHERE prospect_id = '" + id + "'"
                        + " AND response->>'kind' = 'followup' AND response->>'step' = '1'"))
                .isEqualTo(1);
        assertThat(jobResult(sendJob)).contains("\"sent\": 1");
    }
}

package dev.outreachpipeline.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that routes/50-sending.camel.yaml sends a follow-up in its prospect's campaign's pitch
 * (claim-next-send.sql carries the campaign, the follow-up is rendered from the campaign's
 * followup.txt.ftl with its variables), against a real SMTP server (GreenMail).
 */
class CampaignFollowupRouteIT extends RouteTestSupport {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    private static final String WORKER = "worker-1";

    @TempDir
    Path tmp;

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
            "OUTREACH_SENDER_NAME", "Sam Sender",
            "SENDER_POSTAL_ADDRESS", "1 Main Street, Springfield",
            "OUTREACH_UNSUBSCRIBE_SECRET", "an-unsubscribe-secret-of-at-least-32-chars",
            "OUTREACH_HTTP_PUBLIC_BASE_URL", "https://outreach.example",
            "OUTREACH_SEND_SPACING", "300ms",
            "OUTREACH_SEND_SPACING_JITTER", "0s"
        };
    }

    /** A prospect of the campaign whose first message went out five days ago, so its first follow-up is due. */
    private String sentFiveDaysAgo(String domain, String campaignId) {
        String id = testDb.rowsOf("INSERT INTO prospects (domain, contact_email, contact_name, contact_method,"
                        + " outreach_status, draft_subject, draft_body, approved_at, first_sent_at, last_sent,"
                        + " campaign_id) VALUES ('" + domain + "', 'ed@" + domain + "', 'Ann', 'hunter_personal',"
                        + " 'followup_due', 'A link idea', 'Hello', now() - interval '6 days', now() - interval '5 days',"
                        + " now() - interval '5 days', '" + campaignId + "') RETURNING id::text AS id")
                .get(0)
                .get("id")
                .toString();
        testDb.execute(
                "INSERT INTO send_attempts (prospect_id, step, message_id, mailbox, status, created_at, finished_at)"
                        + " VALUES ('" + id + "', 0, '<first-" + domain + "@sender.example>', 'sam@sender.example',"
                        + " 'sent', now() - interval '5 days', now() - interval '5 days')");
        return id;
    }

    @Test
    void aDueFollowUpIsWrittenFromItsCampaignsTemplateWithItsSite() throws Exception {
        context.start();
        Path acmeDir = Files.createDirectories(tmp.resolve("acme"));
        Files.writeString(
                acmeDir.resolve("followup.txt.ftl"),
                "${greeting}\nAcme follow-up ${step} from ${campaignName}: a link to ${targetDomain}?\n${senderName}");
        String acme = testDb.rowsOf("INSERT INTO campaigns (name, site_url, templates_dir) VALUES ('acme',"
                        + " 'https://www.acme.example', '" + acmeDir + "') RETURNING id::text AS id")
                .get(0)
                .get("id")
                .toString();
        String id = sentFiveDaysAgo("garden.example", acme);
        String job = testDb.rowsOf("INSERT INTO jobs (job_type, params, origin, status, claimed_by) VALUES ('send',"
                        + " '{}', 'test', 'running', '" + WORKER + "') RETURNING id::text AS id")
                .get(0)
                .get("id")
                .toString();

        runAsJob("direct:send-job", Map.of("jobId", job, "worker", WORKER));

        assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(1);
        MimeMessage followUp = GREEN_MAIL.getReceivedMessages()[0];
        assertThat(followUp.getSubject()).isEqualTo("Re: A link idea");
        assertThat(GreenMailUtil.getBody(followUp))
                .contains("Hi Ann,")
                .contains("Acme follow-up 1 from acme: a link to acme.example?")
                .doesNotContain("I am following up");
        assertThat(testDb.count("SELECT count(*) FROM prospects WHERE id = '" + id + "' AND followups_sent = 1"))
                .isOne();
    }
}

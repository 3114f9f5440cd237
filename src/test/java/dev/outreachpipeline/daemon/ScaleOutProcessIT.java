package dev.outreachpipeline.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.outreachpipeline.testsupport.JarProcess;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two daemons as separate processes on one database share one workload, discover → enrich →
 * draft → send, and together do every piece of it once: no SERP query or Hunter domain asked
 * twice, no message sent twice, the daily cap held across both, each schedule firing run once.
 */
class ScaleOutProcessIT {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final Duration LONG = Duration.ofSeconds(120);
    private static final int DAILY_CAP = 10;

    private final PipelineWorkload workload = new PipelineWorkload()
            .with("SMTP_HOST", "127.0.0.1")
            .with("SMTP_SECURITY", "none")
            .with("MAIL_FROM", "sam@sender.example")
            .with("SENDER_POSTAL_ADDRESS", "1 Main Street, Springfield")
            .with("OUTREACH_UNSUBSCRIBE_SECRET", "an-unsubscribe-secret-of-at-least-32-chars")
            .with("OUTREACH_SEND_REQUIRE_APPROVAL", "false")
            .with("OUTREACH_SEND_DAILY_CAP", String.valueOf(DAILY_CAP))
            .with("OUTREACH_SEND_HOURLY_CAP", "100")
            .with("OUTREACH_SEND_SPACING", "0s")
            .with("OUTREACH_SEND_SPACING_JITTER", "0s")
            .with("OUTREACH_SCHEDULE_SEND_CRON", "0/2 * * * * ?");

    @TempDir
    Path workDir;

    @AfterEach
    void stop() {
        workload.close();
    }

    @Test
    void twoDaemonsShareOneWorkloadAndDoEveryPieceOfItOnce() throws Exception {
        workload.with("SMTP_PORT", String.valueOf(GREEN_MAIL.getSmtp().getPort()));
        String[] jobs = {
            "oak desks, pine desks", "wool rugs, jute rugs", "brass lamps, glass lamps", "linen sheets, silk sheets"
        };
        for (String pair : jobs) {
            for (String keyword : pair.split(", ")) {
                workload.keyword(keyword, 3, 300);
            }
        }

        try (JarProcess one = JarProcess.start(workDir, workload.env(), "run");
                JarProcess two = JarProcess.start(workDir, workload.env(), "run")) {
            one.awaitErr("Routes startup", LONG);
            two.awaitErr("Routes startup", LONG);
            for (String pair : jobs) {
                workload.submitDiscover(pair);
            }

            await().atMost(LONG)
                    .until(() -> GREEN_MAIL.getReceivedMessages().length >= DAILY_CAP
                            && workload.db.count(
                                            "SELECT count(*) FROM jobs WHERE job_type IN ('discover', 'enrich', 'draft')"
                                                    + " AND status <> 'completed'")
                                    == 0
                            && workload.db.count(
                                            "SELECT count(*) FROM jobs WHERE origin = 'schedule:send' AND status = 'completed'")
                                    >= 3);

            assertThat(one.terminate(LONG)).as(one.err()).isEqualTo(143);
            assertThat(two.terminate(LONG)).as(two.err()).isEqualTo(143);
        }

        // both processes did work
        assertThat(workload.db.count("SELECT count(DISTINCT split_part(claimed_by, '/', 1)) FROM jobs"))
                .isEqualTo(2);
        // no SERP query and no Hunter domain asked twice
        for (String keyword : workload.keywords) {
            assertThat(workload.serpCalls(keyword))
                    .as("SERP calls for " + keyword)
                    .isEqualTo(1);
        }
        assertThat(workload.db.count("SELECT count(*) FROM prospects")).isEqualTo(workload.domains.size());
        for (String domain : workload.domains) {
            assertThat(workload.searches(domain))
                    .as("Hunter searches for " + domain)
                    .isEqualTo(1);
        }
        // every message once, and the daily cap held across both
        MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
        var messageIds = new HashSet<String>();
        var recipients = new HashSet<String>();
        for (MimeMessage m : received) {
            assertThat(messageIds.add(m.getMessageID()))
                    .as("delivered twice: " + m.getMessageID())
                    .isTrue();
            recipients.add(m.getAllRecipients()[0].toString());
        }
        assertThat(received).hasSize(DAILY_CAP);
        assertThat(recipients).hasSize(DAILY_CAP);
        assertThat(workload.db.count("SELECT count(*) FROM prospects WHERE outreach_status = 'sent'"))
                .isEqualTo(DAILY_CAP);
        assertThat(workload.db.count("SELECT count(*) FROM send_attempts")).isEqualTo(DAILY_CAP);
        // each firing of the send schedule (every 2 s) enqueued at most one job across both processes
        assertThat(workload.db.count("SELECT count(*) FROM (SELECT floor(extract(epoch FROM created_at) / 2) AS firing"
                        + " FROM jobs WHERE origin = 'schedule:send' GROUP BY 1 HAVING count(*) > 1) doubled"))
                .isZero();
        assertThat(workload.claimedRows()).isZero();
    }
}

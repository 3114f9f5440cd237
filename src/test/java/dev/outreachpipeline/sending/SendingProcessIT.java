package dev.outreachpipeline.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.outreachpipeline.testsupport.CliRun;
import dev.outreachpipeline.testsupport.JarProcess;
import dev.outreachpipeline.testsupport.TestDatabase;
import dev.outreachpipeline.testsupport.TestPostgres;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Sending daemons as separate processes: killed mid-batch, and two of them on one database. */
class SendingProcessIT {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final Duration LONG = Duration.ofSeconds(120);

    private final TestDatabase db = TestPostgres.newDatabase();

    @TempDir
    Path workDir;

    private Map<String, String> env(String... extra) {
        var env = new HashMap<>(db.env(
                "SMTP_HOST", "127.0.0.1",
                "SMTP_PORT", String.valueOf(GREEN_MAIL.getSmtp().getPort()),
                "SMTP_SECURITY", "none",
                "MAIL_FROM", "sam@sender.example",
                "SENDER_POSTAL_ADDRESS", "1 Main Street, Springfield",
                "OUTREACH_UNSUBSCRIBE_SECRET", "an-unsubscribe-secret-of-at-least-32-chars",
                "OUTREACH_SEND_SPACING", "300ms",
                "OUTREACH_SEND_HOURLY_CAP", "100",
                "OUTREACH_SEND_SPACING_JITTER", "0s",
                "OUTREACH_JOBS_POLL_INTERVAL_MS", "100",
                "OUTREACH_JOBS_LEASE_SECONDS", "5",
                "OUTREACH_JOBS_HEARTBEAT_SECONDS", "1"));
        for (int i = 0; i + 1 < extra.length; i += 2) {
            env.put(extra[i], extra[i + 1]);
        }
        return env;
    }

    private void approved(int n) {
        db.execute(
                "INSERT INTO prospects (domain, contact_email, contact_method, outreach_status, draft_subject, draft_body,"
                        + " approved_at) SELECT 'site' || i || '.example', 'editor@site' || i || '.example', 'hunter_personal', 'approved',"
                        + " 'Hello ' || i, 'A short note.', now() + i * interval '1 millisecond' FROM generate_series(1, "
                        + n + ") i");
    }

    private static List<String> recipients(MimeMessage[] messages) throws Exception {
        var to = new ArrayList<String>();
        for (MimeMessage m : messages) {
            to.add(m.getAllRecipients()[0].toString());
        }
        return to;
    }

    @Test
    void aDaemonKilledMidBatchNeverDeliversAMessageTwiceAfterItsRestart() throws Exception {
        assertThat(CliRun.run(env(), "db", "migrate").exitCode()).isZero();
        approved(12);
        db.execute("INSERT INTO jobs (job_type, params, origin) VALUES ('send', '{}', 'test')");

        try (JarProcess daemon = JarProcess.start(workDir, env(), "run")) {
            await().atMost(LONG)
                    .until(() -> GREEN_MAIL.getReceivedMessages().length >= 3
                            || !daemon.err().isEmpty() && daemon.err().contains("failed:"));
            assertThat(daemon.err()).doesNotContain("failed:");
            daemon.kill();
        }
        int beforeRestart = GREEN_MAIL.getReceivedMessages().length;
        assertThat(beforeRestart).isLessThan(12);

        try (JarProcess restarted = JarProcess.start(workDir, env(), "run", "--once")) {
            assertThat(restarted.waitFor(LONG)).as(restarted.err()).isZero();
        }

        MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
        var messageIds = new HashSet<String>();
        for (MimeMessage m : received) {
            assertThat(messageIds.add(m.getMessageID()))
                    .as("delivered twice: " + m.getMessageID())
                    .isTrue();
        }
        assertThat(new HashSet<>(recipients(received))).hasSize(received.length);
        assertThat(
                        db.count(
                                "SELECT count(*) FROM prospects WHERE outreach_status NOT IN ('sent', 'send_unknown', 'approved')"))
                .isZero();
        assertThat(db.count("SELECT count(*) FROM prospects WHERE outreach_status = 'sent'"))
                .isLessThanOrEqualTo(received.length);
        assertThat(db.count("SELECT count(*) FROM prospects WHERE outreach_status IN ('sent', 'send_unknown')"))
                .isGreaterThanOrEqualTo(received.length)
                .isEqualTo(12);
    }

    @Test
    void twoDaemonsShareABatchWithoutADoubleSendAndWithinTheDailyCap() throws Exception {
        assertThat(CliRun.run(env(), "db", "migrate").exitCode()).isZero();
        approved(10);
        db.execute("INSERT INTO jobs (job_type, params, origin) VALUES ('send', '{}', 'test'), ('send', '{}', 'test')");
        var env = env("OUTREACH_SEND_DAILY_CAP", "6", "OUTREACH_SEND_SPACING", "0s");

        try (JarProcess one = JarProcess.start(workDir, env, "run", "--once");
                JarProcess two = JarProcess.start(workDir, env, "run", "--once")) {
            assertThat(one.waitFor(LONG)).as(one.err()).isZero();
            assertThat(two.waitFor(LONG)).as(two.err()).isZero();
        }

        MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
        assertThat(received).hasSize(6);
        assertThat(new HashSet<>(recipients(received))).hasSize(6);
        assertThat(db.count("SELECT count(*) FROM send_attempts")).isEqualTo(6);
        assertThat(db.count("SELECT count(*) FROM prospects WHERE outreach_status = 'approved'"))
                .isEqualTo(4);
        assertThat(db.count("SELECT count(DISTINCT claimed_by) FROM jobs WHERE job_type = 'send'"))
                .isEqualTo(2);
    }
}

package dev.outreachpipeline.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.outreachpipeline.testsupport.CapturedLogs;
import dev.outreachpipeline.testsupport.CliRun;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Proves routes/50-sending.camel.yaml with two sending mailboxes, each a GreenMail user with its own
 * login: a campaign that names both rotates over them; a follow-up goes out from its thread's mailbox
 * (an old thread's from 'default'); a mailbox at its cap leaves the sends to the other one, and a
 * campaign that has only that one waits; a paused campaign sends nothing until it is resumed; a mailbox
 * whose login is refused is paused for every instance while the other sends, until `mailbox resume`
 * or until its settings change;
 * a send job for one campaign sends only its messages; two send jobs at once keep a mailbox's cap
 * between them; and `mailbox list` and `send --dry-run` show each mailbox.
 */
class MailboxesRouteIT extends RouteTestSupport {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig()
                    .withUser("sam@sender.example", "sam", "sam-password")
                    .withUser("kim@second.example", "kim", "kim-password"))
            .withPerMethodLifecycle(false);

    private static final String WORKER = "worker-1";
    private static final String SAM = "sam@sender.example";
    private static final String KIM = "kim@second.example";

    @Override
    protected String[] routeFiles() {
        return new String[] {"10-jobs", "50-sending"};
    }

    @Override
    protected String[] environment() {
        String port = String.valueOf(GREEN_MAIL.getSmtp().getPort());
        return new String[] {
            "SMTP_HOST", "127.0.0.1",
            "SMTP_PORT", port,
            "SMTP_SECURITY", "none",
            "SMTP_USERNAME", "sam",
            "SMTP_PASSWORD", "sam-password",
            "MAIL_FROM", SAM,
            "OUTREACH_MAILBOXES", "kim",
            "OUTREACH_MAILBOX_KIM_FROM", KIM,
            "OUTREACH_MAILBOX_KIM_FROM_NAME", "Kim Second",
            "OUTREACH_MAILBOX_KIM_SMTP_HOST", "127.0.0.1",
            "OUTREACH_MAILBOX_KIM_SMTP_PORT", port,
            "OUTREACH_MAILBOX_KIM_SMTP_SECURITY", "none",
            "OUTREACH_MAILBOX_KIM_SMTP_USERNAME", "kim",
            "OUTREACH_MAILBOX_KIM_SMTP_PASSWORD", "kim-password",
            "OUTREACH_MAILBOX_KIM_HOURLY_CAP", "3",
            "SENDER_POSTAL_ADDRESS", "1 Main Street, Springfield",
            "OUTREACH_UNSUBSCRIBE_SECRET", "an-unsubscribe-secret-of-at-least-32-chars",
            "OUTREACH_HTTP_PUBLIC_BASE_URL", "https://outreach.example",
            "OUTREACH_SEND_SPACING", "0s",
            "OUTREACH_SEND_SPACING_JITTER", "0s"
        };
    }

    @BeforeEach
    void noMailYetAndKimsPasswordIsRight() throws Exception {
        GREEN_MAIL.purgeEmailFromAllMailboxes();
        GREEN_MAIL.getUserManager().getUser("kim").setPassword("kim-password");
    }

    private Map<String, String> cliEnv() {
        var env = new ArrayList<>(List.of(environment()));
        env.addAll(List.of("OUTREACH_MANAGEMENT_ENABLED", "false"));
        return testDb.env(env.toArray(String[]::new));
    }

    private String campaign(String name, String mailboxes, String status) {
        return testDb.rowsOf("INSERT INTO campaigns (name, mailbox, status) VALUES ('" + name + "', '" + mailboxes
                        + "', '" + status + "') RETURNING id::text AS id")
                .get(0)
                .get("id")
                .toString();
    }

    private String approved(String campaignId, String domain, int minutesAgo) {
        return testDb.rowsOf("INSERT INTO prospects (domain, contact_email, contact_method, outreach_status,"
                        + " draft_subject, draft_body, approved_at, campaign_id) VALUES ('" + domain + "', 'editor@"
                        + domain + "', 'hunter_personal', 'approved', 'About " + domain
                        + "', 'Hello,\nA short note.\n\nSam', now() - interval '" + minutesAgo + " minutes', '"
                        + campaignId + "') RETURNING id::text AS id")
                .get(0)
                .get("id")
                .toString();
    }

    /** A thread whose first message went out five days ago from {@code address}, due for its follow-up. */
    private void followUpDue(String id, String mailbox, String address, String messageId) {
        testDb.execute(
                "UPDATE prospects SET outreach_status = 'followup_due', first_sent_at = now() - interval '5 days',"
                        + " last_sent = now() - interval '5 days', mailbox = "
                        + (mailbox == null ? "NULL" : "'" + mailbox + "'")
                        + " WHERE id = '" + id + "'");
        testDb.execute(
                "INSERT INTO send_attempts (prospect_id, step, message_id, mailbox, status, created_at, finished_at)"
                        + " VALUES ('" + id + "', 0, '" + messageId + "', '" + address + "', 'sent',"
                        + " now() - interval '5 days', now() - interval '5 days')");
    }

    private String sendJob(String params) throws Exception {
        String job = testDb.rowsOf("INSERT INTO jobs (job_type, params, origin, status, claimed_by) VALUES ('send', '"
                        + params + "', 'test', 'running', '" + WORKER + "') RETURNING id::text AS id")
                .get(0)
                .get("id")
                .toString();
        runAsJob("direct:send-job", Map.of("jobId", job, "jobType", "send", "jobParams", params, "worker", WORKER));
        return job;
    }

    /** Recipient → the From address of the message it received. */
    private static Map<String, String> fromByRecipient() throws Exception {
        var from = new HashMap<String, String>();
        for (MimeMessage m : GREEN_MAIL.getReceivedMessages()) {
            from.put(m.getAllRecipients()[0].toString(), ((InternetAddress) m.getFrom()[0]).getAddress());
        }
        return from;
    }

    private String prospectMailbox(String id) {
        return (String) testDb.rowsOf("SELECT mailbox FROM prospects WHERE id = '" + id + "'")
                .get(0)
                .get("mailbox");
    }

    @Test
    void aCampaignRotatesOverItsMailboxesAndAFollowUpKeepsItsThreadsMailbox() throws Exception {
        context.start();
        String duo = campaign("duo", "default,kim", "active");
        String a = approved(duo, "a.example", 4);
        String b = approved(duo, "b.example", 3);
        String c = approved(duo, "c.example", 2);
        String d = approved(duo, "d.example", 1);

        sendJob("{}");

        // the mailbox that sent least recently goes next: default, kim, default, kim
        assertThat(fromByRecipient())
                .containsEntry("editor@a.example", SAM)
                .containsEntry("editor@b.example", KIM)
                .containsEntry("editor@c.example", SAM)
                .containsEntry("editor@d.example", KIM);
        assertThat(List.of(prospectMailbox(a), prospectMailbox(b), prospectMailbox(c), prospectMailbox(d)))
                .containsExactly("default", "kim", "default", "kim");
        assertThat(testDb.count("SELECT count(*) FROM send_attempts WHERE mailbox = '" + KIM + "'"
                        + " AND message_id LIKE '%@second.example>'"))
                .isEqualTo(2);

        // b's thread came from kim: its follow-up does too, in the thread; an old thread (no mailbox
        // recorded) came from the only mailbox there was, default
        GREEN_MAIL.purgeEmailFromAllMailboxes();
        testDb.execute("DELETE FROM send_attempts WHERE prospect_id = '" + b + "'");
        followUpDue(b, "kim", KIM, "<first-b@second.example>");
        String old = approved(duo, "old.example", 60);
        followUpDue(old, null, SAM, "<first-old@sender.example>");

        sendJob("{}");

        assertThat(fromByRecipient())
                .containsOnly(Map.entry("editor@b.example", KIM), Map.entry("editor@old.example", SAM));
        MimeMessage followUp = java.util.Arrays.stream(GREEN_MAIL.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals("editor@b.example");
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .findFirst()
                .orElseThrow();
        assertThat(followUp.getHeader("In-Reply-To")).containsExactly("<first-b@second.example>");
        assertThat(followUp.getFrom()[0].toString()).isEqualTo("Kim Second <" + KIM + ">");
    }

    @Test
    void aMailboxAtItsCapLeavesTheSendsToTheOtherAndACampaignWithOnlyThatOneWaits() throws Exception {
        context.start();
        // kim has sent its hourly cap of 3 already (another instance, a while ago)
        String archived = campaign("filler", "kim", "archived");
        for (int i = 0; i < 3; i++) {
            String filler = approved(archived, "filler" + i + ".example", 90);
            testDb.execute("INSERT INTO send_attempts (prospect_id, step, message_id, mailbox, status, created_at)"
                    + " VALUES ('" + filler + "', 0, '<earlier-" + i + "@second.example>', '" + KIM + "', 'sent',"
                    + " now() - interval '" + (10 + i) + " minutes')");
        }
        String duo = approved(campaign("duo", "default,kim", "active"), "duo.example", 2);
        String duo2 = approved(
                testDb.rowsOf("SELECT id::text AS id FROM campaigns WHERE name = 'duo'")
                        .get(0)
                        .get("id")
                        .toString(),
                "duo2.example",
                1);
        String only = approved(campaign("solo", "kim", "active"), "solo.example", 3);

        String job;
        try (var logs = CapturedLogs.start()) {
            job = sendJob("{}");
            assertThat(logs.lines())
                    .anySatisfy(l -> assertThat(l)
                            .contains("Send job " + job + " ends: mailbox kim: the hourly cap of 3 is reached"
                                    + " (3 sent in the last hour)"));
        }

        assertThat(fromByRecipient())
                .containsOnly(Map.entry("editor@duo.example", SAM), Map.entry("editor@duo2.example", SAM));
        assertThat(testDb.rowsOf("SELECT outreach_status FROM prospects WHERE id = '" + only + "'")
                        .get(0))
                .containsEntry("outreach_status", "approved");
        assertThat(prospectMailbox(duo)).isEqualTo("default");
        assertThat(prospectMailbox(duo2)).isEqualTo("default");
    }

    @Test
    void twoWorkersSendingAtOnceKeepAMailboxsCapBetweenThem() throws Exception {
        context.start();
        String solo = campaign("solo", "kim", "active");
        for (int i = 0; i < 6; i++) {
            approved(solo, "p" + i + ".example", 10 - i);
        }
        // two send jobs at the same moment, as two workers or two instances run them: kim's hourly cap
        // of 3 is counted under its lock, so together they send 3, not 3 each
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> sendJob("{}"));
            var second = pool.submit(() -> sendJob("{}"));
            first.get();
            second.get();
        } finally {
            pool.shutdownNow();
        }

        assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(3);
        assertThat(testDb.count("SELECT count(*) FROM send_attempts WHERE mailbox = '" + KIM + "'"))
                .isEqualTo(3);
        assertThat(testDb.count("SELECT count(*) FROM prospects WHERE outreach_status = 'approved'"))
                .isEqualTo(3);
    }

    @Test
    void aPausedCampaignSendsNothingNotEvenFollowUpsUntilItIsResumed() throws Exception {
        context.start();
        String quiet = campaign("quiet", "default", "paused");
        String first = approved(quiet, "first.example", 5);
        String thread = approved(quiet, "thread.example", 50);
        followUpDue(thread, "default", SAM, "<first-thread@sender.example>");

        try (var logs = CapturedLogs.start()) {
            String job = sendJob("{}");
            assertThat(logs.lines())
                    .contains("INFO dev.outreachpipeline.sending - Send job " + job
                            + " ends: no approved prospect is due");
        }
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
        assertThat(testDb.count("SELECT count(*) FROM send_attempts WHERE status <> 'sent'"))
                .isZero();

        CliRun resume = CliRun.run(cliEnv(), "campaign", "resume", "quiet");
        assertThat(resume.exitCode()).as(resume.err()).isZero();
        sendJob("{}");

        assertThat(fromByRecipient()).containsOnlyKeys("editor@first.example", "editor@thread.example");
        assertThat(testDb.count("SELECT count(*) FROM prospects WHERE outreach_status = 'sent' AND id IN ('" + first
                        + "', '" + thread + "')"))
                .isEqualTo(2);
    }

    @Test
    void aMailboxWhoseLoginIsRefusedIsPausedWhileTheOtherSendsUntilItIsResumed() throws Exception {
        GREEN_MAIL.getUserManager().getUser("kim").setPassword("changed-at-the-provider");
        context.start();
        String duo = campaign("duo", "default,kim", "active");
        String a = approved(duo, "a.example", 3);
        String b = approved(duo, "b.example", 2);
        String solo = approved(campaign("solo", "kim", "active"), "solo.example", 1);

        String job;
        try (var logs = CapturedLogs.start()) {
            job = sendJob("{}");
            assertThat(logs.lines())
                    .anySatisfy(l -> assertThat(l)
                            .contains("WARN")
                            .contains("Mailbox kim is paused for every instance: the SMTP server 127.0.0.1:"))
                    .anySatisfy(l -> assertThat(l).contains("Send job " + job + " ends: mailbox kim is paused: "));
            assertThat(String.join("\n", logs.lines())).doesNotContain("kim-password");
        }

        // default sent both of duo's messages (kim was tried for b and refused); solo waits with kim
        assertThat(fromByRecipient())
                .containsOnly(Map.entry("editor@a.example", SAM), Map.entry("editor@b.example", SAM));
        var pause = testDb.rowsOf("SELECT mailbox, reason FROM mailbox_pauses");
        assertThat(pause)
                .singleElement()
                .satisfies(p -> assertThat((String) p.get("reason"))
                        .contains("refused the login of kim")
                        .contains("OUTREACH_MAILBOX_KIM_SMTP_PASSWORD")
                        .contains("outreach mailbox resume kim"));
        var waiting = testDb.rowsOf(
                        "SELECT outreach_status, send_attempts, last_error FROM prospects WHERE id = '" + solo + "'")
                .get(0);
        assertThat(waiting).containsEntry("outreach_status", "approved").containsEntry("send_attempts", 0);
        assertThat(testDb.count(
                        "SELECT count(*) FROM send_attempts WHERE status = 'temporary' AND mailbox = '" + KIM + "'"))
                .isEqualTo(1);
        assertThat(prospectMailbox(a)).isEqualTo("default");
        assertThat(prospectMailbox(b)).isEqualTo("default");

        CliRun list = CliRun.run(cliEnv(), "mailbox", "list", "--json");
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out())
                .contains("\"id\" : \"kim\"")
                .contains("\"paused\" : true")
                .contains("refused the login of kim")
                .doesNotContain("kim-password");
        CliRun table = CliRun.run(cliEnv(), "mailbox", "list");
        assertThat(table.out().lines())
                .anySatisfy(l -> assertThat(l)
                        .startsWith("default")
                        .contains(SAM)
                        .contains("2 / 30")
                        .contains("sending"))
                .anySatisfy(l -> assertThat(l)
                        .startsWith("kim")
                        .contains(KIM)
                        .contains("0 / 30")
                        .contains("paused: "));
        CliRun dry = CliRun.run(cliEnv(), "send", "--dry-run");
        assertThat(dry.exitCode()).as(dry.err()).isZero();
        assertThat(dry.out())
                .contains("Mailbox default " + SAM + ": 2 sent in the last 24 h (cap 30)")
                .contains("Mailbox kim " + KIM + ": 0 sent in the last 24 h (cap 30), 0 in the last hour (cap 3)")
                .contains("Next send: waits — the mailbox kim is paused: ")
                .containsPattern("editor@solo\\.example +first message +from kim: waits: the mailbox kim is paused");

        // the operator corrects the password and resumes the mailbox: solo goes out from kim
        GREEN_MAIL.getUserManager().getUser("kim").setPassword("kim-password");
        CliRun resume = CliRun.run(cliEnv(), "mailbox", "resume", "kim");
        assertThat(resume.exitCode()).as(resume.err()).isZero();
        assertThat(resume.out()).contains("Mailbox kim is no longer paused");
        sendJob("{}");
        assertThat(fromByRecipient()).containsEntry("editor@solo.example", KIM);
        assertThat(testDb.count("SELECT count(*) FROM mailbox_pauses")).isZero();
    }

    @Test
    void aPauseMadeWithOtherSettingsIsNotHonouredAndEndsWithTheMailboxsNextMessage() throws Exception {
        context.start();
        // paused by an instance whose password was wrong; this one has the corrected settings
        testDb.execute("INSERT INTO mailbox_pauses (mailbox, reason, settings_fingerprint) VALUES"
                + " ('kim', 'the SMTP server refused the login of kim', 'fingerprint-of-the-old-password')");
        approved(campaign("solo", "kim", "active"), "solo.example", 1);

        sendJob("{}");

        assertThat(fromByRecipient()).containsOnly(Map.entry("editor@solo.example", KIM));
        assertThat(testDb.count("SELECT count(*) FROM mailbox_pauses")).isZero();
    }

    @Test
    void aSendJobForOneCampaignSendsOnlyItsMessagesAndTheDryRunShowsOnlyThem() throws Exception {
        context.start();
        String mine = campaign("mine", "kim", "active");
        approved(mine, "mine.example", 2);
        approved(campaign("theirs", "default", "active"), "theirs.example", 1);

        CliRun dry = CliRun.run(cliEnv(), "send", "--dry-run", "--campaign", "mine");
        assertThat(dry.exitCode()).as(dry.err()).isZero();
        assertThat(dry.out())
                .containsPattern("editor@mine\\.example +first message +from kim: would be sent now")
                .doesNotContain("theirs.example");
        CliRun submitted = CliRun.run(cliEnv(), "send", "--campaign", "mine");
        assertThat(submitted.exitCode()).as(submitted.err()).isZero();
        assertThat(testDb.count("SELECT count(*) FROM jobs WHERE job_type = 'send' AND params->>'campaign' = 'mine'"
                        + " AND campaign_id = '" + mine + "'"))
                .isEqualTo(1);

        sendJob("{\"campaign\": \"mine\"}");

        assertThat(fromByRecipient()).containsOnly(Map.entry("editor@mine.example", KIM));
    }
}

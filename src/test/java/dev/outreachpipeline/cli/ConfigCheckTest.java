package dev.outreachpipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreachpipeline.testsupport.CliRun;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** config check: what every stage lacks, values the daemon would refuse, variables that look like ours. */
class ConfigCheckTest {

    private static final String SECRET = "an-unsubscribe-secret-of-at-least-32-chars";

    /** Every setting each stage needs, as an operator sets them. */
    private static Map<String, String> everyStageReady(String... more) {
        var env = new HashMap<>(Map.ofEntries(
                Map.entry("DATAFORSEO_LOGIN", "login@example.com"),
                Map.entry("DATAFORSEO_PASSWORD", "dfs-password"),
                Map.entry("HUNTER_API_KEY", "hunter-key"),
                Map.entry("OUTREACH_SENDER_NAME", "Sam Sender"),
                Map.entry("SMTP_HOST", "smtp.example.com"),
                Map.entry("SMTP_USERNAME", "sam@example.com"),
                Map.entry("SMTP_PASSWORD", "smtp-password"),
                Map.entry("MAIL_FROM", "sam@example.com"),
                Map.entry("SENDER_POSTAL_ADDRESS", "Example Ltd, 1 Main Street, Springfield"),
                Map.entry("OUTREACH_UNSUBSCRIBE_SECRET", SECRET),
                Map.entry("IMAP_HOST", "imap.example.com"),
                Map.entry("IMAP_USERNAME", "sam@example.com"),
                Map.entry("IMAP_PASSWORD", "imap-password")));
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    private static CliRun check(Map<String, String> env, String... args) {
        var all = new java.util.ArrayList<>(java.util.List.of("config", "check"));
        all.addAll(java.util.List.of(args));
        return CliRun.run(env, all.toArray(String[]::new));
    }

    @Test
    void anEmptyEnvironmentIsNotValidAndEachStageSaysWhatItLacks() {
        CliRun run = check(Map.of());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out().lines())
                .containsExactly(
                        "discovery: DATAFORSEO_LOGIN and DATAFORSEO_PASSWORD are not set",
                        "enrichment: HUNTER_API_KEY is not set",
                        "drafting: OUTREACH_SENDER_NAME is not set",
                        "sending: SMTP_HOST, MAIL_FROM, SENDER_POSTAL_ADDRESS and OUTREACH_UNSUBSCRIBE_SECRET are not set",
                        "replies: IMAP_HOST, IMAP_USERNAME and IMAP_PASSWORD are not set");
        assertThat(run.err()).contains("5 of 5 stages lack settings").doesNotContain("is valid");
    }

    @Test
    void withEverySettingGivenEveryStageIsReady() {
        CliRun run = check(everyStageReady());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines())
                .containsExactly(
                        "discovery: ready", "enrichment: ready", "drafting: ready", "sending: ready", "replies: ready");
        assertThat(run.err()).contains("The configuration is valid and every stage is ready.");
    }

    @Test
    void aUserWithoutAPasswordIsNotReadyAndNeitherIsAPasswordWithoutAUser() {
        var noPassword = everyStageReady();
        noPassword.remove("SMTP_PASSWORD");
        assertThat(check(noPassword, "--stage", "sending").out()).isEqualTo("sending: SMTP_PASSWORD is not set\n");

        var noUser = everyStageReady();
        noUser.remove("SMTP_USERNAME");
        assertThat(check(noUser, "--stage", "sending").out()).isEqualTo("sending: SMTP_USERNAME is not set\n");

        var neither = everyStageReady();
        neither.remove("SMTP_USERNAME");
        neither.remove("SMTP_PASSWORD");
        assertThat(check(neither, "--stage", "sending").exitCode()).isZero();
    }

    @Test
    void variablesThatLookLikeOursAreNamedWithTheOneThatWasMeant() {
        CliRun run = check(everyStageReady(
                "HUNTER_APIKEY",
                "x",
                "SMTP_PASS",
                "x",
                "smtp_host",
                "x",
                "MAILFROM",
                "x",
                "SMTP_SERVER",
                "x",
                "OUTREACH_SENDERNAME",
                "x"));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err())
                .contains("HUNTER_APIKEY is not a setting; did you mean HUNTER_API_KEY?")
                .contains("SMTP_PASS is not a setting; did you mean SMTP_PASSWORD?")
                .contains("smtp_host is not a setting; did you mean SMTP_HOST?")
                .contains("MAILFROM is not a setting; did you mean MAIL_FROM?")
                .contains("SMTP_SERVER is not a setting (the SMTP_ settings are SMTP_HOST, SMTP_PASSWORD, SMTP_PORT,"
                        + " SMTP_SECURITY and SMTP_USERNAME)")
                .contains("unknown environment variable OUTREACH_SENDERNAME (it matches no outreach.* setting;"
                        + " did you mean OUTREACH_SENDER_NAME?)")
                .contains("6 problems");
    }

    @Test
    void theUsualEnvironmentOfAMachineIsNotTakenForOurs() {
        CliRun run = check(everyStageReady(
                "PATH",
                "/usr/bin",
                "HOME",
                "/home/sam",
                "MAIL",
                "/var/mail/sam",
                "JAVA_HOME",
                "/opt/java",
                "JDBC_DATABASE_URL",
                "jdbc:postgresql://db/x",
                "HOSTNAME",
                "box",
                "LANG",
                "C.UTF-8",
                "SHELL",
                "/bin/sh",
                "USER",
                "sam",
                "TERM",
                "xterm"));

        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void valuesTheDaemonWouldRefuseAreReportedTogetherWithWhatTheStagesLack() {
        var env = everyStageReady(
                "OUTREACH_UNSUBSCRIBE_SECRET",
                "short-secret-12345",
                "MAIL_FROM",
                "a@b@c",
                "OUTREACH_DATABASE_POOL_SIZE",
                "x");
        env.remove("HUNTER_API_KEY");

        CliRun run = check(env);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).contains("enrichment: HUNTER_API_KEY is not set").contains("sending: ready");
        assertThat(run.err())
                .contains("3 problems")
                .contains(
                        "'outreach.unsubscribe.secret' (from environment OUTREACH_UNSUBSCRIBE_SECRET) is 18 characters"
                                + " long; it must be at least 32")
                .contains("'outreach.mail.from' (from environment MAIL_FROM) 'a@b@c' is not an address")
                .contains("outreach.database.pool-size")
                .doesNotContain("short-secret-12345");

        // The daemon refuses the same values with the same sentences before it opens a database.
        CliRun start = CliRun.run(env, "run");
        assertThat(start.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(start.err())
                .contains("3 problems")
                .contains(
                        "'outreach.unsubscribe.secret' (from environment OUTREACH_UNSUBSCRIBE_SECRET) is 18 characters")
                .contains("'outreach.mail.from' (from environment MAIL_FROM) 'a@b@c' is not an address");
    }

    @Test
    void aLineBreakInTheFromAddressIsRefused() {
        CliRun run = check(everyStageReady("MAIL_FROM", "sam@example.com\r\nBcc: everyone@example.com"));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err())
                .contains("'outreach.mail.from' (from environment MAIL_FROM)")
                .contains("contains a line break or control character")
                .doesNotContain("\r\nBcc");
    }

    @Test
    void oneStageCanBeCheckedAlone() {
        var env = everyStageReady();
        env.remove("HUNTER_API_KEY");

        CliRun sending = check(env, "--stage", "sending");
        assertThat(sending.exitCode()).as(sending.err()).isZero();
        assertThat(sending.out()).isEqualTo("sending: ready\n");
        assertThat(sending.err()).contains("the stage is ready");

        CliRun enrichment = check(env, "--stage", "enrichment");
        assertThat(enrichment.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(enrichment.out()).isEqualTo("enrichment: HUNTER_API_KEY is not set\n");
    }

    @Test
    void anUnknownStageIsAUsageErrorNamingTheStages() {
        CliRun run = check(everyStageReady(), "--stage", "mailing");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err())
                .contains("'mailing' is not a stage; the stages are discovery, enrichment, drafting, sending, replies");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aTemplatesFolderThatDoesNotExistIsReportedAsTheDaemonWouldAtStart() {
        CliRun run = check(everyStageReady("OUTREACH_DRAFTS_TEMPLATES_DIR", "/no/such/templates"));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err())
                .contains("'outreach.drafts.templates-dir' names /no/such/templates, which is not a folder");
    }

    @Test
    void withASecondMailboxEachMailboxIsReportedAndAnIncompleteOneIsAProblem() {
        CliRun run = check(everyStageReady(
                "OUTREACH_MAILBOXES", "kim",
                "OUTREACH_MAILBOX_KIM_FROM", "kim@second.example",
                "OUTREACH_MAILBOX_KIM_SMTP_HOST", "smtp.second.example",
                "OUTREACH_MAILBOX_KIM_SMTP_USERNAME", "kim",
                "OUTREACH_MAILBOX_KIM_SMTP_PASSWORD", "kims-password",
                "OUTREACH_MAILBOX_KIM_DAILY_CAP", "12"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines())
                .contains("sending: ready")
                .anySatisfy(l -> assertThat(l).startsWith("Mailbox default: sends as "))
                .contains("Mailbox kim: sends as kim@second.example through smtp.second.example:587 (starttls),"
                        + " at most 12 a day and 10 an hour, 90s apart; replies not read (no IMAP server).");
        assertThat(run.out() + run.err()).doesNotContain("kims-password");

        CliRun incomplete = check(everyStageReady("OUTREACH_MAILBOXES", "kim"));
        assertThat(incomplete.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(incomplete.err())
                .contains("mailbox kim: no SMTP server is set: set outreach.mailbox.kim.smtp.host"
                        + " (OUTREACH_MAILBOX_KIM_SMTP_HOST)");
    }
}

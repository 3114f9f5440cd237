package dev.outreachpipeline.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreachpipeline.campaigns.KnownMailboxes;
import dev.outreachpipeline.sending.Mailboxes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Further sending mailboxes: listed in outreach.mailboxes, each described by its own copy of the
 * outreach.mailbox.&lt;id&gt;.* settings, from a file or OUTREACH_MAILBOX_&lt;ID&gt;_… variables, with
 * its password from the environment only and masked wherever settings are shown.
 */
class MailboxSettingsTest {

    @TempDir
    Path dir;

    @Test
    void withoutFurtherMailboxesThereIsOnlyDefaultDescribedByTheOldSettings() {
        OutreachConfig config =
                OutreachConfig.load(null, Map.of("SMTP_HOST", "smtp.example.com", "MAIL_FROM", "Sam@Example.com"), dir);

        var mailboxes = Mailboxes.from(config);

        assertThat(mailboxes.ids()).containsExactly("default");
        assertThat(mailboxes.get("default").address()).isEqualTo("sam@example.com");
        assertThat(mailboxes.get("default").pacing().dailyCap()).isEqualTo(30);
        assertThat(KnownMailboxes.ids(config)).containsExactly("default");
    }

    @Test
    void aListedMailboxTakesItsOwnSettingsFromAFileAndTheEnvironmentAndTheSharedOnesOtherwise() throws IOException {
        Path file = dir.resolve("custom.properties");
        Files.writeString(
                file,
                "outreach.mailboxes = kim\n"
                        + "outreach.mailbox.kim.from = kim@second.example\n"
                        + "outreach.mailbox.kim.smtp.host = smtp.second.example\n"
                        + "outreach.mailbox.kim.daily-cap = 12\n");

        OutreachConfig config = OutreachConfig.load(
                file,
                Map.of(
                        "OUTREACH_MAILBOX_KIM_SMTP_USERNAME", "kim",
                        "OUTREACH_MAILBOX_KIM_SMTP_PASSWORD", "kims-password",
                        "OUTREACH_MAILBOX_KIM_SPACING", "2m"),
                dir);
        var kim = Mailboxes.from(config).get("kim");

        assertThat(kim.address()).isEqualTo("kim@second.example");
        assertThat(kim.smtp().host()).isEqualTo("smtp.second.example");
        assertThat(kim.smtp().port()).isEqualTo(587);
        assertThat(kim.smtp().password()).isEqualTo("kims-password");
        assertThat(kim.pacing().dailyCap()).isEqualTo(12);
        assertThat(kim.pacing().hourlyCap()).isEqualTo(10);
        assertThat(kim.pacing().spacing()).isEqualTo(Duration.ofMinutes(2));
        assertThat(kim.replies()).isEmpty();
        assertThat(config.source("outreach.mailbox.kim.smtp.password"))
                .isEqualTo("environment OUTREACH_MAILBOX_KIM_SMTP_PASSWORD");
        assertThat(config.masked()).containsEntry("outreach.mailbox.kim.smtp.password", Masking.MASK);
        assertThat(config.asProperties()).doesNotContainKey("outreach.mailbox.kim.smtp.password");
        assertThat(config.toString()).doesNotContain("kims-password");
        assertThat(KnownMailboxes.ids(config)).containsExactly("default", "kim");
    }

    @Test
    void aMailboxPasswordInAFileAnUnlistedMailboxAndABadIdAreEachRefusedWithTheReason() throws IOException {
        Path file = dir.resolve("custom.properties");
        Files.writeString(
                file,
                "outreach.mailboxes = kim, default, Bad-Id\n"
                        + "outreach.mailbox.kim.smtp.password = in-a-file\n"
                        + "outreach.mailbox.lee.from = lee@example.com\n");

        var checked = OutreachConfig.check(file, Map.of("OUTREACH_MAILBOX_ZED_SMTP_HOST", "smtp.example.com"), dir);

        assertThat(String.join("\n", checked.problems()))
                .contains("'outreach.mailbox.kim.smtp.password' is a secret: set it in the environment"
                        + " (OUTREACH_MAILBOX_KIM_SMTP_PASSWORD), not in a file")
                .contains("'outreach.mailbox.lee.from' (from file " + file
                        + ") is a setting of the mailbox 'lee', which outreach.mailboxes does not list")
                .contains("'default' is the mailbox of the outreach.smtp.* and outreach.mail.* settings")
                .contains("'Bad-Id' is not a mailbox id")
                .contains("unknown environment variable OUTREACH_MAILBOX_ZED_SMTP_HOST")
                .doesNotContain("in-a-file");
    }

    @Test
    void anIncompleteMailboxAndTwoMailboxesSharingAFromAddressAreReported() {
        OutreachConfig config = OutreachConfig.load(
                null,
                Map.of(
                        "MAIL_FROM", "sam@example.com",
                        "SMTP_HOST", "smtp.example.com",
                        "OUTREACH_MAILBOXES", "kim,lee",
                        "OUTREACH_MAILBOX_KIM_FROM", "SAM@example.com",
                        "OUTREACH_MAILBOX_KIM_SMTP_HOST", "smtp.example.com",
                        "OUTREACH_MAILBOX_LEE_SMTP_USERNAME", "lee"),
                dir);
        var mailboxes = Mailboxes.from(config);

        assertThat(mailboxes.conflicts())
                .containsExactly("the mailboxes 'default' and 'kim' have the same From address sam@example.com;"
                        + " give each mailbox its own (caps and spacing are kept per address)");
        assertThat(mailboxes.problems(mailboxes.get("lee")))
                .contains("no SMTP server is set: set outreach.mailbox.lee.smtp.host (OUTREACH_MAILBOX_LEE_SMTP_HOST)")
                .contains("the SMTP user 'lee' has no password: set OUTREACH_MAILBOX_LEE_SMTP_PASSWORD");
        assertThat(mailboxes.sending()).extracting(m -> m.id()).doesNotContain("lee");
    }

    @Test
    void theDaemonsRecordedSettingsBringAMailboxThisTerminalDoesNotListWithoutItsCredentials() {
        OutreachConfig terminal = OutreachConfig.load(null, Map.of(), dir);
        Map<String, String> daemon = Map.of(
                "outreach.mailboxes", "partners",
                "outreach.mailbox.partners.from", "partners@sandbox.example",
                "outreach.mailbox.partners.smtp.host", "127.0.0.1",
                "outreach.mailbox.partners.daily-cap", "7",
                "outreach.mailbox.partners.smtp.password", "recorded-by-mistake");

        OutreachConfig used = terminal.withValues(daemon, "daemon node n1");
        var partners = Mailboxes.from(used).get("partners");

        assertThat(Mailboxes.from(used).ids()).containsExactly("default", "partners");
        assertThat(partners.address()).isEqualTo("partners@sandbox.example");
        assertThat(partners.pacing().dailyCap()).isEqualTo(7);
        assertThat(partners.smtp().port()).as("the template's default").isEqualTo(587);
        assertThat(partners.smtp().password())
                .as("credentials stay this process's own")
                .isEmpty();
        assertThat(used.source("outreach.mailbox.partners.from")).isEqualTo("daemon node n1");
    }
}

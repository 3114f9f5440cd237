package dev.outreachpipeline.replies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outreachpipeline.config.ConfigException;
import dev.outreachpipeline.config.Masking;
import dev.outreachpipeline.config.OutreachConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImapSettingsTest {

    @TempDir
    Path dir;

    @Test
    void offByDefault() {
        ImapSettings imap = ImapSettings.from(OutreachConfig.load(null, Map.of(), dir));

        assertThat(imap.enabled()).isFalse();
        assertThat(imap.port()).isEqualTo(993);
        assertThat(imap.security()).isEqualTo(ImapSettings.Security.TLS);
        assertThat(imap.folder()).isEqualTo("INBOX");
        assertThat(imap.maxMessages()).isEqualTo(500);
        assertThat(imap.ignoreAutoReplies()).isTrue();
    }

    @Test
    void fromTheEnvironmentWithThePasswordMasked() {
        OutreachConfig config = OutreachConfig.load(
                null,
                Map.of(
                        "IMAP_HOST",
                        "IMAP.Example.com",
                        "IMAP_PORT",
                        "143",
                        "IMAP_USERNAME",
                        "sam@example.com",
                        "IMAP_PASSWORD",
                        "hunter2-imap",
                        "IMAP_SECURITY",
                        "starttls",
                        "OUTREACH_IMAP_FOLDER",
                        "INBOX/Replies",
                        "OUTREACH_IMAP_MAX_MESSAGES",
                        "50",
                        "OUTREACH_REPLIES_IGNORE_AUTO_REPLIES",
                        "false"),
                dir);
        ImapSettings imap = ImapSettings.from(config);

        assertThat(imap.enabled()).isTrue();
        assertThat(imap.problems()).isEmpty();
        assertThat(imap.account()).isEqualTo("sam@example.com@imap.example.com");
        assertThat(imap.protocol()).isEqualTo("imap");
        assertThat(imap.folder()).isEqualTo("INBOX/Replies");
        assertThat(imap.maxMessages()).isEqualTo(50);
        assertThat(imap.ignoreAutoReplies()).isFalse();
        assertThat(imap.mailProperties())
                .containsEntry("mail.imap.starttls.required", "true")
                .containsEntry("mail.imap.peek", "true")
                .containsEntry("mail.imap.port", "143");
        assertThat(imap.mailProperties().toString()).doesNotContain("hunter2");
        assertThat(imap.toString()).doesNotContain("hunter2").contains("password=" + Masking.MASK);
        assertThat(config.masked().get("outreach.imap.password")).isEqualTo(Masking.MASK);
        assertThat(config.source("outreach.imap.port")).isEqualTo("environment IMAP_PORT");
    }

    @Test
    void tlsUsesImaps() {
        var imap =
                new ImapSettings("imap.example.com", 993, "sam", "pw", ImapSettings.Security.TLS, "INBOX", 500, true);
        assertThat(imap.protocol()).isEqualTo("imaps");
        assertThat(imap.mailProperties())
                .containsEntry("mail.imaps.ssl.checkserveridentity", "true")
                .containsEntry("mail.imaps.host", "imap.example.com");
    }

    @Test
    void aHostWithoutCredentialsIsAProblemForTheCheckNotForStartup() {
        var noUser = new ImapSettings("imap.example.com", 993, "", "", ImapSettings.Security.TLS, "INBOX", 500, true);
        assertThat(noUser.problems())
                .containsExactly("no IMAP user is set: set outreach.imap.username (IMAP_USERNAME)");
        var noPassword =
                new ImapSettings("imap.example.com", 993, "sam", "", ImapSettings.Security.TLS, "INBOX", 500, true);
        assertThat(noPassword.problems()).containsExactly("the IMAP user 'sam' has no password: set IMAP_PASSWORD");
    }

    @Test
    void badValuesAreRefusedAtStartupAndThePasswordOnlyComesFromTheEnvironment() throws Exception {
        Path file = dir.resolve("imap.properties");
        Files.writeString(file, "outreach.imap.password = hunter2\n");
        assertThatThrownBy(() -> OutreachConfig.load(
                        file,
                        Map.of(
                                "IMAP_HOST", "imaps://imap.example.com",
                                "IMAP_PORT", "0",
                                "IMAP_SECURITY", "ssl",
                                "OUTREACH_IMAP_FOLDER", "INBOX\r\nA001 LOGOUT",
                                "OUTREACH_IMAP_MAX_MESSAGES", "0",
                                "OUTREACH_REPLIES_IGNORE_AUTO_REPLIES", "maybe"),
                        dir))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.problems()).hasSize(7);
                    assertThat(e.getMessage())
                            .contains("'outreach.imap.password' is a secret: set it in the environment")
                            .contains("'outreach.imap.host' (from environment IMAP_HOST) must be a host name")
                            .contains("'outreach.imap.port' (from environment IMAP_PORT) must be between 1 and 65535")
                            .contains(
                                    "'outreach.imap.security' (from environment IMAP_SECURITY) must be one of tls, starttls, none")
                            .contains("'outreach.imap.folder' (from environment OUTREACH_IMAP_FOLDER) must be one line")
                            .contains("'outreach.imap.max-messages'")
                            .contains("'outreach.replies.ignore-auto-replies'")
                            .doesNotContain("hunter2");
                });
    }
}

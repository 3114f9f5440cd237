package dev.outreachpipeline.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outreachpipeline.config.ConfigException;
import dev.outreachpipeline.config.OutreachConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmtpSettingsTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef-x";

    @TempDir
    Path dir;

    private SmtpSettings load(Map<String, String> env) {
        return SmtpSettings.from(OutreachConfig.load(null, env, dir));
    }

    private static Map<String, String> ready(String... more) {
        var env = new HashMap<>(Map.of(
                "SMTP_HOST", "smtp.example.com",
                "SMTP_USERNAME", "sam@example.com",
                "SMTP_PASSWORD", "smtp-password",
                "MAIL_FROM", "sam@example.com",
                "SENDER_POSTAL_ADDRESS", "Example Ltd, 1 Main Street, Springfield",
                "OUTREACH_UNSUBSCRIBE_SECRET", SECRET,
                "OUTREACH_HTTP_PUBLIC_BASE_URL", "https://outreach.example.com/"));
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    @Test
    void withEverythingSetThereIsNothingStoppingSending() {
        SmtpSettings s = load(ready());

        assertThat(s.problemsForSending()).isEmpty();
        assertThat(s.warnings()).isEmpty();
        assertThat(s.host()).isEqualTo("smtp.example.com");
        assertThat(s.port()).isEqualTo(587);
        assertThat(s.security()).isEqualTo(SmtpSettings.Security.STARTTLS);
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.publicBaseUrl()).isEqualTo("https://outreach.example.com");
    }

    @Test
    void theDefaultsLackEverythingAndSayAllOfItAtOnce() {
        SmtpSettings s = load(Map.of());

        assertThat(s.problemsForSending()).hasSize(4);
        assertThat(String.join("\n", s.problemsForSending()))
                .contains("no SMTP server is set: set outreach.smtp.host (SMTP_HOST)")
                .contains("no From address is set: set outreach.mail.from (MAIL_FROM)")
                .contains("no postal address is set")
                .contains("CAN-SPAM")
                .contains("SENDER_POSTAL_ADDRESS")
                .contains(
                        "no unsubscribe secret is set: set OUTREACH_UNSUBSCRIBE_SECRET to at least 32 random characters");
    }

    @Test
    void badValuesAreRefusedWhenTheConfigurationIsLoaded() {
        // The daemon and config check load the configuration the same way, so both refuse these values.
        assertThatThrownBy(() -> load(ready(
                        "MAIL_FROM",
                        "Sam <sam@example.com>",
                        "OUTREACH_UNSUBSCRIBE_SECRET",
                        "too-short",
                        "OUTREACH_UNSUBSCRIBE_MAILTO",
                        "unsubscribe@localhost")))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.problems()).hasSize(3);
                    assertThat(e.getMessage())
                            .contains(
                                    "'outreach.mail.from' (from environment MAIL_FROM) 'Sam <sam@example.com>' must be one bare address")
                            .contains(
                                    "'outreach.unsubscribe.secret' (from environment OUTREACH_UNSUBSCRIBE_SECRET) is 9 characters"
                                            + " long; it must be at least 32")
                            .contains("'outreach.unsubscribe.mailto' (from environment OUTREACH_UNSUBSCRIBE_MAILTO)"
                                    + " 'unsubscribe@localhost' needs a domain name with a dot")
                            .doesNotContain("too-short");
                });
        assertThatThrownBy(() -> load(ready("MAIL_FROM", "a@b@c")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'a@b@c' is not an address");
        assertThatThrownBy(() -> load(ready("MAIL_FROM", "sam@example.com\r\nBcc: x@example.com")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("\\r\\n")
                .hasMessageContaining("line break");
    }

    @Test
    void aUserWithoutAPasswordOrAPasswordWithoutAUserStopsSending() {
        assertThat(load(ready("SMTP_PASSWORD", " ")).problemsForSending())
                .containsExactly("the SMTP user 'sam@example.com' has no password: set SMTP_PASSWORD");
        assertThat(load(ready("SMTP_USERNAME", "")).problemsForSending())
                .containsExactly("an SMTP password is set but no user: set outreach.smtp.username (SMTP_USERNAME)");
    }

    @Test
    void startTlsIsRequiredNotMerelyTried() {
        Properties p = load(ready()).mailProperties();

        assertThat(p)
                .containsEntry("mail.smtp.host", "smtp.example.com")
                .containsEntry("mail.smtp.port", "587")
                .containsEntry("mail.smtp.auth", "true")
                .containsEntry("mail.smtp.starttls.enable", "true")
                .containsEntry("mail.smtp.starttls.required", "true")
                .containsEntry("mail.smtp.ssl.checkserveridentity", "true")
                .containsEntry("mail.smtp.connectiontimeout", "60000")
                .containsEntry("mail.smtp.timeout", "60000")
                .containsEntry("mail.smtp.writetimeout", "60000")
                .doesNotContainKey("mail.smtp.ssl.enable");
        assertThat(p.values()).doesNotContain("smtp-password");
    }

    @Test
    void tlsAndNoneSetTheirOwnProperties() {
        Properties tls = load(ready("SMTP_SECURITY", "tls", "SMTP_PORT", "465", "OUTREACH_SMTP_TIMEOUT_SECONDS", "5"))
                .mailProperties();
        assertThat(tls)
                .containsEntry("mail.smtp.ssl.enable", "true")
                .containsEntry("mail.smtp.port", "465")
                .containsEntry("mail.smtp.timeout", "5000")
                .doesNotContainKey("mail.smtp.starttls.enable");

        SmtpSettings none =
                load(ready("SMTP_SECURITY", "none", "SMTP_PORT", "2525", "SMTP_USERNAME", "", "SMTP_PASSWORD", ""));
        assertThat(none.mailProperties())
                .containsEntry("mail.smtp.starttls.enable", "false")
                .containsEntry("mail.smtp.ssl.enable", "false")
                .containsEntry("mail.smtp.auth", "false");
        assertThat(none.problemsForSending()).isEmpty();
        assertThat(none.warnings())
                .singleElement()
                .asString()
                .contains("security is none")
                .contains("unencrypted")
                .doesNotContain("password");
        assertThat(load(ready("SMTP_SECURITY", "none")).warnings())
                .singleElement()
                .asString()
                .contains("SMTP password");
    }

    @Test
    void anHttpBaseUrlIsAWarningNotAProblem() {
        SmtpSettings s = load(ready("OUTREACH_HTTP_PUBLIC_BASE_URL", "http://localhost:8080"));

        assertThat(s.problemsForSending()).isEmpty();
        assertThat(s.warnings())
                .singleElement()
                .asString()
                .contains("https://")
                .contains("outreach.http.public-base-url");
    }

    @Test
    void theUnsubscribeLinkIsSignedAndTheMailtoComesFromTheFromDomain() {
        SmtpSettings s = load(ready());
        UUID prospect = UUID.randomUUID();
        String token = s.unsubscribeTokens().tokenFor(prospect);

        assertThat(s.unsubscribeUrl(token)).isEqualTo("https://outreach.example.com/u/" + token);
        assertThat(UnsubscribeTokens.of(SECRET).verify(token)).contains(prospect);
        assertThat(s.unsubscribeMailto()).isEqualTo("mailto:unsubscribe@example.com?subject=unsubscribe");
        assertThat(load(ready("OUTREACH_UNSUBSCRIBE_MAILTO", "optout@lists.example.com"))
                        .unsubscribeMailto())
                .isEqualTo("mailto:optout@lists.example.com?subject=unsubscribe");
        assertThat(load(ready("OUTREACH_UNSUBSCRIBE_MAILTO", "mailto:optout@example.com?subject=stop"))
                        .unsubscribeMailto())
                .isEqualTo("mailto:optout@example.com?subject=stop");
        assertThatThrownBy(() -> load(Map.of()).unsubscribeMailto()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theFromNameFallsBackToTheSenderName() {
        assertThat(load(ready("OUTREACH_SENDER_NAME", "Sam Writer")).fromName()).isEqualTo("Sam Writer");
        assertThat(load(ready("OUTREACH_SENDER_NAME", "Sam Writer", "MAIL_FROM_NAME", "Sam at Example"))
                        .fromName())
                .isEqualTo("Sam at Example");
    }

    @Test
    void secretsNeverShowInToString() {
        assertThat(load(ready()).toString())
                .doesNotContain("smtp-password")
                .doesNotContain(SECRET)
                .contains("****");
    }
}

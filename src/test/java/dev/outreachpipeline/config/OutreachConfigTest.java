package dev.outreachpipeline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutreachConfigTest {

    @TempDir
    Path dir;

    @Test
    void everyKnownSettingHasADefaultInTheShippedFile() {
        OutreachConfig config = OutreachConfig.load(null, Map.of(), dir);

        for (Setting s : ConfigSchema.all()) {
            assertThat(config.source(s.key())).as(s.key()).isEqualTo("default");
        }
        assertThat(config.getInt("outreach.database.pool-size")).isEqualTo(10);
        assertThat(config.get("outreach.embedded.data-dir")).isEqualTo("./data/postgres");
    }

    @Test
    void aFileOverridesDefaultsAndTheEnvironmentOverridesBoth() throws IOException {
        Path file = dir.resolve("custom.properties");
        Files.writeString(file, "outreach.database.pool-size = 4\noutreach.embedded.port = 5555\n");

        OutreachConfig config = OutreachConfig.load(file, Map.of("OUTREACH_EMBEDDED_PORT", "6666"), dir);

        assertThat(config.getInt("outreach.database.pool-size")).isEqualTo(4);
        assertThat(config.source("outreach.database.pool-size")).isEqualTo("file " + file);
        assertThat(config.getInt("outreach.embedded.port")).isEqualTo(6666);
        assertThat(config.source("outreach.embedded.port")).isEqualTo("environment OUTREACH_EMBEDDED_PORT");
    }

    @Test
    void theWorkingDirectorysConfigFileIsReadWhenNoFileIsNamed() throws IOException {
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/application.properties"), "outreach.database.pool-size = 7\n");

        assertThat(OutreachConfig.load(null, Map.of(), dir).getInt("outreach.database.pool-size"))
                .isEqualTo(7);
    }

    @Test
    void databaseUrlComesFromDatabaseUrlAndTheDerivedNameWins() {
        assertThat(OutreachConfig.load(null, Map.of("DATABASE_URL", "postgres://u:p@h/db"), dir)
                        .get("outreach.database.url"))
                .isEqualTo("postgres://u:p@h/db");
        assertThat(OutreachConfig.load(
                                null,
                                Map.of(
                                        "DATABASE_URL",
                                        "postgres://u:p@h/db",
                                        "OUTREACH_DATABASE_URL",
                                        "postgres://other/db"),
                                dir)
                        .get("outreach.database.url"))
                .isEqualTo("postgres://other/db");
    }

    @Test
    void everyProblemIsReportedAtOnce() throws IOException {
        Path file = dir.resolve("bad.properties");
        Files.writeString(file, "outreach.database.pool-sise = 4\noutreach.embedded.port = lots\n");

        assertThatThrownBy(() -> OutreachConfig.load(
                        file,
                        Map.of(
                                "OUTREACH_DATABASE_POOL_SIZE", "1000",
                                "OUTREACH_SEND_DAILYCAP", "5",
                                "DATABASE_URL", "mysql://u:hunter2@h/db"),
                        dir))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.problems()).hasSize(5);
                    assertThat(e.getMessage())
                            .contains("unknown setting 'outreach.database.pool-sise'")
                            .contains("did you mean 'outreach.database.pool-size'")
                            .contains("'outreach.embedded.port'")
                            .contains("must be a whole number, is 'lots'")
                            .contains(
                                    "'outreach.database.pool-size' (from environment OUTREACH_DATABASE_POOL_SIZE) must be between 2 and 200")
                            .contains("unknown environment variable OUTREACH_SEND_DAILYCAP")
                            .contains("must start with postgres://")
                            .doesNotContain("hunter2");
                });
    }

    @Test
    void secretsAreMaskedWhereverConfigurationIsShown() {
        OutreachConfig config = OutreachConfig.load(
                null, Map.of("DATABASE_URL", "postgres://app:s3cret@db.example:5432/outreach"), dir);

        assertThat(config.masked().get("outreach.database.url"))
                .isEqualTo("postgres://app:****@db.example:5432/outreach");
        assertThat(config.toString()).doesNotContain("s3cret");
    }

    @Test
    void discoverySettingsHaveDefaultsAndAreChecked() {
        OutreachConfig config = OutreachConfig.load(null, Map.of(), dir);
        assertThat(config.get("outreach.discovery.locations-file")).isEqualTo("config/locations.csv");
        assertThat(config.get("outreach.discovery.categories-file")).isEqualTo("config/categories.properties");
        assertThat(config.getInt("outreach.discovery.max-queries-per-location")).isEqualTo(20);
        assertThat(config.getInt("outreach.discovery.default-max-results")).isEqualTo(100);
        assertThat(config.get("outreach.discovery.language-code")).isEqualTo("en");
        assertThat(config.getInt("outreach.discovery.depth")).isEqualTo(100);
        assertThat(config.get("outreach.discovery.device")).isEqualTo("desktop");
        assertThat(config.get("outreach.discovery.dedupe-by")).isEqualTo("host");
        assertThat(config.get("outreach.discovery.result-types")).isEqualTo("organic");

        assertThat(OutreachConfig.load(
                                null,
                                Map.of(
                                        "OUTREACH_DISCOVERY_LANGUAGE_CODE",
                                        "zh-TW",
                                        "OUTREACH_DISCOVERY_RESULT_TYPES",
                                        "organic, featured_snippet"),
                                dir)
                        .get("outreach.discovery.language-code"))
                .isEqualTo("zh-TW");

        assertThatThrownBy(() -> OutreachConfig.load(
                        null,
                        Map.of(
                                "OUTREACH_DISCOVERY_LOCATIONS_FILE", " ",
                                "OUTREACH_DISCOVERY_MAX_QUERIES_PER_LOCATION", "0",
                                "OUTREACH_DISCOVERY_DEFAULT_MAX_RESULTS", "1001",
                                "OUTREACH_DISCOVERY_LANGUAGE_CODE", "English",
                                "OUTREACH_DISCOVERY_DEPTH", "300",
                                "OUTREACH_DISCOVERY_DEVICE", "tablet",
                                "OUTREACH_DISCOVERY_DEDUPE_BY", "domain",
                                "OUTREACH_DISCOVERY_RESULT_TYPES", "organic,,Paid"),
                        dir))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.problems()).hasSize(8);
                    assertThat(e.getMessage())
                            .contains(
                                    "'outreach.discovery.locations-file' (from environment OUTREACH_DISCOVERY_LOCATIONS_FILE) must not be empty")
                            .contains(
                                    "'outreach.discovery.max-queries-per-location' (from environment OUTREACH_DISCOVERY_MAX_QUERIES_PER_LOCATION) must be between 1 and 1000, is 0")
                            .contains("must be between 1 and 1000, is 1001")
                            .contains("must be a lower-case language code such as en or pt-br, is 'English'")
                            .contains("must be between 10 and 200, is 300")
                            .contains("must be one of desktop, mobile, is 'tablet'")
                            .contains("must be one of host, registrable-domain, is 'domain'")
                            .contains("'', 'Paid' is not one");
                });
    }

    @Test
    void draftSettingsHaveDefaultsAndAreChecked() {
        OutreachConfig config = OutreachConfig.load(null, Map.of(), dir);
        assertThat(config.get("outreach.drafts.templates-dir")).isEqualTo("config/templates");
        assertThat(config.getBoolean("outreach.drafts.html")).isFalse();
        assertThat(config.get("outreach.sender.name")).isEmpty();
        assertThat(config.getBoolean("outreach.send.require-approval")).isTrue();

        assertThat(OutreachConfig.load(null, Map.of("OUTREACH_SENDER_NAME", "Ana Müller, Example Ltd"), dir)
                        .get("outreach.sender.name"))
                .isEqualTo("Ana Müller, Example Ltd");

        assertThatThrownBy(() -> OutreachConfig.load(
                        null,
                        Map.of(
                                "OUTREACH_DRAFTS_TEMPLATES_DIR", " ",
                                "OUTREACH_DRAFTS_HTML", "yes",
                                "OUTREACH_SENDER_NAME", "Ana\r\nBcc: everyone@example.com",
                                "OUTREACH_SEND_REQUIRE_APPROVAL", "no"),
                        dir))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.problems()).hasSize(4);
                    assertThat(e.getMessage())
                            .contains(
                                    "'outreach.drafts.templates-dir' (from environment OUTREACH_DRAFTS_TEMPLATES_DIR) must not be empty")
                            .contains(
                                    "'outreach.drafts.html' (from environment OUTREACH_DRAFTS_HTML) must be one of true, false, is 'yes'")
                            .contains(
                                    "'outreach.sender.name' (from environment OUTREACH_SENDER_NAME) must be one line without control characters")
                            .contains(
                                    "'outreach.send.require-approval' (from environment OUTREACH_SEND_REQUIRE_APPROVAL) must be one of true, false");
                });
    }

    @Test
    void sendingSettingsHaveDefaultsAndAreChecked() {
        OutreachConfig config = OutreachConfig.load(null, Map.of(), dir);
        assertThat(config.get("outreach.send.window")).isEqualTo("always");
        assertThat(config.getInt("outreach.send.daily-cap")).isEqualTo(30);
        assertThat(config.getInt("outreach.send.hourly-cap")).isEqualTo(10);
        assertThat(config.get("outreach.send.spacing")).isEqualTo("90s");
        assertThat(config.get("outreach.send.spacing-jitter")).isEqualTo("30s");
        assertThat(config.get("outreach.send.skip-countries")).isEmpty();
        assertThat(config.getInt("outreach.send.max-attempts")).isEqualTo(5);
        assertThat(config.get("outreach.send.retry-delay")).isEqualTo("10m");
        assertThat(config.get("outreach.followup.steps")).isEqualTo("4d,8d");
        assertThat(config.getInt("outreach.http.port")).isEqualTo(8080);
        assertThat(config.get("outreach.http.bind")).isEqualTo("0.0.0.0");

        OutreachConfig custom = OutreachConfig.load(
                null,
                Map.of(
                        "OUTREACH_SEND_WINDOW", "Mon-Fri 09:00-17:00 Europe/Berlin",
                        "OUTREACH_SEND_DAILY_CAP", "0",
                        "OUTREACH_SEND_SPACING", "0s",
                        "OUTREACH_SEND_SPACING_JITTER", "0s",
                        "OUTREACH_SEND_SKIP_COUNTRIES", "DE,AT",
                        "OUTREACH_FOLLOWUP_STEPS", "",
                        "OUTREACH_HTTP_BIND", "::1"),
                dir);
        assertThat(custom.get("outreach.send.window")).isEqualTo("Mon-Fri 09:00-17:00 Europe/Berlin");
        assertThat(custom.get("outreach.followup.steps")).isEmpty();

        assertThatThrownBy(() -> OutreachConfig.load(
                        null,
                        Map.ofEntries(
                                Map.entry("OUTREACH_SEND_WINDOW", "Mon-Fri 09:00-17:00"),
                                Map.entry("OUTREACH_SEND_DAILY_CAP", "10001"),
                                Map.entry("OUTREACH_SEND_HOURLY_CAP", "-1"),
                                Map.entry("OUTREACH_SEND_SPACING", "1h30m"),
                                Map.entry("OUTREACH_SEND_SPACING_JITTER", "2d"),
                                Map.entry("OUTREACH_SEND_SKIP_COUNTRIES", "de,UK"),
                                Map.entry("OUTREACH_SEND_MAX_ATTEMPTS", "0"),
                                Map.entry("OUTREACH_SEND_RETRY_DELAY", "500ms"),
                                Map.entry("OUTREACH_FOLLOWUP_STEPS", "8d,4d"),
                                Map.entry("OUTREACH_HTTP_PORT", "70000"),
                                Map.entry("OUTREACH_HTTP_BIND", "300.1.1.1")),
                        dir))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.problems()).hasSize(11);
                    assertThat(e.getMessage())
                            .contains(
                                    "'outreach.send.window' (from environment OUTREACH_SEND_WINDOW) 'Mon-Fri 09:00-17:00' is not a send window: it names no time zone")
                            .contains(
                                    "'outreach.send.daily-cap' (from environment OUTREACH_SEND_DAILY_CAP) must be between 0 and 10000, is 10001")
                            .contains(
                                    "'outreach.send.hourly-cap' (from environment OUTREACH_SEND_HOURLY_CAP) must be between 0 and 10000, is -1")
                            .contains(
                                    "'outreach.send.spacing' (from environment OUTREACH_SEND_SPACING) '1h30m' combines units")
                            .contains(
                                    "'outreach.send.spacing-jitter' (from environment OUTREACH_SEND_SPACING_JITTER) must be between 0s and 1d, is 2d")
                            .contains(
                                    "'outreach.send.skip-countries' (from environment OUTREACH_SEND_SKIP_COUNTRIES) 'de' must be upper-case: DE; 'UK' is not an ISO 3166 code")
                            .contains(
                                    "'outreach.send.max-attempts' (from environment OUTREACH_SEND_MAX_ATTEMPTS) must be between 1 and 100, is 0")
                            .contains(
                                    "'outreach.send.retry-delay' (from environment OUTREACH_SEND_RETRY_DELAY) must be between 1s and 7d, is 500ms")
                            .contains(
                                    "'outreach.followup.steps' (from environment OUTREACH_FOLLOWUP_STEPS) step 2 (4d) is not later than step 1 (8d)")
                            .contains(
                                    "'outreach.http.port' (from environment OUTREACH_HTTP_PORT) must be between 0 and 65535, is 70000")
                            .contains(
                                    "'outreach.http.bind' (from environment OUTREACH_HTTP_BIND) must be an IP address or host name to listen on");
                });
    }

    @Test
    void theJitterMustBeLessThanTheSpacing() {
        assertThatThrownBy(() -> OutreachConfig.load(null, Map.of("OUTREACH_SEND_SPACING", "30s"), dir))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        "'outreach.send.spacing-jitter' (from default) must be less than outreach.send.spacing (30s), or 0s; is 30s"));
        assertThat(OutreachConfig.load(null, Map.of("OUTREACH_SEND_SPACING", "31s"), dir)
                        .get("outreach.send.spacing"))
                .isEqualTo("31s");
    }

    @Test
    void aSpacingWithItsOwnProblemIsNotAlsoComparedWithTheJitter() {
        assertThatThrownBy(() -> OutreachConfig.load(null, Map.of("OUTREACH_SEND_SPACING", "2d"), dir))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        "'outreach.send.spacing' (from environment OUTREACH_SEND_SPACING) must be between 0s and 1d, is 2d"));
    }

    @Test
    void bindAddresses() {
        for (String ok :
                new String[] {"0.0.0.0", "127.0.0.1", "::", "::1", "fe80::1", "localhost", "outreach.internal"}) {
            assertThat(OutreachConfig.load(null, Map.of("OUTREACH_HTTP_BIND", ok), dir)
                            .get("outreach.http.bind"))
                    .as(ok)
                    .isEqualTo(ok);
        }
        for (String bad :
                new String[] {"", "256.0.0.1", "1.2.3", "local host", "-x.example", "http://0.0.0.0", "1:2"}) {
            assertThatThrownBy(() -> OutreachConfig.load(null, Map.of("OUTREACH_HTTP_BIND", bad), dir))
                    .as(bad)
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("'outreach.http.bind'");
        }
    }

    @Test
    void sendingSettingsHaveDefaultsComeFromTheirEnvironmentNamesAndAreChecked() throws IOException {
        OutreachConfig config = OutreachConfig.load(null, Map.of(), dir);
        assertThat(config.get("outreach.smtp.host")).isEmpty();
        assertThat(config.getInt("outreach.smtp.port")).isEqualTo(587);
        assertThat(config.get("outreach.smtp.security")).isEqualTo("starttls");
        assertThat(config.getInt("outreach.smtp.timeout-seconds")).isEqualTo(60);
        assertThat(config.get("outreach.mail.from")).isEmpty();
        assertThat(config.get("outreach.unsubscribe.mailto")).isEmpty();
        assertThat(config.get("outreach.http.public-base-url")).isEqualTo("http://localhost:8080");

        OutreachConfig fromEnv = OutreachConfig.load(
                null,
                Map.of(
                        "SMTP_HOST",
                        "smtp.example.com",
                        "SMTP_PORT",
                        "465",
                        "SMTP_USERNAME",
                        "sam",
                        "SMTP_PASSWORD",
                        "hunter2-smtp",
                        "SMTP_SECURITY",
                        "tls",
                        "MAIL_FROM",
                        "sam@example.com",
                        "MAIL_FROM_NAME",
                        "Sam Writer",
                        "SENDER_POSTAL_ADDRESS",
                        "1 Main St, Springfield",
                        "OUTREACH_UNSUBSCRIBE_SECRET",
                        "s3cret-s3cret-s3cret-s3cret-s3cret"),
                dir);
        assertThat(fromEnv.get("outreach.smtp.host")).isEqualTo("smtp.example.com");
        assertThat(fromEnv.getInt("outreach.smtp.port")).isEqualTo(465);
        assertThat(fromEnv.source("outreach.smtp.port")).isEqualTo("environment SMTP_PORT");
        assertThat(fromEnv.get("outreach.smtp.security")).isEqualTo("tls");
        assertThat(fromEnv.get("outreach.mail.from-name")).isEqualTo("Sam Writer");
        assertThat(fromEnv.get("outreach.mail.postal-address")).isEqualTo("1 Main St, Springfield");
        assertThat(fromEnv.masked().get("outreach.smtp.password")).isEqualTo(Masking.MASK);
        assertThat(fromEnv.masked().get("outreach.unsubscribe.secret")).isEqualTo(Masking.MASK);
        assertThat(fromEnv.toString()).doesNotContain("hunter2-smtp").doesNotContain("s3cret");
        assertThat(fromEnv.asProperties()).doesNotContainKeys("outreach.smtp.password", "outreach.unsubscribe.secret");

        Path file = dir.resolve("secrets.properties");
        Files.writeString(file, "outreach.smtp.password = hunter2\noutreach.unsubscribe.secret = abc\n");
        assertThatThrownBy(() -> OutreachConfig.load(
                        file,
                        Map.of(
                                "SMTP_HOST", "smtp://smtp.example.com:587",
                                "SMTP_PORT", "0",
                                "SMTP_SECURITY", "ssl",
                                "OUTREACH_SMTP_TIMEOUT_SECONDS", "0",
                                "MAIL_FROM_NAME", "Sam\r\nBcc: everyone@example.com",
                                "OUTREACH_HTTP_PUBLIC_BASE_URL", "outreach.example.com"),
                        dir))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.problems()).hasSize(8);
                    assertThat(e.getMessage())
                            .contains(
                                    "'outreach.smtp.password' is a secret: set it in the environment (OUTREACH_SMTP_PASSWORD)")
                            .contains(
                                    "'outreach.unsubscribe.secret' is a secret: set it in the environment (OUTREACH_UNSUBSCRIBE_SECRET)")
                            .contains(
                                    "'outreach.smtp.host' (from environment SMTP_HOST) must be a host name or IP address")
                            .contains(
                                    "'outreach.smtp.port' (from environment SMTP_PORT) must be between 1 and 65535, is 0")
                            .contains(
                                    "'outreach.smtp.security' (from environment SMTP_SECURITY) must be one of starttls, tls, none, is 'ssl'")
                            .contains(
                                    "'outreach.smtp.timeout-seconds' (from environment OUTREACH_SMTP_TIMEOUT_SECONDS) must be between 1 and 3600")
                            .contains(
                                    "'outreach.mail.from-name' (from environment MAIL_FROM_NAME) must be one line without control characters")
                            .contains(
                                    "'outreach.http.public-base-url' (from environment OUTREACH_HTTP_PUBLIC_BASE_URL) must be an http:// or https:// URL")
                            .doesNotContain("hunter2");
                });
    }
}

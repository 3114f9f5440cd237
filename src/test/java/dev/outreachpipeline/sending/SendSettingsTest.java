package dev.outreachpipeline.sending;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreachpipeline.config.OutreachConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SendSettingsTest {

    @TempDir
    Path dir;

    @Test
    void theDefaults() {
        SendSettings s = SendSettings.from(OutreachConfig.load(null, Map.of(), dir));

        assertThat(s.window().isAlways()).isTrue();
        assertThat(s.dailyCap()).isEqualTo(30);
        assertThat(s.hourlyCap()).isEqualTo(10);
        assertThat(s.spacing()).isEqualTo(Duration.ofSeconds(90));
        assertThat(s.spacingJitter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.skipCountries().isEmpty()).isTrue();
        assertThat(s.maxAttempts()).isEqualTo(5);
        assertThat(s.retryDelay()).isEqualTo(Duration.ofMinutes(10));
        assertThat(s.followupSteps().delays()).containsExactly(Duration.ofDays(4), Duration.ofDays(8));
        assertThat(s.pacingRules())
                .isEqualTo(
                        new PacingRules(30, 10, Duration.ofSeconds(90), Duration.ofSeconds(30), SendWindow.always()));
    }

    @Test
    void valuesFromTheEnvironment() {
        SendSettings s = SendSettings.from(OutreachConfig.load(
                null,
                Map.of(
                        "OUTREACH_SEND_WINDOW", "Mon-Fri 09:00-17:00 Europe/Berlin",
                        "OUTREACH_SEND_DAILY_CAP", "50",
                        "OUTREACH_SEND_HOURLY_CAP", "0",
                        "OUTREACH_SEND_SPACING", "5m",
                        "OUTREACH_SEND_SPACING_JITTER", "0s",
                        "OUTREACH_SEND_SKIP_COUNTRIES", "DE,AT",
                        "OUTREACH_SEND_MAX_ATTEMPTS", "3",
                        "OUTREACH_SEND_RETRY_DELAY", "2h",
                        "OUTREACH_FOLLOWUP_STEPS", ""),
                dir));

        assertThat(s.window().toString()).isEqualTo("Mon-Fri 09:00-17:00 Europe/Berlin");
        assertThat(s.skipCountries().skipReason(2276)).isPresent();
        assertThat(s.followupSteps().delays()).isEmpty();
        assertThat(s.pacingRules())
                .isEqualTo(new PacingRules(
                        50,
                        0,
                        Duration.ofMinutes(5),
                        Duration.ZERO,
                        SendWindow.parse("Mon-Fri 09:00-17:00 Europe/Berlin")));
        assertThat(s.maxAttempts()).isEqualTo(3);
        assertThat(s.retryDelay()).isEqualTo(Duration.ofHours(2));
    }
}

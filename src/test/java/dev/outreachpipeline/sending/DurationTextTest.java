package dev.outreachpipeline.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationTextTest {

    @ParameterizedTest
    @CsvSource({
        "300ms, PT0.3S",
        "90s, PT1M30S",
        "5m, PT5M",
        "2h, PT2H",
        "4d, PT96H",
        "0s, PT0S",
        "' 10m ', PT10M",
    })
    void readsOneNumberAndOneUnit(String text, String expected) {
        assertThat(DurationText.parse(text)).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''        | must not be empty; a duration is one number and one unit, e.g. 300ms, 90s, 5m, 2h or 4d",
                "'   '     | must not be empty",
                "90        | '90' has no unit",
                "1h30m     | '1h30m' combines units; write one number and one unit in the smaller unit, e.g. 90m rather than 1h30m",
                "1.5h      | '1.5h' is not a whole number; use a smaller unit, e.g. 90m",
                "-5s       | must not be negative, is '-5s'",
                "90 s      | '90 s' has a space before the unit",
                "90S       | '90S' has an upper-case unit",
                "5w        | '5w' is not a duration: write one number and one unit (ms, s, m, h, d)",
                "PT5M      | 'PT5M' is not a duration",
                "soon      | 'soon' is not a duration",
                "12345678901d | at most 10 digits",
            })
    void refusesEverythingElseAndSaysWhy(String text, String message) {
        assertThatThrownBy(() -> DurationText.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
        assertThat(DurationText.check(text))
                .hasValueSatisfying(p -> assertThat(p).contains(message));
    }

    @Test
    void nullIsRefusedLikeEmptyText() {
        assertThatThrownBy(() -> DurationText.parse(null)).hasMessageContaining("must not be empty");
    }

    @Test
    void theLargestNumberAllowedStillFits() {
        assertThat(DurationText.parse("9999999999d")).isEqualTo(Duration.ofDays(9_999_999_999L));
        assertThat(DurationText.format(Duration.ofDays(9_999_999_999L))).isEqualTo("9999999999d");
    }

    @ParameterizedTest
    @CsvSource({
        "PT0S, 0s",
        "PT0.3S, 300ms",
        "PT1.5S, 1500ms",
        "PT90S, 90s",
        "PT5M, 5m",
        "PT61M, 61m",
        "PT2H, 2h",
        "PT48H, 2d",
        "PT36H, 36h",
        "PT0.0000001S, 0s",
    })
    void formatsWithTheLargestUnitThatDividesIt(String duration, String text) {
        assertThat(DurationText.format(Duration.parse(duration))).isEqualTo(text);
    }

    @Test
    void formattedTextReadsBackAsTheSameDuration() {
        for (Duration d : new Duration[] {
            Duration.ZERO,
            Duration.ofMillis(1),
            Duration.ofMillis(90_500),
            Duration.ofSeconds(3601),
            Duration.ofMinutes(1441),
            Duration.ofDays(365)
        }) {
            assertThat(DurationText.parse(DurationText.format(d))).isEqualTo(d);
        }
    }

    @Test
    void negativeDurationsHaveNoText() {
        assertThatThrownBy(() -> DurationText.format(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");
    }

    @Test
    void aBoundedCheckNamesTheBoundsAndTheValue() {
        var check = DurationText.checkBetween(Duration.ofSeconds(1), Duration.ofDays(7));

        assertThat(check.apply("10m")).isEmpty();
        assertThat(check.apply("1s")).isEmpty();
        assertThat(check.apply("7d")).isEmpty();
        assertThat(check.apply("500ms")).hasValue("must be between 1s and 7d, is 500ms");
        assertThat(check.apply("8d")).hasValue("must be between 1s and 7d, is 8d");
        assertThat(check.apply("1h30m")).hasValueSatisfying(p -> assertThat(p).contains("combines units"));
    }
}

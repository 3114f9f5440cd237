package dev.outreachpipeline.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RateSpacingTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 10, 15, 33, 100, 1000})
    void callsSpacedForRPerSecondNeverPutMoreThanRIntoOneSecond(int perSecond) {
        Duration spacing = RateSpacing.of(perSecond, Duration.ofSeconds(1));

        assertThat(RateSpacing.mostCallsIn(Duration.ofSeconds(1), spacing)).isLessThanOrEqualTo(perSecond);
    }

    @Test
    void withoutTheMarginExactSpacingWouldAllowOneCallTooMany() {
        assertThat(RateSpacing.mostCallsIn(Duration.ofSeconds(1), Duration.ofMillis(100)))
                .isEqualTo(11);
        assertThat(RateSpacing.of(10, Duration.ofSeconds(1))).isEqualTo(Duration.ofMillis(101));
    }

    @Test
    void aPerMinuteLimitIsSpreadEvenlyOverTheMinute() {
        Duration spacing = RateSpacing.of(2000, Duration.ofMinutes(1));

        assertThat(spacing).isEqualTo(Duration.ofNanos(30_300_000));
        assertThat(RateSpacing.mostCallsIn(Duration.ofMinutes(1), spacing)).isLessThanOrEqualTo(2000);
    }

    @Test
    void hunterSecondAndMinuteLimitsAreKeptAtTheStricterLongRunRate() {
        Duration spacing = RateSpacing.strictest(
                RateSpacing.of(15, Duration.ofSeconds(1)), RateSpacing.of(500, Duration.ofMinutes(1)));

        assertThat(spacing).isEqualTo(Duration.ofNanos(121_200_000));
        assertThat(RateSpacing.mostCallsIn(Duration.ofSeconds(1), spacing)).isLessThanOrEqualTo(15);
        assertThat(RateSpacing.mostCallsIn(Duration.ofMinutes(1), spacing)).isLessThanOrEqualTo(500);
    }

    @Test
    void aLimiterIdleForAWhileGivesTheNextCallerNowAndNotAPastSlot() {
        Instant now = Instant.parse("2030-01-01T00:00:10Z");

        var r = RateSpacing.reserve(Instant.parse("2030-01-01T00:00:01Z"), now, Duration.ofMillis(200));

        assertThat(r.slot()).isEqualTo(now);
        assertThat(r.next()).isEqualTo(now.plusMillis(200));
        assertThat(RateSpacing.reserve(null, now, Duration.ofMillis(200)).slot())
                .isEqualTo(now);
    }

    @Test
    void callersQueuedBehindABusyLimiterGetSlotsOneSpacingApart() {
        Instant now = Instant.parse("2030-01-01T00:00:10Z");
        Duration spacing = Duration.ofMillis(200);

        var first = RateSpacing.reserve(now.plusSeconds(1), now, spacing);
        var second = RateSpacing.reserve(first.next(), now, spacing);

        assertThat(first.slot()).isEqualTo(now.plusSeconds(1));
        assertThat(Duration.between(first.slot(), second.slot())).isEqualTo(spacing);
    }

    @Test
    void aLimitOfNoCallsIsRefused() {
        assertThatThrownBy(() -> RateSpacing.of(0, Duration.ofSeconds(1))).hasMessageContaining("at least one call");
    }
}

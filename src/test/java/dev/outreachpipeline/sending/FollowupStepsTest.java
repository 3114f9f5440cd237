package dev.outreachpipeline.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FollowupStepsTest {

    private static final Instant FIRST = Instant.parse("2026-03-02T10:00:00Z");
    private final FollowupSteps steps = FollowupSteps.parse("4d,8d");

    private static Instant days(double d) {
        return FIRST.plus(Duration.ofMinutes(Math.round(d * 24 * 60)));
    }

    @Test
    void readsTheDelaysAfterTheFirstMessage() {
        assertThat(steps.delays()).containsExactly(Duration.ofDays(4), Duration.ofDays(8));
        assertThat(steps.toString()).isEqualTo("4d,8d");
        assertThat(FollowupSteps.parse(" 36h , 3d ").delays())
                .containsExactly(Duration.ofHours(36), Duration.ofDays(3));
    }

    @Test
    void noTextMeansNoFollowups() {
        FollowupSteps none = FollowupSteps.parse("");

        assertThat(none.delays()).isEmpty();
        assertThat(none.dueStep(0, FIRST, days(100))).isEmpty();
        assertThat(none).isEqualTo(FollowupSteps.none());
        assertThat(FollowupSteps.check(" ")).isEmpty();
    }

    @Test
    void theFirstStepIsDueOnceItsTimeHasCome() {
        assertThat(steps.dueStep(0, FIRST, days(3.99))).isEmpty();
        assertThat(steps.dueStep(0, FIRST, days(4))).hasValue(1);
        assertThat(steps.dueStep(0, FIRST, days(5))).hasValue(1);
    }

    @Test
    void theSecondStepCountsFromTheFirstMessage() {
        assertThat(steps.dueStep(1, FIRST, days(7.99))).isEmpty();
        assertThat(steps.dueStep(1, FIRST, days(8))).hasValue(2);
    }

    @Test
    void nothingIsDueOnceEveryStepWasSent() {
        assertThat(steps.dueStep(2, FIRST, days(30))).isEmpty();
        assertThat(steps.dueStep(5, FIRST, days(30))).isEmpty();
        assertThat(steps.dueAt(2, FIRST, null)).isEmpty();
    }

    @Test
    void stepsGoOutInOrderEvenWhenSeveralAreLate() {
        // The daemon was stopped for two weeks: step 1 is sent first, not step 2.
        assertThat(steps.dueStep(0, FIRST, days(14))).hasValue(1);
        assertThat(steps.dueStep(1, FIRST, days(14))).hasValue(2);
    }

    @Test
    void withTheLastMessageALateStepKeepsThePlannedDistanceToTheNext() {
        Instant lateStep1 = days(14);

        assertThat(steps.dueStep(1, FIRST, lateStep1, days(14.5))).isEmpty();
        assertThat(steps.dueAt(1, FIRST, lateStep1)).hasValue(days(18));
        assertThat(steps.dueStep(1, FIRST, lateStep1, days(18))).hasValue(2);
    }

    @Test
    void withTheLastMessageOnTimeNothingChanges() {
        assertThat(steps.dueStep(0, FIRST, FIRST, days(4))).hasValue(1);
        assertThat(steps.dueStep(1, FIRST, days(4), days(8))).hasValue(2);
        assertThat(steps.dueAt(1, FIRST, days(4).plusSeconds(90))).hasValue(days(8).plusSeconds(90));
        assertThat(steps.dueAt(0, FIRST, null)).hasValue(days(4));
    }

    @Test
    void aNegativeCountIsAMistakeOfTheCaller() {
        assertThatThrownBy(() -> steps.dueStep(-1, FIRST, days(5))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tenStepsAreAllowed() {
        FollowupSteps ten = FollowupSteps.parse("1d,2d,3d,4d,5d,6d,7d,8d,9d,10d");

        assertThat(ten.delays()).hasSize(10);
        assertThat(ten.dueStep(9, FIRST, days(10))).hasValue(10);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "8d,4d                       | step 2 (4d) is not later than step 1 (8d); every step counts from the first message",
                "4d,4d                       | step 2 (4d) is not later than step 1 (4d)",
                "4d,96h                      | step 2 (96h) is not later than step 1 (4d)",
                "30m,4d                      | step 1 (30m) is sooner than 1h after the first message",
                "0s                          | step 1 (0s) is sooner than 1h",
                "4d,,8d                      | step 2 is empty",
                "4d,8                        | step 2: '8' has no unit",
                "4 days                      | step 1: '4 days' is not a duration",
                "1d,2d,3d,4d,5d,6d,7d,8d,9d,10d,11d | there are 11 steps, at most 10 are allowed",
            })
    void badStepsAreRefusedWithTheReason(String text, String problem) {
        assertThatThrownBy(() -> FollowupSteps.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(problem)
                .hasMessageEndingWith(
                        "(write the days after the first message, increasing, e.g. 4d,8d; or nothing for no follow-ups)");
        assertThat(FollowupSteps.check(text))
                .hasValueSatisfying(p -> assertThat(p).contains(problem));
    }

    @Test
    void everyBadStepIsNamedAtOnce() {
        assertThat(FollowupSteps.check("30m,10m,x"))
                .hasValueSatisfying(p -> assertThat(p)
                        .contains("step 1 (30m) is sooner than 1h")
                        .contains("step 2 (10m) is sooner than 1h")
                        .contains("step 2 (10m) is not later than step 1 (30m)")
                        .contains("step 3: 'x' is not a duration"));
    }
}

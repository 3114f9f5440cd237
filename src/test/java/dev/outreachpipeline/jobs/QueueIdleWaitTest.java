package dev.outreachpipeline.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueueIdleWaitTest {

    private static final QueueIdleWait WAIT = QueueIdleWait.every(Duration.ofMillis(1));

    @Test
    void idleOnlyAfterTwoQuietLooksInARow() throws Exception {
        var answers = new ArrayDeque<>(List.of(false, true, false, true, true, false));
        int[] looks = {0};
        boolean idle = WAIT.untilIdle(
                () -> {
                    looks[0]++;
                    return answers.poll();
                },
                Duration.ofMinutes(1));
        assertThat(idle).isTrue();
        assertThat(looks[0])
                .as("a busy look between two quiet ones starts the count again")
                .isEqualTo(5);
    }

    @Test
    void givesUpWhenTheBoundPasses() throws Exception {
        assertThat(WAIT.untilIdle(() -> false, Duration.ofMillis(20))).isFalse();
    }

    @Test
    void unboundedWaitEndsWhenTheQueueIsQuiet() throws Exception {
        assertThat(WAIT.untilIdle(() -> true, QueueIdleWait.UNBOUNDED)).isTrue();
    }

    @Test
    void refusesAPollThatWouldSpin() {
        assertThatThrownBy(() -> QueueIdleWait.every(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}

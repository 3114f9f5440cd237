package dev.outreachpipeline.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The per-host politeness delay: a second request to a host waits its turn, another host's does not. */
class HostPacingTest {

    @Test
    void aSecondRequestToTheSameHostWaitsTheDelay() throws InterruptedException {
        var pacing = new HostPacing(Duration.ofMillis(300));
        pacing.awaitTurn("a.example");
        long start = System.nanoTime();
        pacing.awaitTurn("b.example");
        long otherHost = System.nanoTime() - start;
        pacing.awaitTurn("a.example");
        long sameHost = System.nanoTime() - start;
        assertThat(Duration.ofNanos(sameHost)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
        assertThat(otherHost).isLessThan(sameHost);
    }

    @Test
    void noDelayMeansNoWait() throws InterruptedException {
        var pacing = new HostPacing(Duration.ZERO);
        long start = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            pacing.awaitTurn("a.example");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }
}

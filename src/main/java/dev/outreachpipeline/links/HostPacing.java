package dev.outreachpipeline.links;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Politeness: at most one request to a host per {@code outreach.links.host-delay-ms}, robots.txt
 * included, across all the checks this process runs. A check waits its turn (it runs in a job, not
 * in a request someone waits on with a deadline).
 */
final class HostPacing {

    private final long delayNanos;
    private final Map<String, Long> nextTurn = new HashMap<>();

    HostPacing(Duration delay) {
        this.delayNanos = delay.toNanos();
    }

    void awaitTurn(String host) throws InterruptedException {
        if (delayNanos <= 0) {
            return;
        }
        long wait;
        synchronized (nextTurn) {
            long now = System.nanoTime();
            long turn = Math.max(now, nextTurn.getOrDefault(host, now));
            nextTurn.put(host, turn + delayNanos);
            wait = turn - now;
        }
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}

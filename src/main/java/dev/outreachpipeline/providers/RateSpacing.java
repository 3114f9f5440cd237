package dev.outreachpipeline.providers;

import java.time.Duration;
import java.time.Instant;

/**
 * The gap between two calls that keeps a provider's rate limits, with a 1 % safety margin: calls
 * exactly 1/R apart would put R + 1 calls into a closed one-second window (the first and the last
 * on its edges), and scheduling jitter could push a late call into the next window early. With
 * the margin, R calls per second never fit R + 1 into any one second.
 *
 * <p>Several limits (Hunter's per second and per minute) are kept by spacing at the strictest
 * long-run rate among them: 15/s and 500/min become one call every 121 ms (8.3/s), so the
 * per-second limit is never reached in bursts. That wastes the burst allowance, but holds both
 * limits with one slot per limiter and one statement per call.
 */
public final class RateSpacing {

    /** How much wider than 1/R the gap is, in percent of 1/R. */
    public static final int SAFETY_MARGIN_PERCENT = 1;

    private RateSpacing() {}

    /**
     * @param calls  calls allowed per {@code period} (at least 1)
     * @param period the period of that limit
     */
    public static Duration of(int calls, Duration period) {
        if (calls < 1) {
            throw new IllegalArgumentException("a rate limit needs at least one call per period, not " + calls);
        }
        long scaled = Math.multiplyExact(period.toNanos(), 100L + SAFETY_MARGIN_PERCENT);
        long divisor = 100L * calls;
        return Duration.ofNanos((scaled + divisor - 1) / divisor);
    }

    /** The gap that keeps every one of several limits (the widest of their gaps). */
    public static Duration strictest(Duration... spacings) {
        Duration widest = Duration.ZERO;
        for (Duration s : spacings) {
            if (s.compareTo(widest) > 0) {
                widest = s;
            }
        }
        return widest;
    }

    /** Most calls made {@code spacing} apart that fit into a closed window of {@code window}. */
    public static long mostCallsIn(Duration window, Duration spacing) {
        return window.toNanos() / spacing.toNanos() + 1;
    }

    /** A caller's slot and the limiter's next slot after it. */
    public record Reservation(Instant slot, Instant next) {}

    /**
     * What the reservation statement (sql/reserve-rate-slot.sql) computes: the caller's slot is the
     * later of the stored next slot (none yet: null) and now, and the next slot is one spacing on.
     */
    public static Reservation reserve(Instant storedNext, Instant now, Duration spacing) {
        Instant slot = storedNext == null || storedNext.isBefore(now) ? now : storedNext;
        return new Reservation(slot, slot.plus(spacing));
    }
}

package dev.outreachpipeline.sending;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Decides whether one sending mailbox may send its next message now, from the facts the database holds.
 * The limits are checked, and reported, in this order: the send window, the daily cap, the hourly cap,
 * the spacing. A {@link PacingDecision.Wait} names the first limit that holds sending back; its
 * {@code until} is when all of them have let go, so that the caller does not wake up early only to
 * wait for the next one.
 *
 * <p>Caps are rolling: a full cap has room again when the oldest message it counts is older than its
 * period. The facts may carry that oldest message; without it the moment is unknown, and the wait is
 * the average gap the cap allows (24 h / 30 = 48 min for the daily cap) before the caller asks again:
 * asking again is cheap, while waiting a whole period could lose most of a day of sending.
 *
 * <p>The gap after a message is the spacing plus or minus up to the jitter, drawn from the injected
 * generator, to the millisecond. It is drawn once per last message, not once per decision: a caller
 * that asks every few seconds would otherwise get a fresh draw each time and, sooner or later, one
 * short enough to pass, which would pull every gap towards the shortest. Another instance, or a restart,
 * draws its own gap for the same message; the shortest gap (spacing minus jitter) holds either way.
 * One {@code SendPacing} therefore serves one mailbox.
 */
public final class SendPacing {

    private static final Duration DAY = Duration.ofHours(24);
    private static final Duration HOUR = Duration.ofHours(1);
    /** Facts a little out of date (the oldest send already left its period) must not make a caller spin. */
    private static final Duration SHORTEST_CAP_WAIT = Duration.ofSeconds(1);

    private final PacingRules rules;
    private final RandomGenerator random;

    private Instant gapDrawnFor;
    private Duration gap;

    public SendPacing(PacingRules rules, RandomGenerator random) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.random = Objects.requireNonNull(random, "random");
    }

    public PacingRules rules() {
        return rules;
    }

    public PacingDecision decide(PacingFacts facts) {
        Instant now = facts.now();
        SendWindow window = rules.window();
        boolean windowClosed = !window.isOpen(now);
        Optional<CapFull> daily = capFull(rules.dailyCap(), facts.sentLast24h(), facts.oldestInLast24h(), DAY, now);
        Optional<CapFull> hourly =
                capFull(rules.hourlyCap(), facts.sentLastHour(), facts.oldestInLastHour(), HOUR, now);
        Optional<Instant> spaced = spacedUntil(facts.lastSentAt(), now);
        if (!windowClosed && daily.isEmpty() && hourly.isEmpty() && spaced.isEmpty()) {
            return new PacingDecision.SendNow();
        }

        // Caps and spacing only let go as time passes without sending, so the latest of their moments is
        // when all of them have; then the window has to be open as well.
        Instant ready = latest(now, daily.map(CapFull::roomAt), hourly.map(CapFull::roomAt), spaced);
        Instant until = window.nextOpening(ready);
        String windowNote = until.isAfter(ready) ? " (when the send window " + window + " opens)" : "";

        String reason;
        if (windowClosed) {
            Instant opens = window.nextOpening(now);
            reason = "outside the send window " + window + "; opens at " + iso(opens) + " (" + window.localTime(opens)
                    + ")";
            if (until.isAfter(opens)) {
                reason += heldLonger(ready, daily, hourly) + iso(until);
            }
        } else if (daily.isPresent()) {
            reason = capReason("daily", rules.dailyCap(), facts.sentLast24h(), "in the last 24 h", daily.get(), until)
                    + windowNote;
        } else if (hourly.isPresent()) {
            reason = capReason(
                            "hourly", rules.hourlyCap(), facts.sentLastHour(), "in the last hour", hourly.get(), until)
                    + windowNote;
        } else {
            reason = "spacing: the last message went out " + ago(Duration.between(facts.lastSentAt(), now))
                    + " ago; next at " + iso(until) + windowNote;
        }
        return new PacingDecision.Wait(until, reason);
    }

    /** A full cap, and when it has room again; {@code exact} is false when that moment is a guess. */
    private record CapFull(Instant roomAt, boolean exact) {}

    private static Optional<CapFull> capFull(int cap, int sent, Instant oldest, Duration period, Instant now) {
        if (sent < cap) {
            return Optional.empty();
        }
        if (cap == 0) {
            return Optional.of(new CapFull(now.plus(period), false));
        }
        Instant earliest = now.plus(SHORTEST_CAP_WAIT);
        if (oldest == null) {
            return Optional.of(new CapFull(later(now.plus(period.dividedBy(cap)), earliest), false));
        }
        return Optional.of(new CapFull(later(oldest.plus(period), earliest), true));
    }

    /** Why a closed window is not all: the limit that lets go last, once the window is open. */
    private static String heldLonger(Instant ready, Optional<CapFull> daily, Optional<CapFull> hourly) {
        Optional<CapFull> dailyLast = daily.filter(d -> d.roomAt().equals(ready));
        Optional<CapFull> hourlyLast = hourly.filter(h -> h.roomAt().equals(ready));
        String name = dailyLast.isPresent() ? "the daily cap" : hourlyLast.isPresent() ? "the hourly cap" : "spacing";
        boolean guess = dailyLast.or(() -> hourlyLast).map(c -> !c.exact()).orElse(false);
        return "; then " + name + " holds sending back: " + (guess ? "checking again at " : "next send after ");
    }

    private static String capReason(String name, int cap, int sent, String period, CapFull full, Instant until) {
        if (cap == 0) {
            return "the " + name + " cap is 0, so nothing is sent; checking again at " + iso(until);
        }
        return "the " + name + " cap of " + cap + " is reached (" + sent + " sent " + period + "); "
                + (full.exact() ? "next send after " : "checking again at ") + iso(until);
    }

    private Optional<Instant> spacedUntil(Instant lastSentAt, Instant now) {
        if (lastSentAt == null || rules.spacing().isZero()) {
            return Optional.empty();
        }
        Instant next = lastSentAt.plus(gapAfter(lastSentAt));
        return now.isBefore(next) ? Optional.of(next) : Optional.empty();
    }

    private synchronized Duration gapAfter(Instant lastSentAt) {
        if (!lastSentAt.equals(gapDrawnFor)) {
            long jitter = rules.jitter().toMillis();
            gap = jitter == 0 ? rules.spacing() : rules.spacing().plusMillis(random.nextLong(-jitter, jitter + 1));
            gapDrawnFor = lastSentAt;
        }
        return gap;
    }

    @SafeVarargs
    private static Instant latest(Instant now, Optional<Instant>... moments) {
        Instant latest = now;
        for (Optional<Instant> m : moments) {
            if (m.isPresent()) {
                latest = later(latest, m.get());
            }
        }
        return latest;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** An instant for a message: UTC, to the second. */
    static String iso(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** How long ago, as a person says it: "40 s", "12 min", "3 h". */
    static String ago(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 120) {
            return s + " s";
        }
        if (s < 120 * 60) {
            return s / 60 + " min";
        }
        return s / 3600 + " h";
    }
}

package dev.outreachpipeline.sending;

import java.time.Instant;
import java.util.Objects;

/**
 * What the database knows about one sending mailbox at the moment of a decision. The counts are over
 * rolling periods (the last 24 hours, the last 60 minutes), so the caps hold across restarts and across
 * instances that share the mailbox.
 *
 * @param now              the moment of the decision (from the caller's clock)
 * @param sentLast24h      messages sent from the mailbox in the 24 hours before {@code now}
 * @param sentLastHour     messages sent from the mailbox in the 60 minutes before {@code now}
 * @param lastSentAt       the latest message from the mailbox; null when there has been none
 * @param oldestInLast24h  the earliest of the messages counted in {@code sentLast24h}, when known: a full
 *                         daily cap has room again when it leaves the 24 hours. Null when unknown.
 * @param oldestInLastHour the same for {@code sentLastHour}
 */
public record PacingFacts(
        Instant now,
        int sentLast24h,
        int sentLastHour,
        Instant lastSentAt,
        Instant oldestInLast24h,
        Instant oldestInLastHour) {

    public PacingFacts {
        Objects.requireNonNull(now, "now");
        if (sentLast24h < 0 || sentLastHour < 0) {
            throw new IllegalArgumentException("counts of sent messages cannot be negative: " + sentLast24h
                    + " in 24 h, " + sentLastHour + " in the last hour");
        }
    }

    /** Facts without the oldest sends: when a cap is full, the wait is a guess (see {@link SendPacing}). */
    public PacingFacts(Instant now, int sentLast24h, int sentLastHour, Instant lastSentAt) {
        this(now, sentLast24h, sentLastHour, lastSentAt, null, null);
    }
}

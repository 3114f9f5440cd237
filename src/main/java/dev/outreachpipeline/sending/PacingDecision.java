package dev.outreachpipeline.sending;

import java.time.Instant;
import java.util.Objects;

/** Whether the next message may go out now, and if not, until when and why. */
public sealed interface PacingDecision {

    record SendNow() implements PacingDecision {}

    /**
     * @param until  the earliest moment to decide again; by then every limit that holds sending back now
     *               has let go, as far as the facts tell (see {@link SendPacing} for when that is a guess)
     * @param reason one sentence for the operator: the first limit that holds sending back, and when the
     *               next message may go
     */
    record Wait(Instant until, String reason) implements PacingDecision {
        public Wait {
            Objects.requireNonNull(until, "until");
            Objects.requireNonNull(reason, "reason");
        }
    }
}

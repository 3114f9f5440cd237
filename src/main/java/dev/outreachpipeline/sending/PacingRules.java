package dev.outreachpipeline.sending;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits one sending mailbox keeps.
 *
 * @param dailyCap  most messages in any 24 hours; 0 sends nothing
 * @param hourlyCap most messages in any 60 minutes; 0 sends nothing
 * @param spacing   the usual gap between two messages; 0 for none
 * @param jitter    how far one gap may lie from {@code spacing}, either way, so that messages do not go
 *                  out at a machine's regular beat; 0 for none, otherwise less than {@code spacing}
 * @param window    when messages may go out at all
 */
public record PacingRules(int dailyCap, int hourlyCap, Duration spacing, Duration jitter, SendWindow window) {

    public PacingRules {
        Objects.requireNonNull(spacing, "spacing");
        Objects.requireNonNull(jitter, "jitter");
        Objects.requireNonNull(window, "window");
        if (dailyCap < 0 || hourlyCap < 0) {
            throw new IllegalArgumentException("caps cannot be negative: daily " + dailyCap + ", hourly " + hourlyCap);
        }
        if (spacing.isNegative() || jitter.isNegative()) {
            throw new IllegalArgumentException("spacing and jitter cannot be negative: " + spacing + ", " + jitter);
        }
        if (!jitter.isZero() && jitter.compareTo(spacing) >= 0) {
            throw new IllegalArgumentException("the jitter (" + DurationText.format(jitter)
                    + ") must be less than the spacing (" + DurationText.format(spacing) + ")");
        }
    }
}

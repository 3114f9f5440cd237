package dev.outreachpipeline.replies;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a message matched to one of ours says, and why.
 *
 * @param replyClass   its class
 * @param signals      the headers and phrases that decided it, e.g. "Auto-Submitted: auto-replied", "phrase 'remove me'"
 * @param returnDate   for an out-of-office reply, the day the person says they are back; null when not stated
 * @param snoozeUntil  for an out-of-office reply, until when follow-ups wait; null otherwise
 * @param text         the person's own text (quoted history removed, control characters stripped, size-limited)
 */
public record ReplyVerdict(
        ReplyClass replyClass, List<String> signals, LocalDate returnDate, Instant snoozeUntil, String text) {

    public ReplyVerdict {
        signals = List.copyOf(signals);
    }

    /** The signals as one line for replies.reason. */
    public String reason() {
        return signals.isEmpty() ? "no signal matched" : String.join("; ", signals);
    }
}

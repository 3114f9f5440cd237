package dev.outreachpipeline.replies;

import dev.outreachpipeline.config.OutreachConfig;

/**
 * How classified replies are handled.
 *
 * @param snoozeDays   how long an out-of-office reply without a readable return date holds the follow-ups back
 * @param maxTextChars the most characters of a reply's own text kept for the operator
 */
public record ReplySettings(int snoozeDays, int maxTextChars) {

    public static final ReplySettings DEFAULTS = new ReplySettings(7, 20_000);

    public static ReplySettings from(OutreachConfig c) {
        return new ReplySettings(c.getInt("outreach.replies.snooze-days"), c.getInt("outreach.replies.max-text-chars"));
    }
}

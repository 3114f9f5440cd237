package dev.outreachpipeline.sending;

import dev.outreachpipeline.config.OutreachConfig;
import java.time.Duration;

/**
 * The sending part of the configuration, read into the types that decide with it. The values were
 * checked when the configuration was loaded, so reading them here does not fail.
 *
 * @param maxAttempts  attempts to send one message; after this many temporary SMTP failures the prospect fails
 * @param retryDelay   wait after a temporary SMTP failure before the next attempt
 */
public record SendSettings(
        SendWindow window,
        int dailyCap,
        int hourlyCap,
        Duration spacing,
        Duration spacingJitter,
        CountrySkipList skipCountries,
        int maxAttempts,
        Duration retryDelay,
        FollowupSteps followupSteps) {

    public static SendSettings from(OutreachConfig c) {
        return new SendSettings(
                SendWindow.parse(c.get("outreach.send.window")),
                c.getInt("outreach.send.daily-cap"),
                c.getInt("outreach.send.hourly-cap"),
                DurationText.parse(c.get("outreach.send.spacing")),
                DurationText.parse(c.get("outreach.send.spacing-jitter")),
                CountrySkipList.parse(c.get("outreach.send.skip-countries")),
                c.getInt("outreach.send.max-attempts"),
                DurationText.parse(c.get("outreach.send.retry-delay")),
                FollowupSteps.parse(c.get("outreach.followup.steps")));
    }

    /** The limits {@link SendPacing} keeps for each sending mailbox. */
    public PacingRules pacingRules() {
        return new PacingRules(dailyCap, hourlyCap, spacing, spacingJitter, window);
    }
}

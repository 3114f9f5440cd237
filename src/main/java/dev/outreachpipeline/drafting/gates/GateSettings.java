package dev.outreachpipeline.drafting.gates;

import dev.outreachpipeline.config.OutreachConfig;
import java.util.Arrays;
import java.util.List;

/**
 * The settings of the quality gates.
 *
 * @param minBodyChars       the shortest text body, in characters (outreach.drafts.min-body-chars)
 * @param maxBodyChars       the longest text body, in characters (outreach.drafts.max-body-chars)
 * @param spamWords          words and phrases no draft may hold (outreach.drafts.spam-words)
 * @param unsubscribeBaseUrl where unsubscribe links point (outreach.http.public-base-url)
 */
public record GateSettings(int minBodyChars, int maxBodyChars, List<String> spamWords, String unsubscribeBaseUrl) {

    public static GateSettings from(OutreachConfig c) {
        return new GateSettings(
                c.getInt("outreach.drafts.min-body-chars"),
                c.getInt("outreach.drafts.max-body-chars"),
                list(c.get("outreach.drafts.spam-words")),
                c.get("outreach.http.public-base-url"));
    }

    /** A comma-separated list, each item trimmed, blank ones dropped. */
    public static List<String> list(String commaSeparated) {
        if (commaSeparated == null) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}

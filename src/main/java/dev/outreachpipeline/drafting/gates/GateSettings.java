package dev.outreachpipeline.drafting.gates;

import dev.outreachpipeline.config.OutreachConfig;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The settings of the quality gates.
 *
 * @param minBodyChars       the shortest text body, in characters (outreach.drafts.min-body-chars)
 * @param maxBodyChars       the longest text body, in characters (outreach.drafts.max-body-chars)
 * @param spamWords          words and phrases no draft may hold (outreach.drafts.spam-words)
 * @param unsubscribeBaseUrl where unsubscribe links point (outreach.http.public-base-url)
 * @param language           the language of every draft (outreach.drafts.language); empty = not checked
 */
public record GateSettings(
        int minBodyChars, int maxBodyChars, List<String> spamWords, String unsubscribeBaseUrl, String language) {

    public static GateSettings from(OutreachConfig c) {
        return new GateSettings(
                c.getInt("outreach.drafts.min-body-chars"),
                c.getInt("outreach.drafts.max-body-chars"),
                list(c.get("outreach.drafts.spam-words")),
                c.get("outreach.http.public-base-url"),
                c.get("outreach.drafts.language").strip());
    }

    /**
     * A problem with outreach.drafts.language, for the configuration check: empty (off) or a language
     * the detector knows.
     */
    public static Optional<String> checkLanguage(String value) {
        return value.isBlank() || LanguageGate.isKnown(value)
                ? Optional.empty()
                : Optional.of("must be a language code the language gate knows, such as en, de, fr, es or pt (or"
                        + " empty to check no language), is '" + value + "'");
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

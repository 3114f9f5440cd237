package dev.outreachpipeline.sending;

import dev.outreachpipeline.config.ParseCheck;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as an operator writes them in settings: one whole number and one unit, {@code 300ms},
 * {@code 90s}, {@code 5m}, {@code 2h}, {@code 4d}. Combinations such as {@code 1h30m} are refused rather
 * than half-understood: {@code 90m} says the same and leaves nothing to guess. A day is 24 hours here,
 * whatever a time zone does on that day.
 */
public final class DurationText {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,10})(ms|s|m|h|d)");
    private static final Pattern COMBINED = Pattern.compile("(\\d+(ms|s|m|h|d)){2,}");
    private static final String EXAMPLES = "e.g. 300ms, 90s, 5m, 2h or 4d";

    private DurationText() {}

    /**
     * @throws IllegalArgumentException saying what is wrong with the text, with examples
     */
    public static Duration parse(String text) {
        Matcher m = text == null ? null : DURATION.matcher(text.trim());
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException(problem(text));
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    /**
     * The shortest text {@link #parse} reads back as the same duration: the largest unit that divides it
     * ({@code 90s}, not {@code 1m30s}, which is no duration here). Parts below a millisecond are dropped.
     *
     * @throws IllegalArgumentException for a negative duration, which no setting can hold
     */
    public static String format(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("a negative duration has no text form: " + d);
        }
        long ms = d.toMillis();
        if (ms % 86_400_000 == 0 && ms != 0) {
            return ms / 86_400_000 + "d";
        }
        if (ms % 3_600_000 == 0 && ms != 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0 && ms != 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }

    /** A setting's check: empty when the text is a duration, else what is wrong with it. */
    public static Optional<String> check(String text) {
        return ParseCheck.problem(text, DurationText::parse);
    }

    /** A setting's check for a duration from {@code min} to {@code max}, both included. */
    public static Function<String, Optional<String>> checkBetween(Duration min, Duration max) {
        return text -> check(text).or(() -> {
            Duration d = parse(text);
            return d.compareTo(min) < 0 || d.compareTo(max) > 0
                    ? Optional.of("must be between " + format(min) + " and " + format(max) + ", is " + text.trim())
                    : Optional.empty();
        });
    }

    private static String problem(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            return "must not be empty; a duration is one number and one unit, " + EXAMPLES;
        }
        if (t.startsWith("-")) {
            return "must not be negative, is '" + t + "'";
        }
        if (t.matches("\\d+")) {
            return "'" + t + "' has no unit; write it as one number and one unit (ms, s, m, h, d), " + EXAMPLES;
        }
        if (COMBINED.matcher(t).matches()) {
            return "'" + t
                    + "' combines units; write one number and one unit in the smaller unit, e.g. 90m rather than 1h30m";
        }
        if (t.matches("\\d+[.,]\\d+\\s*[a-zA-Z]+")) {
            return "'" + t + "' is not a whole number; use a smaller unit, e.g. 90m rather than 1.5h";
        }
        if (t.matches("\\d+\\s+(ms|s|m|h|d)")) {
            return "'" + t + "' has a space before the unit; write it without, e.g. 90s";
        }
        if (DURATION.matcher(t.toLowerCase(java.util.Locale.ROOT)).matches()) {
            return "'" + t + "' has an upper-case unit; units are ms, s, m, h and d, e.g. 90s";
        }
        if (t.matches("\\d{11,}(ms|s|m|h|d)")) {
            return "'" + t + "' is longer than any setting needs (at most 10 digits)";
        }
        return "'" + t + "' is not a duration: write one number and one unit (ms, s, m, h, d), " + EXAMPLES;
    }
}

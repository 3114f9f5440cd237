package dev.outreachpipeline.replies;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the date an out-of-office reply says the person is back ("back on 14 January", "until
 * 2027-01-14", "zurück am 14.01.2027", "de retour le 14 janvier", "hasta el 14 de enero"). The
 * parsing is java.time's: the ways a date is written, per language, are DateTimeFormatter patterns in
 * src/main/resources/replies/return-date-formats.txt, tried on every run of up to five words. (No
 * natural-language date library that reads German, French and Spanish is available to the build;
 * natty reads English only.) Of the dates found after the message's own day and within a year of it,
 * the latest is taken: "away from 2 January until 14 January" means back on the 14th.
 */
final class ReturnDates {

    private static final int MAX_WORDS = 5;
    /** Of a long auto-reply, only the beginning is looked at. */
    private static final int MAX_CHARS = 4_000;

    private static final Pattern ORDINAL = Pattern.compile("(?<=\\d)(st|nd|rd|th|er|e|º|°)(?=\\b|[.,])");
    private static final Pattern WORD_EDGE = Pattern.compile("^[(\\[\"'«]+|[)\\]\"'»,;:!?]+$");

    private record Format(DateTimeFormatter formatter, boolean hasYear) {}

    private static final List<Format> FORMATS = ResourceLines.of("return-date-formats.txt").stream()
            .map(ReturnDates::format)
            .toList();

    private ReturnDates() {}

    /** The return date the text states, or empty; {@code sent} is the day the message was written. */
    static Optional<LocalDate> find(String text, LocalDate sent) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        t = ORDINAL.matcher(t).replaceAll("");
        List<String> words = Arrays.stream(t.split("\\s+"))
                .map(w -> WORD_EDGE.matcher(w).replaceAll(""))
                .filter(w -> !w.isEmpty())
                .toList();
        LocalDate latest = null;
        for (int i = 0; i < words.size(); i++) {
            for (int n = Math.min(MAX_WORDS, words.size() - i); n >= 1; n--) {
                String run = String.join(" ", words.subList(i, i + n));
                LocalDate date = parse(run, sent);
                if (date == null && run.endsWith(".")) {
                    date = parse(run.substring(0, run.length() - 1), sent);
                }
                if (date != null && date.isAfter(sent) && !date.isAfter(sent.plusYears(1))) {
                    latest = latest == null || date.isAfter(latest) ? date : latest;
                }
            }
        }
        return Optional.ofNullable(latest);
    }

    private static LocalDate parse(String run, LocalDate sent) {
        for (Format f : FORMATS) {
            try {
                var parsed = f.formatter().parse(run);
                if (f.hasYear()) {
                    return LocalDate.from(parsed);
                }
                var day = LocalDate.of(
                        sent.getYear(), parsed.get(ChronoField.MONTH_OF_YEAR), parsed.get(ChronoField.DAY_OF_MONTH));
                return day.isBefore(sent) ? day.plusYears(1) : day;
            } catch (java.time.DateTimeException e) {
                // not this way of writing it
            }
        }
        return null;
    }

    private static Format format(String line) {
        String[] parts = line.split("\t", 2);
        if (parts.length != 2) {
            throw new IllegalStateException("replies/return-date-formats.txt: '" + line + "' has no tab");
        }
        Locale locale = Locale.forLanguageTag(parts[0].strip());
        String pattern = parts[1].strip();
        boolean hasYear = pattern.replaceAll("'[^']*'", "").contains("u");
        var builder = new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern);
        if (!hasYear) {
            // Resolved by hand against the message's date: a leap day must not fail in a year without one.
            return new Format(builder.toFormatter(locale), false);
        }
        return new Format(builder.toFormatter(locale).withResolverStyle(ResolverStyle.STRICT), true);
    }
}

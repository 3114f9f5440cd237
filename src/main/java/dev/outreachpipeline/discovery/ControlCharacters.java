package dev.outreachpipeline.discovery;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Control characters (Unicode category Cc: U+0000–U+001F, U+007F–U+009F) in text that came from
 * outside. PostgreSQL cannot store U+0000 in text at all, and the others move a terminal's cursor,
 * rename its window or clear it when printed; none belongs in a keyword, a title or a URL.
 */
public final class ControlCharacters {

    private ControlCharacters() {}

    public static boolean isControl(int codePoint) {
        return Character.getType(codePoint) == Character.CONTROL;
    }

    public static boolean any(String text) {
        return text != null && text.codePoints().anyMatch(ControlCharacters::isControl);
    }

    /** Tabs and line breaks aside (a pasted list may hold them; they separate words like spaces). */
    public static boolean anyBesidesLineBreaks(String text) {
        return text != null && text.codePoints().anyMatch(c -> isControl(c) && c != '\t' && c != '\n' && c != '\r');
    }

    /** The distinct control characters of the text as U+XXXX, in order of appearance, e.g. "U+0000, U+001B". */
    public static String named(String text) {
        Set<String> names = new LinkedHashSet<>();
        text.codePoints().filter(ControlCharacters::isControl).forEach(c -> names.add(String.format("U+%04X", c)));
        return names.stream().collect(Collectors.joining(", "));
    }

    /** Line breaks and tabs become a space; every other control character is removed. */
    public static String stripped(String text) {
        if (text == null) {
            return null;
        }
        var out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '\t' || c == '\n' || c == '\r') {
                out.append(' ');
            } else if (!isControl(c)) {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** The text with each control character written as {@code \\uXXXX}, safe to print and to read back. */
    public static String visible(String text) {
        var out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (isControl(c)) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}

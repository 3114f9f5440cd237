package dev.outreachpipeline.sending;

/**
 * Checks on text that goes into a header field, and a safe way to quote such text in a message for
 * the operator (a log line must not be split by the very line break it reports).
 */
final class HeaderText {

    private HeaderText() {}

    /**
     * Whether the text holds a character that could end the header line or hide in it: CR, LF, any
     * other control character (C0, DEL, C1 such as NEL) or a Unicode line or paragraph separator.
     */
    static boolean hasControl(String value) {
        return value.codePoints().anyMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029);
    }

    /** The text in quotes with control characters shown as \r, \n or \\uXXXX, cut to 200 characters. */
    static String quoted(String value) {
        if (value == null) {
            return "(none)";
        }
        var out = new StringBuilder("'");
        value.codePoints().limit(200).forEach(c -> {
            if (c == '\r') {
                out.append("\\r");
            } else if (c == '\n') {
                out.append("\\n");
            } else if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        if (value.codePointCount(0, value.length()) > 200) {
            out.append('…');
        }
        return out.append('\'').toString();
    }

    /** One line of at most {@code max} characters, for text that came from elsewhere (an SMTP reply). */
    static String oneLine(String value, int max) {
        if (value == null) {
            return "";
        }
        String line = value.replaceAll("[\\p{Cc}\\u2028\\u2029\\s]+", " ").trim();
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }
}

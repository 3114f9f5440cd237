package dev.outreachpipeline.sending;

/**
 * Writes a text of paragraphs (each paragraph one line, as drafts are stored) as the body of a
 * {@code text/plain; format=flowed; delsp=no} part (RFC 3676): every line at most {@value #WIDTH}
 * characters where a space allows it, a paragraph broken by soft line breaks (a line that ends in a
 * space) that a client which knows the format joins again to fit its window, and a client which does
 * not shows as ordinary short lines.
 *
 * <ul>
 *   <li>Trailing spaces of the source lines are removed first: left alone, they would make a line the
 *       writer ended on purpose a soft break, and join it with the next one.
 *   <li>A line is broken only at a space, after it (delsp=no: the space stays at the end of the line and
 *       is the text's own). A word longer than a line, a URL above all, is never cut: it stands on a line
 *       of its own, longer than the width, so that it still works when copied or clicked.
 *   <li>A line that starts with a space, "&gt;" or "From " is space-stuffed (one space in front), so a
 *       reader neither takes it for a quotation nor sees "&gt;From" written by a server on the way.
 *   <li>The signature separator "-- " stays as it is (RFC 3676 4.3); the footer's "--" is a short
 *       line like any other, and so a hard break.
 * </ul>
 *
 * <p>Width counts characters (code points), not bytes: a line of accented letters is as long as one
 * without.
 *
 * <p>Written here rather than taken from a library: Jakarta Mail and Apache James mime4j read and write
 * MIME but have no format=flowed encoder; the one in Apache James's mailet-base (FlowedMessageUtils)
 * would bring the James server's mailet API and utilities with it, and reads a line starting with
 * "&gt;" as a quotation to re-quote rather than text to stuff.
 */
public final class FlowedText {

    /** The line length RFC 3676 recommends (section 4.2), a soft break's trailing space included. */
    public static final int WIDTH = 72;

    /** The parameters a text/plain part written by {@link #encode} is declared with. */
    public static final String CONTENT_TYPE = "text/plain; charset=UTF-8; format=flowed; delsp=no";

    private static final String SIGNATURE_SEPARATOR = "-- ";

    private FlowedText() {}

    /**
     * @param text lines ending in \n, \r\n or \r; each paragraph one line
     * @return the flowed text, lines ending in \n (the composer makes them CRLF)
     */
    public static String encode(String text) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        var out = new StringBuilder(text.length() + text.length() / 20);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            String line = lines[i];
            if (line.equals(SIGNATURE_SEPARATOR)) {
                out.append(line);
            } else {
                wrap(stripTrailingSpaces(line), out);
            }
        }
        return out.toString();
    }

    /**
     * One source line as one or more output lines, each but the last ending in the space it was broken
     * at. Words (with the spaces after them) are added while the line stays within {@link #WIDTH}; a line
     * that would need stuffing has one column less.
     */
    private static void wrap(String line, StringBuilder out) {
        int start = 0;
        while (true) {
            boolean stuffed = needsStuffing(line, start);
            int room = WIDTH - (stuffed ? 1 : 0);
            if (stuffed) {
                out.append(' ');
            }
            if (columns(line, start, line.length()) <= room) {
                out.append(line, start, line.length());
                return;
            }
            // the end of the last word-with-its-spaces that still fits, or of the first one if none does
            int end = endOfChunk(line, start);
            for (int next = end; next < line.length(); ) {
                int after = endOfChunk(line, next);
                // a chunk's trailing space may reach the width, its last column
                if (columns(line, start, after) > room) {
                    break;
                }
                end = after;
                next = after;
            }
            if (end >= line.length()) {
                out.append(line, start, line.length());
                return;
            }
            out.append(line, start, end).append('\n');
            start = end;
        }
    }

    /** The index after the word that starts at {@code from} and the spaces that follow it. */
    private static int endOfChunk(String line, int from) {
        int i = from;
        while (i < line.length() && line.charAt(i) != ' ') {
            i++;
        }
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static boolean needsStuffing(String line, int from) {
        return from < line.length()
                && (line.charAt(from) == ' ' || line.charAt(from) == '>' || line.startsWith("From ", from));
    }

    private static int columns(String line, int from, int to) {
        return line.codePointCount(from, to);
    }

    private static String stripTrailingSpaces(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
            end--;
        }
        return line.substring(0, end);
    }
}

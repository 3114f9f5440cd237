package dev.outreachpipeline.prospects;

/**
 * CSV cells that a spreadsheet would run as a formula. A SERP title such as
 * {@code =HYPERLINK("http://evil", "click")} or {@code @SUM(…)} is third-party text; written as it
 * is, opening the export runs it. OWASP's rule is applied: a cell beginning with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return gets a leading apostrophe, which spreadsheets
 * show as text and do not evaluate.
 *
 * <p>So that reading the file back gives exactly what was written, a cell that already is
 * apostrophes followed by one of those characters gets one apostrophe more, and {@link #restore}
 * removes exactly one from any such cell. Plain text, including text that merely starts with an
 * apostrophe, is never touched either way.
 */
public final class SpreadsheetCells {

    private SpreadsheetCells() {}

    /** The value as a spreadsheet will show but not evaluate; null stays null. */
    public static String neutralise(String value) {
        return triggers(value) ? "'" + value : value;
    }

    /** Undoes {@link #neutralise}; null stays null. */
    public static String restore(String value) {
        return value != null && value.startsWith("'") && triggers(value.substring(1)) ? value.substring(1) : value;
    }

    /** Does the value, after any leading apostrophes, start with a character that makes a formula? */
    private static boolean triggers(String value) {
        if (value == null) {
            return false;
        }
        int i = 0;
        while (i < value.length() && value.charAt(i) == '\'') {
            i++;
        }
        if (i == value.length()) {
            return false;
        }
        char c = value.charAt(i);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}

package dev.outreachpipeline.cli;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Text from outside (SERP titles, page names, replies, imported files) made safe to print on a
 * terminal. A title holding {@code ESC ]0;… BEL} retitles the window, {@code ESC [2J} clears the
 * screen, and a bidirectional override reorders what follows; printed raw they can hide or fake
 * what the operator reads. Every control character (C0, DEL, C1) and every bidirectional
 * formatting character is shown as a visible escape such as {@code \x1B} or {@code \u202E}
 * instead, so nothing is lost from view and nothing acts on the terminal.
 */
public final class TerminalText {

    /**
     * JSON escapes C0 controls by itself but writes DEL, C1 and bidirectional characters as they
     * are; these escapes write them as \\uXXXX too, so --json output is as safe on a terminal.
     */
    private static final CharacterEscapes JSON_ESCAPES = new CharacterEscapes() {
        private final int[] ascii = asciiEscapes();

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch <= 0xFFFF && dangerous((char) ch) ? new SerializedString(String.format("\\u%04X", ch)) : null;
        }

        private static int[] asciiEscapes() {
            int[] codes = CharacterEscapes.standardAsciiEscapesForJSON();
            codes[0x7F] = CharacterEscapes.ESCAPE_STANDARD;
            return codes;
        }
    };

    private TerminalText() {}

    /** An indenting JSON writer for the terminal: every character {@link #line} escapes is written as \\uXXXX. */
    public static ObjectMapper jsonMapper() {
        var mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        mapper.getFactory().setCharacterEscapes(JSON_ESCAPES);
        return mapper;
    }

    /** For a one-line cell or field: line breaks and tabs are escaped too. Null becomes "". */
    public static String line(Object value) {
        return value == null ? "" : neutralise(String.valueOf(value), false);
    }

    /** For text printed as several lines (a draft body): line feeds and tabs are kept. Null becomes "". */
    public static String block(Object value) {
        return value == null ? "" : neutralise(String.valueOf(value), true);
    }

    private static String neutralise(String s, boolean keepLines) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean kept = keepLines && (c == '\n' || c == '\t');
            if (kept || !dangerous(c)) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            out.append(c <= 0xFF ? String.format("\\x%02X", (int) c) : String.format("\\u%04X", (int) c));
        }
        return out == null ? s : out.toString();
    }

    private static boolean dangerous(char c) {
        return c < 0x20
                || (c >= 0x7F && c <= 0x9F)
                || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069')
                || c == '\u200E'
                || c == '\u200F'
                || c == '\u061C';
    }
}

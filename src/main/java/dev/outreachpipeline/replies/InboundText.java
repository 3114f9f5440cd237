package dev.outreachpipeline.replies;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Header text from a received message is untrusted: it may be huge, garbled, or carry line breaks
 * meant to forge a log line. These turn it into bounded, single-line values that are safe to store
 * and show.
 */
final class InboundText {

    /** The longest header field value looked at; a longer one keeps its beginning and its end. */
    static final int MAX_FIELD_CHARS = 65_536;

    /**
     * A Message-ID as we look for it: {@code <left@right>} in printable ASCII without angle brackets or
     * a second {@code @}. Ours are {@code <uuid@domain>}; an id we could not have sent is never needed.
     */
    private static final Pattern MESSAGE_ID =
            Pattern.compile("<([\\x21-\\x3B\\x3D\\x3F\\x41-\\x7E]{1,250}@[\\x21-\\x3B\\x3D\\x3F\\x41-\\x7E]{1,250})>");

    private static final Pattern ADDRESS = Pattern.compile(
            "[\\x21-\\x3B\\x3D\\x3F\\x41-\\x7E&&[^\"(),:;\\[\\]\\\\]]{1,64}" + "@[A-Za-z0-9.\\-\\[\\]:]{1,253}");
    private static final Pattern TOKEN = Pattern.compile("^\\s*([A-Za-z0-9_.+\\-]{1,40})");
    private static final Pattern SEPARATORS =
            Pattern.compile("[\\p{Cc}\\p{Zl}\\p{Zp}\\s\\u0085\\u00A0\\u200B\\uFEFF]+");

    private InboundText() {}

    /** The value cut to {@link #MAX_FIELD_CHARS}, keeping its first and last halves (a References list grows at its end). */
    static String capped(String value) {
        if (value == null || value.length() <= MAX_FIELD_CHARS) {
            return value;
        }
        int half = MAX_FIELD_CHARS / 2;
        return value.substring(0, half) + " " + value.substring(value.length() - half);
    }

    /**
     * One line of at most {@code max} characters: control characters, line and paragraph separators
     * and runs of white space become one space; a longer text ends with "…". Null stays null.
     */
    static String oneLine(String value, int max) {
        if (value == null) {
            return null;
        }
        String line = SEPARATORS.matcher(value).replaceAll(" ").trim();
        if (line.codePointCount(0, line.length()) <= max) {
            return line;
        }
        return line.substring(0, line.offsetByCodePoints(0, max - 1)) + "…";
    }

    /**
     * The Message-IDs in a header value, in order, each once, with their angle brackets. When there
     * are more than {@code max}, the first and the last {@code max / 2} are kept: a thread's root and
     * its nearest messages, where our own ids sit.
     */
    static List<String> messageIds(String value, int max) {
        if (value == null || max <= 0) {
            return List.of();
        }
        var ids = new LinkedHashSet<String>();
        Matcher m = MESSAGE_ID.matcher(capped(value));
        while (m.find()) {
            ids.add("<" + m.group(1) + ">");
        }
        if (ids.size() <= max) {
            return List.copyOf(ids);
        }
        var all = new ArrayList<>(ids);
        int head = Math.max(1, max / 2);
        var kept = new ArrayList<>(all.subList(0, head));
        kept.addAll(all.subList(all.size() - (max - head), all.size()));
        return List.copyOf(kept);
    }

    /** A bare address, lower-case, when the text is one (optionally in angle brackets); else null. */
    static String address(String value) {
        if (value == null) {
            return null;
        }
        String v = value.trim();
        if (v.startsWith("<") && v.endsWith(">")) {
            v = v.substring(1, v.length() - 1).trim();
        }
        return ADDRESS.matcher(v).matches() ? v.toLowerCase(Locale.ROOT) : null;
    }

    /**
     * The first token of a structured field (a keyword such as {@code auto-replied} or {@code failed}),
     * lower-case, at most 40 characters; null when there is none.
     */
    static String token(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = TOKEN.matcher(value);
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
    }
}

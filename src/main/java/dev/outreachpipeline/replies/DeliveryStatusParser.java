package dev.outreachpipeline.replies;

import dev.outreachpipeline.replies.InboundMessage.DeliveryReport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the message/delivery-status part of a delivery status notification (RFC 3464): a block of
 * per-message fields, then one block per recipient, blocks separated by an empty line, fields folded
 * like header fields. Bounded: only so many blocks and fields are looked at, and every value is cut.
 */
public final class DeliveryStatusParser {

    static final int MAX_BLOCKS = 50;
    static final int MAX_FIELDS_PER_BLOCK = 100;
    static final int MAX_VALUE_CHARS = 2_000;

    private static final Pattern STATUS = Pattern.compile("^\\s*([245])\\.(\\d{1,3})\\.(\\d{1,3})(?!\\d)");
    private static final Pattern FIELD = Pattern.compile("^([A-Za-z0-9-]{1,76})[ \\t]*:(.*)$");

    private DeliveryStatusParser() {}

    /**
     * The report on the recipient that matters: the first one that failed, else the first delayed, else
     * the first. The original Message-ID comes from an Original-Message-ID field if the reporting
     * server wrote one (the returned headers, read elsewhere, are the better source).
     */
    public static DeliveryReport parse(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        List<Map<String, String>> blocks = blocks(text);
        if (blocks.isEmpty()) {
            return new DeliveryReport(null, null, null, null, null);
        }
        Map<String, String> perMessage = blocks.get(0);
        List<Map<String, String>> recipients = blocks.subList(1, blocks.size());
        Map<String, String> chosen = recipients.stream()
                .filter(b -> "failed".equals(InboundText.token(b.get("action"))))
                .findFirst()
                .or(() -> recipients.stream()
                        .filter(b -> "delayed".equals(InboundText.token(b.get("action"))))
                        .findFirst())
                .or(() -> recipients.stream().findFirst())
                // Some servers write a single block holding every field.
                .orElse(perMessage);
        String originalId = firstId(
                chosen.get("original-message-id"),
                perMessage.get("original-message-id"),
                perMessage.get("x-original-message-id"));
        String recipient = recipient(chosen.get("final-recipient"));
        if (recipient == null) {
            recipient = recipient(chosen.get("original-recipient"));
        }
        return new DeliveryReport(
                originalId,
                InboundText.token(chosen.get("action")),
                status(chosen.get("status")),
                recipient,
                InboundText.oneLine(chosen.get("diagnostic-code"), 200));
    }

    /** The status code (class.subject.detail) at the start of a Status field, e.g. 5.1.1; null when there is none. */
    static String status(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = STATUS.matcher(value);
        return m.find() ? m.group(1) + "." + Integer.parseInt(m.group(2)) + "." + Integer.parseInt(m.group(3)) : null;
    }

    /** The address of "rfc822; someone@example.com" (or of a bare address); null when it is not one. */
    static String recipient(String value) {
        if (value == null) {
            return null;
        }
        int semicolon = value.indexOf(';');
        return InboundText.address(semicolon < 0 ? value : value.substring(semicolon + 1));
    }

    private static String firstId(String... values) {
        for (String v : values) {
            List<String> ids = InboundText.messageIds(v, 1);
            if (!ids.isEmpty()) {
                return ids.get(0);
            }
        }
        return null;
    }

    /** The blocks of fields; names lower-case, the first occurrence of a name wins, values unfolded and cut. */
    static List<Map<String, String>> blocks(String text) {
        var blocks = new ArrayList<Map<String, String>>();
        Map<String, String> current = new LinkedHashMap<>();
        String name = null;
        StringBuilder value = null;
        for (String line : text.split("\\r?\\n|\\r", -1)) {
            if (line.isBlank()) {
                put(current, name, value);
                name = null;
                value = null;
                if (!current.isEmpty()) {
                    blocks.add(current);
                    if (blocks.size() >= MAX_BLOCKS) {
                        return blocks;
                    }
                    current = new LinkedHashMap<>();
                }
                continue;
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && value != null) {
                if (value.length() < MAX_VALUE_CHARS) {
                    value.append(' ').append(line.strip());
                }
                continue;
            }
            put(current, name, value);
            name = null;
            value = null;
            Matcher m = FIELD.matcher(line);
            if (m.matches() && current.size() < MAX_FIELDS_PER_BLOCK) {
                name = m.group(1).toLowerCase(Locale.ROOT);
                value = new StringBuilder(m.group(2).strip());
            }
        }
        put(current, name, value);
        if (!current.isEmpty()) {
            blocks.add(current);
        }
        return blocks;
    }

    private static void put(Map<String, String> block, String name, StringBuilder value) {
        if (name != null && !block.containsKey(name)) {
            String v = value.toString();
            block.put(name, v.length() <= MAX_VALUE_CHARS ? v : v.substring(0, MAX_VALUE_CHARS));
        }
    }
}

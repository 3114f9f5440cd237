package dev.outreachpipeline.sending;

import dev.outreachpipeline.prospects.SpreadsheetCells;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A suppression list as a CSV file someone hands over: from our own export, another tool, or typed
 * by hand. One entry a line; each line is read on its own, so a line that cannot be read (not
 * UTF-8, an unbalanced quote, not an address or a domain) is refused with its number and the
 * reason, and every other line still counts.
 *
 * <p>The first line is a header when one of its fields is {@code entry}, {@code email} or
 * {@code domain}; the columns are then found by name ({@code reason}, {@code note} and
 * {@code source} are optional, others are ignored). Otherwise the file has no header and its
 * columns are entry, reason, source in that order. A missing or empty reason is {@code manual}, a
 * missing source says which file it came from. A reason in words rather than one of
 * {@link Suppressions#REASONS} is kept as the note, with the entry suppressed as {@code manual}
 * (see {@link SuppressionReason}). Cells neutralised against spreadsheet formulas by an export are
 * restored.
 */
public final class SuppressionFile {

    /** One line of the file that holds an entry: to add, or refused with the reason. */
    public record Line(int number, Suppressions.Entry entry, SuppressionReason reason, String source, String refusal) {
        public boolean refused() {
            return refusal != null;
        }
    }

    private static final List<String> ENTRY_COLUMNS = List.of("entry", "email", "domain");
    private static final CSVFormat LINE =
            CSVFormat.RFC4180.builder().setTrim(true).get();

    private SuppressionFile() {}

    /**
     * @param content       the file's bytes (UTF-8, a byte-order mark allowed)
     * @param defaultSource the source of entries whose line names none
     * @return one line per line of the file that is neither blank nor the header, in file order
     */
    public static List<Line> read(byte[] content, String defaultSource) {
        var lines = new ArrayList<Line>();
        int entryColumn = 0;
        int reasonColumn = 1;
        int sourceColumn = 2;
        int noteColumn = -1;
        boolean first = true;
        int number = 0;
        int start = 0;
        while (start < content.length) {
            int end = indexOf(content, (byte) '\n', start);
            number++;
            int stop = end > start && content[end - 1] == '\r' ? end - 1 : end;
            if (number == 1
                    && stop - start >= 3
                    && (content[0] & 0xFF) == 0xEF
                    && (content[1] & 0xFF) == 0xBB
                    && (content[2] & 0xFF) == 0xBF) {
                start += 3;
            }
            String text;
            try {
                text = StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(content, start, Math.max(0, stop - start)))
                        .toString();
            } catch (CharacterCodingException e) {
                lines.add(refused(number, "it is not valid UTF-8 (save the file as UTF-8)"));
                first = false;
                start = end + 1;
                continue;
            }
            start = end + 1;
            if (text.isBlank()) {
                continue;
            }
            List<String> fields;
            try {
                fields = fields(text);
            } catch (IllegalArgumentException e) {
                lines.add(refused(number, e.getMessage()));
                first = false;
                continue;
            }
            if (first) {
                first = false;
                Map<String, Integer> header = header(fields);
                if (header != null) {
                    entryColumn = header.get("entry");
                    reasonColumn = header.getOrDefault("reason", -1);
                    sourceColumn = header.getOrDefault("source", -1);
                    noteColumn = header.getOrDefault("note", -1);
                    continue;
                }
            }
            lines.add(entry(number, fields, entryColumn, reasonColumn, noteColumn, sourceColumn, defaultSource));
        }
        return lines;
    }

    private static Line entry(
            int number,
            List<String> fields,
            int entryColumn,
            int reasonColumn,
            int noteColumn,
            int sourceColumn,
            String defaultSource) {
        String value = field(fields, entryColumn);
        if (value.isEmpty()) {
            return refused(
                    number, "it has no address or domain" + (entryColumn > 0 ? " in column " + (entryColumn + 1) : ""));
        }
        Suppressions.Entry entry;
        try {
            entry = Suppressions.Entry.parse(value);
        } catch (IllegalArgumentException e) {
            String why = Suppressions.plainText(e.getMessage());
            return refused(
                    number,
                    number == 1
                            ? why + " (a header row names its columns: entry or email or domain,"
                                    + " then reason and source)"
                            : why);
        }
        SuppressionReason reason;
        try {
            reason = SuppressionReason.of(field(fields, reasonColumn), field(fields, noteColumn));
        } catch (IllegalArgumentException e) {
            return refused(number, e.getMessage());
        }
        String source = Suppressions.plainText(field(fields, sourceColumn));
        if (source.isEmpty()) {
            source = defaultSource;
        }
        return new Line(number, entry, reason, source, null);
    }

    private static Line refused(int number, String why) {
        return new Line(number, null, null, null, why);
    }

    /** The header's columns (entry, reason, note, source → index), or null when the line is data. */
    private static Map<String, Integer> header(List<String> fields) {
        var columns = new java.util.HashMap<String, Integer>();
        for (int i = 0; i < fields.size(); i++) {
            String name = fields.get(i).toLowerCase(Locale.ROOT);
            if (ENTRY_COLUMNS.contains(name)) {
                columns.putIfAbsent("entry", i);
            } else if (name.equals("reason") || name.equals("note") || name.equals("source")) {
                columns.putIfAbsent(name, i);
            }
        }
        return columns.containsKey("entry") ? columns : null;
    }

    /** A line's fields, spreadsheet neutralisation undone; refused with a plain reason when it is not CSV. */
    private static List<String> fields(String line) {
        if (line.chars().filter(c -> c == '"').count() % 2 != 0) {
            throw new IllegalArgumentException(
                    "a quote is opened and never closed (write a quote inside a quoted field as \"\")");
        }
        try (CSVParser parser = LINE.parse(new java.io.StringReader(line))) {
            List<CSVRecord> records = parser.getRecords();
            var fields = new ArrayList<String>();
            for (String value : records.get(0)) {
                fields.add(SpreadsheetCells.restore(value).trim());
            }
            return fields;
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new IllegalArgumentException(
                    "it is not valid CSV: a quoted field must be followed by a comma or the end of the line");
        }
    }

    private static String field(List<String> fields, int column) {
        return column >= 0 && column < fields.size() ? fields.get(column) : "";
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return bytes.length;
    }
}

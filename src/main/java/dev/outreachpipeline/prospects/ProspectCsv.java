package dev.outreachpipeline.prospects;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Prospects as CSV (RFC 4180: comma-separated, fields quoted where needed, CRLF between records,
 * a header row), for people to open in a spreadsheet or hand to another tool. Titles and names come
 * from scraped pages and hold commas, quotes, newlines and any script; all of it comes back exactly
 * as written. A null is an empty field, and an empty field reads back as null.
 *
 * <p>Cells a spreadsheet would run as a formula are neutralised unless the export is raw (see
 * {@link SpreadsheetCells}); {@link #read} undoes that, so either way the values come back exactly.
 */
public final class ProspectCsv {

    /**
     * The columns, in order, named as in the prospects table, then where the prospect came from: its
     * campaign's name, the keyword and location of the query that found it, and the contact's first
     * name. Scripts read these by name and position: new columns are added at the end, none renamed.
     */
    public static final List<String> COLUMNS = List.of(
            "id",
            "domain",
            "page_url",
            "page_title",
            "contact_email",
            "contact_method",
            "score",
            "outreach_status",
            "last_sent",
            "followups_sent",
            "draft_subject",
            "created_at",
            "campaign",
            "keyword",
            "location",
            "contact_first_name");

    private static final CSVFormat WRITE = CSVFormat.RFC4180
            .builder()
            .setHeader(COLUMNS.toArray(String[]::new))
            .get();

    private static final CSVFormat READ =
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

    private ProspectCsv() {}

    /** {@link #write(List, Writer, boolean)} with formula cells neutralised. */
    public static int write(List<Map<String, Object>> rows, Writer out) throws IOException {
        return write(rows, out, false);
    }

    /**
     * Writes the header and one record per row. The writer is flushed, not closed.
     *
     * @param rows rows as JDBC returns them (column label → value), with at least the {@link #COLUMNS}
     * @param raw  true to write every value exactly, false to neutralise cells a spreadsheet would
     *             evaluate ({@link SpreadsheetCells})
     * @return the number of records written
     * @throws IllegalArgumentException when a row lacks a column: a query that forgot one must not
     *                                  export it as empty
     */
    public static int write(List<Map<String, Object>> rows, Writer out, boolean raw) throws IOException {
        var printer = new CSVPrinter(out, WRITE);
        int n = 0;
        for (Map<String, Object> row : rows) {
            n++;
            var values = new ArrayList<String>(COLUMNS.size());
            for (String column : COLUMNS) {
                String text = text(column(row, column, n));
                values.add(raw ? text : SpreadsheetCells.neutralise(text));
            }
            printer.printRecord(values);
        }
        printer.flush();
        return n;
    }

    /** {@link #write(List, Writer)} as UTF-8 bytes, without a byte-order mark. The stream is not closed. */
    public static int write(List<Map<String, Object>> rows, OutputStream out) throws IOException {
        return write(rows, out, false);
    }

    /** {@link #write(List, Writer, boolean)} as UTF-8 bytes, without a byte-order mark. The stream is not closed. */
    public static int write(List<Map<String, Object>> rows, OutputStream out, boolean raw) throws IOException {
        var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        int n = write(rows, writer, raw);
        writer.flush();
        return n;
    }

    /**
     * Reads what {@link #write} wrote: column → value in the order of {@link #COLUMNS}, null for an
     * empty field, neutralised formula cells restored.
     *
     * @throws IOException when the header row is not {@link #COLUMNS}
     */
    public static List<Map<String, String>> read(Reader in) throws IOException {
        try (CSVParser parser = READ.parse(in)) {
            if (!parser.getHeaderNames().equals(COLUMNS)) {
                throw new IOException(
                        "not a prospects CSV: the header is " + parser.getHeaderNames() + ", expected " + COLUMNS);
            }
            var rows = new ArrayList<Map<String, String>>();
            for (CSVRecord record : parser) {
                var row = new LinkedHashMap<String, String>();
                for (String column : COLUMNS) {
                    String v = record.get(column);
                    row.put(column, v.isEmpty() ? null : SpreadsheetCells.restore(v));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    /** The value of a column; JDBC drivers differ in the case of labels, so case is ignored. */
    private static Object column(Map<String, Object> row, String column, int rowNumber) {
        if (row.containsKey(column)) {
            return row.get(column);
        }
        for (Map.Entry<String, Object> e : row.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(column)) {
                return e.getValue();
            }
        }
        throw new IllegalArgumentException("row " + rowNumber + " has no column '" + column + "'");
    }

    /**
     * A value as text. Timestamps become ISO-8601 instants in UTC (2025-01-07T08:00:00Z): a
     * java.sql.Timestamp's own text is in the JVM's zone and says not which. Decimals are written
     * without an exponent.
     */
    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof java.sql.Date || value instanceof java.sql.Time) {
            return value.toString();
        }
        if (value instanceof Date d) {
            return d.toInstant().toString();
        }
        if (value instanceof OffsetDateTime t) {
            return t.toInstant().toString();
        }
        if (value instanceof ZonedDateTime t) {
            return t.toInstant().toString();
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return value.toString();
    }
}

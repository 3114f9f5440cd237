package dev.outreachpipeline.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Awkward rows in every table of the current schema (sample-rows.sql), and a way to compare table contents. */
public final class SampleRows {

    /** Every table the migrations define, parents first. */
    public static final List<String> TABLES =
            List.of("jobs", "discovery_queries", "prospects", "email_logs", "prospects_merged", "settings");

    private SampleRows() {}

    /** Inserts the sample rows into a migrated database. */
    public static void insert(TestDatabase db) {
        try (InputStream in = SampleRows.class.getResourceAsStream("sample-rows.sql")) {
            db.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every row of every table as JSON text, in id order: equal maps mean equal contents. */
    public static Map<String, List<String>> contents(TestDatabase db) {
        var contents = new LinkedHashMap<String, List<String>>();
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            st.execute("SET TimeZone = 'UTC'");
            for (String table : TABLES) {
                var rows = new ArrayList<String>();
                try (ResultSet rs = st.executeQuery("SELECT row_to_json(t)::text FROM " + table + " t ORDER BY id")) {
                    while (rs.next()) {
                        rows.add(rs.getString(1));
                    }
                }
                contents.put(table, rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the tables of " + db.name() + ": " + e.getMessage(), e);
        }
        return contents;
    }

    /** Rows per table. */
    public static Map<String, Long> counts(TestDatabase db) {
        var counts = new LinkedHashMap<String, Long>();
        for (String table : TABLES) {
            counts.put(table, db.count("SELECT count(*) FROM " + table));
        }
        return counts;
    }
}

package dev.outreachpipeline.testsupport;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Every row of a table, keyed by id, each as column → value: for "nothing was lost" assertions. */
public final class Rows {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Rows() {}

    public static Map<String, Map<String, Object>> of(TestDatabase db, String table) {
        var rows = new TreeMap<String, Map<String, Object>>();
        try (Connection c = db.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT row_to_json(t)::text FROM " + table + " t")) {
            while (rs.next()) {
                Map<String, Object> row =
                        JSON.readValue(rs.getString(1), new TypeReference<LinkedHashMap<String, Object>>() {});
                rows.put(String.valueOf(row.get("id")), row);
            }
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("cannot read " + table, e);
        }
        return rows;
    }

    /** All rows of the given tables, for comparing a whole database before and after. */
    public static Map<String, Map<String, Map<String, Object>>> ofTables(TestDatabase db, String... tables) {
        var all = new LinkedHashMap<String, Map<String, Map<String, Object>>>();
        for (String t : tables) {
            all.put(t, of(db, t));
        }
        return all;
    }
}

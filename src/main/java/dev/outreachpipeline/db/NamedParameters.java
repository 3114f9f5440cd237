package dev.outreachpipeline.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A statement written for camel-sql ({@code :#name} parameters) made ready for plain JDBC: the text
 * with each {@code :#name} turned into {@code ?}, and the names in the order JDBC binds them. So one
 * sql/ file serves a route and a Java caller alike, and nobody edits SQL text in Java.
 */
public record NamedParameters(String jdbcText, List<String> names) {

    private static final Pattern PARAMETER = Pattern.compile(":#([A-Za-z_][A-Za-z0-9_]*)");

    public NamedParameters {
        names = List.copyOf(names);
    }

    /** Translates {@code text}; a camel-sql expression parameter ({@code :#${...}}) has no JDBC form and is refused. */
    public static NamedParameters of(String text) {
        if (text.contains(":#$")) {
            throw new IllegalArgumentException(
                    "a statement run through JDBC takes :#name parameters only, not :#${...} expressions");
        }
        var names = new ArrayList<String>();
        Matcher m = PARAMETER.matcher(text);
        var jdbc = new StringBuilder();
        while (m.find()) {
            names.add(m.group(1));
            m.appendReplacement(jdbc, "?");
        }
        m.appendTail(jdbc);
        return new NamedParameters(jdbc.toString(), names);
    }

    /** Binds {@code values} by name, in the statement's order; a name the statement takes but {@code values} lacks is a bug. */
    public void bind(PreparedStatement ps, Map<String, ?> values) throws SQLException {
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException(
                        "the statement takes :#" + name + ", which is not given (given: " + values.keySet() + ")");
            }
            ps.setObject(i + 1, values.get(name));
        }
    }

    /** Runs the statement on its own connection (autocommit) and returns its rows, column label to value. */
    public List<Map<String, Object>> rows(DataSource dataSource, Map<String, ?> values) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(jdbcText)) {
            bind(ps, values);
            try (ResultSet rs = ps.executeQuery()) {
                return rowsOf(rs);
            }
        }
    }

    /** Runs the statement on its own connection (autocommit) and returns how many rows it changed. */
    public int update(DataSource dataSource, Map<String, ?> values) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(jdbcText)) {
            bind(ps, values);
            return ps.executeUpdate();
        }
    }

    /** Every row left in {@code rs}, column label to value, in order. */
    public static List<Map<String, Object>> rowsOf(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        var rows = new ArrayList<Map<String, Object>>();
        while (rs.next()) {
            var row = new LinkedHashMap<String, Object>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                row.put(meta.getColumnLabel(i), rs.getObject(i));
            }
            rows.add(row);
        }
        return rows;
    }
}

package dev.outreachpipeline.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What one schema holds, read from pg_catalog (never from the migration files): tables, columns,
 * indexes, constraints, triggers and functions, each keyed by name and described by its
 * definition with the schema name taken out, so that two schemas can be compared.
 */
public record SchemaCatalog(String schema, Map<String, Table> tables, Map<String, String> functions) {

    public record Table(
            String name,
            Map<String, Column> columns,
            Map<String, Index> indexes,
            Map<String, Constraint> constraints,
            Map<String, String> triggers) {}

    /** @param type as format_type prints it, e.g. {@code numeric(5,2)}, {@code character varying} */
    public record Column(String name, int position, String type, boolean nullable, String defaultExpr) {}

    /** @param definition pg_get_indexdef without the schema, e.g. {@code CREATE INDEX ix_jobs_id ON jobs USING btree (id)} */
    public record Index(String name, boolean unique, boolean primary, String definition) {}

    /** @param type p primary key, u unique, f foreign key, c check, x exclusion */
    public record Constraint(String name, char type, String definition) {}

    public boolean hasTable(String name) {
        return tables.containsKey(name);
    }

    public static SchemaCatalog read(Connection c, String schema) throws SQLException {
        var tables = new TreeMap<String, Table>();
        Function<String, Table> table = n -> tables.computeIfAbsent(
                n, k -> new Table(k, new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>()));
        for (String name : strings(c, SqlStatement.CATALOG_TABLES.text(), schema)) {
            table.apply(name);
        }
        query(
                c,
                SqlStatement.CATALOG_COLUMNS.text(),
                schema,
                rs -> table.apply(rs.getString(1))
                        .columns()
                        .put(
                                rs.getString(2),
                                new Column(
                                        rs.getString(2),
                                        rs.getInt(3),
                                        rs.getString(4),
                                        rs.getBoolean(5),
                                        unqualify(rs.getString(6), schema))));
        query(
                c,
                SqlStatement.CATALOG_INDEXES.text(),
                schema,
                rs -> table.apply(rs.getString(1))
                        .indexes()
                        .put(
                                rs.getString(2),
                                new Index(
                                        rs.getString(2),
                                        rs.getBoolean(3),
                                        rs.getBoolean(4),
                                        unqualify(rs.getString(5), schema))));
        query(
                c,
                SqlStatement.CATALOG_CONSTRAINTS.text(),
                schema,
                rs -> table.apply(rs.getString(1))
                        .constraints()
                        .put(
                                rs.getString(2),
                                new Constraint(
                                        rs.getString(2),
                                        rs.getString(3).charAt(0),
                                        unqualify(rs.getString(4), schema))));
        query(
                c,
                SqlStatement.CATALOG_TRIGGERS.text(),
                schema,
                rs -> table.apply(rs.getString(1)).triggers().put(rs.getString(2), unqualify(rs.getString(3), schema)));
        var functions = new TreeMap<String, String>();
        query(
                c,
                SqlStatement.CATALOG_FUNCTIONS.text(),
                schema,
                rs -> functions.put(rs.getString(1), rs.getString(2).strip()));
        return new SchemaCatalog(schema, tables, functions);
    }

    /** Removes {@code schema.} qualifiers, so definitions read the same whichever schema holds them. */
    static String unqualify(String definition, String schema) {
        if (definition == null) {
            return null;
        }
        return definition.replace("\"" + schema + "\".", "").replace(schema + ".", "");
    }

    private interface RowHandler {
        void accept(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, String sql, String schema, RowHandler handler) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    handler.accept(rs);
                }
            }
        }
    }

    private static List<String> strings(Connection c, String sql, String schema) throws SQLException {
        var out = new java.util.ArrayList<String>();
        query(c, sql, schema, rs -> out.add(rs.getString(1)));
        return out;
    }
}

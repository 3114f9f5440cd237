package dev.outreachpipeline.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whose schema this is: empty, ours (Flyway history present), the Python predecessor's (its five
 * tables and an alembic_version row, no Flyway history), or someone else's.
 *
 * @param tables           every table in the schema
 * @param alembicRevision  the predecessor's recorded revision, or null
 */
public record DatabaseState(Kind kind, Set<String> tables, String alembicRevision) {

    public enum Kind {
        EMPTY,
        OURS,
        PREDECESSOR,
        FOREIGN
    }

    public static final List<String> PREDECESSOR_TABLES =
            List.of("jobs", "discovery_queries", "prospects", "email_logs", "settings");
    public static final String ALEMBIC_TABLE = "alembic_version";

    public static DatabaseState inspect(Connection c, String schema) throws SQLException {
        var tables = new TreeSet<String>();
        try (PreparedStatement ps = c.prepareStatement(SqlStatement.SCHEMA_RELATIONS.text())) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        if (tables.isEmpty()) {
            return new DatabaseState(Kind.EMPTY, tables, null);
        }
        if (tables.contains(Migrations.HISTORY_TABLE)) {
            return new DatabaseState(
                    Kind.OURS, tables, tables.contains(ALEMBIC_TABLE) ? alembicRevision(c, schema) : null);
        }
        if (tables.contains(ALEMBIC_TABLE) && tables.containsAll(PREDECESSOR_TABLES)) {
            return new DatabaseState(Kind.PREDECESSOR, tables, alembicRevision(c, schema));
        }
        return new DatabaseState(Kind.FOREIGN, tables, null);
    }

    /** The predecessor tables this schema lacks (to explain why it was not recognised). */
    public List<String> missingPredecessorTables() {
        var missing = new ArrayList<String>();
        for (String t : PREDECESSOR_TABLES) {
            if (!tables.contains(t)) {
                missing.add(t);
            }
        }
        return missing;
    }

    private static String alembicRevision(Connection c, String schema) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                SqlStatement.ALEMBIC_REVISIONS.fill(Map.of("table", SqlNames.qualified(schema, ALEMBIC_TABLE))))) {
            try (ResultSet rs = ps.executeQuery()) {
                var revisions = new ArrayList<String>();
                while (rs.next()) {
                    revisions.add(rs.getString(1));
                }
                return revisions.isEmpty() ? "(none recorded)" : String.join(", ", revisions);
            }
        }
    }
}

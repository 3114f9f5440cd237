package dev.outreachpipeline.testsupport;

import dev.outreachpipeline.config.OutreachConfig;
import dev.outreachpipeline.db.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/** A database of its own for one test, on the shared {@link TestPostgres} server. */
public record TestDatabase(String name, String jdbcUrl) {

    /** The URL as an operator would give it in DATABASE_URL. */
    public String databaseUrl() {
        return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "user=postgres";
    }

    /**
     * An environment that points the program at this database, plus any extra variables. A daemon started
     * with it serves HTTP (and its management endpoints) on free ports of 127.0.0.1, so tests never compete for 8080
     * or 9090 (extra may say otherwise).
     */
    public Map<String, String> env(String... extra) {
        var env = new HashMap<String, String>();
        env.put("DATABASE_URL", databaseUrl());
        env.put("OUTREACH_HTTP_PORT", "0");
        env.put("OUTREACH_HTTP_BIND", "127.0.0.1");
        env.put("OUTREACH_MANAGEMENT_PORT", "0");
        for (int i = 0; i + 1 < extra.length; i += 2) {
            env.put(extra[i], extra[i + 1]);
        }
        return env;
    }

    public OutreachConfig config(String... extraEnv) {
        return OutreachConfig.load(null, env(extraEnv), Path.of("does-not-exist"));
    }

    /** The program's own pool over this database, as the CLI would open it. */
    public Database open() {
        return Database.open(config());
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "postgres", null);
    }

    public void execute(String sql) {
        try (Connection c = connect();
                Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + sql + ": " + e.getMessage(), e);
        }
    }

    /** Runs a SQL script from the test classpath (statements separated by semicolons at line ends). */
    public void executeResource(String resource) {
        try (var in = TestDatabase.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            execute(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The catalog of the public schema, for comparing schemas. */
    public dev.outreachpipeline.db.SchemaCatalog catalog() {
        try (Connection c = connect()) {
            return dev.outreachpipeline.db.SchemaCatalog.read(c, "public");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every row of a query, column name → value. */
    public java.util.List<java.util.Map<String, Object>> rowsOf(String sql) {
        var rows = new java.util.ArrayList<java.util.Map<String, Object>>();
        try (Connection c = connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            var meta = rs.getMetaData();
            while (rs.next()) {
                var row = new java.util.LinkedHashMap<String, Object>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i), rs.getObject(i));
                }
                rows.add(row);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + sql + ": " + e.getMessage(), e);
        }
        return rows;
    }

    public long count(String sql) {
        try (Connection c = connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + sql + ": " + e.getMessage(), e);
        }
    }
}

package dev.outreachpipeline.bench;

import dev.outreachpipeline.config.OutreachConfig;
import dev.outreachpipeline.db.Database;
import dev.outreachpipeline.db.SchemaMigrator;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * A fresh, migrated database of the kind the default run uses: the program's own embedded PostgreSQL
 * (durable commits, as in production), in a directory of its own. Daemon processes started with
 * {@link #env} attach to this server instead of starting another.
 */
final class BenchDatabase implements AutoCloseable {

    private final Path dataDir;
    private final Database db;

    private BenchDatabase(Path dataDir, Database db) {
        this.dataDir = dataDir;
        this.db = db;
    }

    static BenchDatabase start(Path workDir) {
        Path dataDir = workDir.resolve("postgres");
        Database db = Database.open(OutreachConfig.load(null, baseEnv(dataDir), workDir));
        new SchemaMigrator(db).migrate();
        return new BenchDatabase(dataDir, db);
    }

    private static Map<String, String> baseEnv(Path dataDir) {
        var env = new HashMap<String, String>();
        env.put("OUTREACH_EMBEDDED_DATA_DIR", dataDir.toAbsolutePath().toString());
        env.put("OUTREACH_DATABASE_POOL_SIZE", "12");
        return env;
    }

    /** The environment of a program pointed at this database, plus the given pairs. */
    Map<String, String> env(String... pairs) {
        var env = baseEnv(dataDir);
        env.put("OUTREACH_HTTP_PORT", "0");
        env.put("OUTREACH_HTTP_BIND", "127.0.0.1");
        env.put("OUTREACH_MANAGEMENT_PORT", "0");
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    Database database() {
        return db;
    }

    String serverVersion() {
        return text("SHOW server_version") + " (synchronous_commit " + text("SHOW synchronous_commit") + ")";
    }

    long count(String sql) {
        try (Connection c = db.connection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    double number(String sql) {
        try (Connection c = db.connection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getDouble(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    String text(String sql) {
        try (Connection c = db.connection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    void execute(String sql) {
        try (Connection c = db.connection();
                Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        db.close();
    }
}

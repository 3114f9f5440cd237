package dev.outreachpipeline.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.outreachpipeline.config.Masking;
import dev.outreachpipeline.config.OutreachConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one connection pool of the process, over {@code DATABASE_URL} or the embedded server, and
 * the schema our tables live in. Closing it closes the pool, then stops an embedded server we own.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /** Hikari's initialization-fail timeout for "try once": any positive value below one connect attempt. */
    private static final Duration ONE_TRY = Duration.ofMillis(1);

    private final HikariDataSource pool;
    private final EmbeddedDatabase embedded;
    private final String schema;
    private final String description;

    private Database(HikariDataSource pool, EmbeddedDatabase embedded, String schema, String description) {
        this.pool = pool;
        this.embedded = embedded;
        this.schema = schema;
        this.description = description;
    }

    public static Database open(OutreachConfig config) {
        return open(config, null);
    }

    /** @param home the directory a relative embedded data directory is taken from; null = the working directory */
    public static Database open(OutreachConfig config, Path home) {
        Duration timeout = Duration.ofSeconds(config.getInt("outreach.database.connect-timeout-seconds"));
        return open(config, home, timeout, timeout);
    }

    /**
     * One try at the first connection, bounded by {@code connectTimeout}: for a caller that tries
     * again itself and reports each try ({@link DatabaseStartRetry}).
     */
    static Database openOnce(OutreachConfig config, Path home, Duration connectTimeout) {
        return open(config, home, connectTimeout, ONE_TRY);
    }

    /**
     * @param connectTimeout how long one connection may take to open
     * @param firstConnection how long to keep trying for the first connection before giving up
     */
    private static Database open(OutreachConfig config, Path home, Duration connectTimeout, Duration firstConnection) {
        String rawUrl = config.get("outreach.database.url");
        EmbeddedDatabase embedded = null;
        DatabaseUrl url;
        String description;
        if (rawUrl.isBlank()) {
            Path dataDir = Path.of(config.get("outreach.embedded.data-dir"));
            embedded = EmbeddedDatabase.startOrAttach(
                    home == null ? dataDir : home.resolve(dataDir), config.getInt("outreach.embedded.port"));
            url = embedded.url();
            description = embedded.describe();
        } else {
            url = DatabaseUrl.parse(rawUrl);
            description = "PostgreSQL at " + url.display();
        }
        String schema = config.get("outreach.database.schema");
        try {
            HikariDataSource pool =
                    pool(url, schema, config.getInt("outreach.database.pool-size"), connectTimeout, firstConnection);
            LOG.info("Using {} (schema {})", description, schema);
            return new Database(pool, embedded, schema, description);
        } catch (RuntimeException e) {
            if (embedded != null) {
                embedded.close();
            }
            throw new IllegalStateException(
                    "Cannot connect to " + description + ": " + Masking.maskText(rootMessage(e)), e);
        }
    }

    private static HikariDataSource pool(
            DatabaseUrl url, String schema, int size, Duration timeout, Duration firstConnection) {
        var hc = new HikariConfig();
        hc.setPoolName("outreach");
        hc.setJdbcUrl(url.jdbcUrl());
        if (url.user() != null) {
            hc.setUsername(url.user());
        }
        if (url.password() != null) {
            hc.setPassword(url.password());
        }
        hc.setMaximumPoolSize(size);
        hc.setMinimumIdle(Math.min(2, size));
        hc.setConnectionTimeout(timeout.toMillis());
        hc.setInitializationFailTimeout(firstConnection.toMillis());
        hc.setConnectionInitSql(SqlStatement.SET_SEARCH_PATH.fill(java.util.Map.of("schema", schema)));
        hc.addDataSourceProperty("ApplicationName", "outreach-pipeline");
        return new HikariDataSource(hc);
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    public DataSource dataSource() {
        return pool;
    }

    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    public String schema() {
        return schema;
    }

    /** Which database is in use, password masked. */
    public String description() {
        return description;
    }

    @Override
    public void close() {
        pool.close();
        if (embedded != null) {
            embedded.close();
        }
    }

    @Override
    public String toString() {
        return description;
    }
}

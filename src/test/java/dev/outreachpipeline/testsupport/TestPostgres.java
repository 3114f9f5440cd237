package dev.outreachpipeline.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server for the whole test run (started on first use, stopped when the JVM
 * exits). Each test gets a database of its own from {@link #newDatabase()}, so tests never see each
 * other's rows and need no cleanup.
 */
public final class TestPostgres {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static volatile EmbeddedPostgres server;

    private TestPostgres() {}

    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server =
                        EmbeddedPostgres.builder().setRegisterShutdownHook(true).start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL for tests", e);
            }
        }
        return server;
    }

    /** Creates an empty database and returns its JDBC URL (user postgres, no password). */
    public static TestDatabase newDatabase() {
        String name = "t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection c = server().getPostgresDatabase().getConnection();
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return new TestDatabase(name, server().getJdbcUrl("postgres", name));
    }

    /** A new database brought to the current schema by {@code outreach db migrate}, as an operator would. */
    public static TestDatabase migratedDatabase() {
        TestDatabase db = newDatabase();
        CliRun migrate = CliRun.run(db.env(), "db", "migrate");
        if (migrate.exitCode() != 0) {
            throw new IllegalStateException("db migrate failed: " + migrate.err());
        }
        return db;
    }
}

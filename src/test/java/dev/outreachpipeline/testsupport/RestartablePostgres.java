package dev.outreachpipeline.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;

/**
 * A PostgreSQL of a test's own, on a fixed data directory and port, which the test can stop and start
 * again (the shared {@link TestPostgres} must stay up for every other test): for what a database
 * outage does to the daemon.
 */
public final class RestartablePostgres implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres server;

    private RestartablePostgres(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    /** Starts a server on a free port with its data in {@code dataDir}. */
    public static RestartablePostgres start(Path dataDir) {
        var postgres = new RestartablePostgres(dataDir, freePort());
        postgres.startAgain();
        return postgres;
    }

    /** The server's {@code postgres} database, as the daemon and the CLI reach it. */
    public TestDatabase database() {
        return new TestDatabase("postgres", server.getJdbcUrl("postgres", "postgres"));
    }

    /** Stops the server; the data directory and port stay for {@link #startAgain()}. */
    public void stop() {
        close();
    }

    /** Starts the server again on the same data directory and port. */
    public void startAgain() {
        try {
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        EmbeddedPostgres s = server;
        server = null;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.outreachpipeline.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The real PostgreSQL server that runs when no database URL is configured. Its data directory is
 * kept across restarts. When another process of ours already runs the server on that directory
 * (the daemon, while an operator types a CLI command), we connect to it instead of starting a
 * second server, which PostgreSQL would refuse anyway.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final Path dataDir;
    private final EmbeddedPostgres server;
    private final int port;

    private EmbeddedDatabase(Path dataDir, EmbeddedPostgres server, int port) {
        this.dataDir = dataDir;
        this.server = server;
        this.port = port;
    }

    /** Starts the server on {@code dataDir}, or attaches to the one already running there. */
    public static EmbeddedDatabase startOrAttach(Path dataDir, int port) {
        Path dir = dataDir.toAbsolutePath().normalize();
        Optional<Integer> running = runningServerPort(dir);
        if (running.isPresent()) {
            LOG.info("The embedded PostgreSQL in {} is already running (port {}); using it", dir, running.get());
            return new EmbeddedDatabase(dir, null, running.get());
        }
        try {
            Files.createDirectories(dir);
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // The embedding library turns synchronous_commit off (a test default); a commit
                    // here records paid calls and sends, so it must survive a machine crash.
                    .setServerConfig("synchronous_commit", "on")
                    .start();
            return new EmbeddedDatabase(dir, pg, pg.getPort());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL in " + dir + ": " + e.getMessage()
                    + ". Check that the directory is writable and not used by another PostgreSQL, or set DATABASE_URL.", e);
        }
    }

    /** The port of a live server owning {@code dir}, read from its postmaster.pid. */
    static Optional<Integer> runningServerPort(Path dir) {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            if (lines.size() < 4) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).trim());
            int port = Integer.parseInt(lines.get(3).trim());
            boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            return alive ? Optional.of(port) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    public DatabaseUrl url() {
        return new DatabaseUrl("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", null);
    }

    public String describe() {
        return "embedded PostgreSQL, data in " + dataDir + ", port " + port + (server == null ? " (started by another process)" : "");
    }

    /** Stops the server if this process started it; an attached server is left running. */
    @Override
    public void close() {
        if (server != null) {
            try {
                server.close();
                LOG.info("Embedded PostgreSQL stopped");
            } catch (IOException e) {
                LOG.warn("The embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
            }
        }
    }
}

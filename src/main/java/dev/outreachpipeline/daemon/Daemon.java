package dev.outreachpipeline.daemon;

import dev.outreachpipeline.config.OutreachConfig;
import dev.outreachpipeline.db.Database;
import dev.outreachpipeline.jobs.DaemonStopping;
import dev.outreachpipeline.jobs.JobStore;
import dev.outreachpipeline.jobs.JobTypes;
import dev.outreachpipeline.jobs.NodeIdentity;
import dev.outreachpipeline.jobs.QueueIdleWait;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * The long-running process: Camel Main with the routes under routes/, over the process's one pool.
 * Stopping is ordered: on SIGTERM, the workers claim nothing new and each running job finishes
 * the item in hand (a provider answer is recorded, an SMTP send is recorded) and goes back to the
 * queue with its unprocessed claims released; then Camel stops, then the pool closes, then an
 * embedded PostgreSQL we started stops. Our shutdown hook holds the JVM open until
 * the database is closed; without it the JVM could exit while Camel still writes.
 */
public final class Daemon {

    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);

    private final OutreachConfig config;
    private final Database db;
    private final Main main = new Main();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final NodeIdentity node = new NodeIdentity();
    private final DaemonStopping stopping = new DaemonStopping();

    public Daemon(OutreachConfig config, Database db, java.nio.file.Path workDir) {
        this.config = config;
        this.db = db;
        main.setDefaultPropertyPlaceholderLocation("false");
        // Camel Main's default strategy adds a SIGTERM hook of its own (disableHangupSupport does
        // not prevent it in 4.22) that would stop the routes at once, under the jobs in hand; ours
        // (run()) lets them hand their work back first, then stops Camel.
        main.setShutdownStrategy(new org.apache.camel.main.SimpleMainShutdownStrategy());
        main.setInitialProperties(config.asProperties());
        main.bind("dataSource", db.dataSource());
        main.bind("transactionManager", new JdbcTransactionManager(db.dataSource()));
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport configured) {
                CamelContext context = configured.getCamelContext();
                // first: binds the meter registry and providerCalls the pipeline beans count into
                dev.outreachpipeline.management.Management.install(context, config, db, workDir);
                PipelineBeans.bind(context, config, node, stopping, workDir);
                dev.outreachpipeline.jobs.QuartzJobStore.configure(context, db.dataSource());
                dev.outreachpipeline.http.PublicHttpServer.install(context, config, db.dataSource(), workDir);
                addWorkers(context);
            }

            // camel.main.startup-summary-level = Brief logs one line for the routes; the list is for debugging.
            @Override
            public void afterStart(BaseMainSupport started) {
                LOG.debug("Routes started: {}", routeIds(started.getCamelContext()));
            }

            @Override
            public void beforeStop(BaseMainSupport stopping) {
                LOG.debug("Stopping routes: {}", routeIds(stopping.getCamelContext()));
            }
        });
    }

    /**
     * Waits (at most {@code seconds}) until no worker route has a job in hand: each running job
     * stops at its next step and is handed back to the queue while Camel, its routes and the pool
     * are still up. Whatever is still running after that is left to Camel's own shutdown and, at
     * worst, to the job's lease.
     */
    private void handBackJobs(long seconds) {
        CamelContext context = main.getCamelContext();
        if (context == null || !context.isStarted()) {
            return;
        }
        int workers = config.getInt("outreach.jobs.workers");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        try {
            while (jobsInHand(context, workers) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int left = jobsInHand(context, workers);
        if (left > 0) {
            LOG.warn("{} job(s) still running after {} s; stopping anyway (their lease hands them on)", left, seconds);
        }
    }

    private static int jobsInHand(CamelContext context, int workers) {
        int inHand = 0;
        for (int i = 1; i <= workers; i++) {
            inHand += context.getInflightRepository().size("job-worker-" + i);
        }
        return inHand;
    }

    private static String routeIds(CamelContext context) {
        return context == null
                ? ""
                : context.getRoutes().stream()
                        .map(org.apache.camel.Route::getRouteId)
                        .sorted()
                        .collect(java.util.stream.Collectors.joining(", "));
    }

    /** One worker route per outreach.jobs.workers, each claiming jobs under its own identity. */
    private void addWorkers(CamelContext context) {
        int workers = config.getInt("outreach.jobs.workers");
        for (int i = 1; i <= workers; i++) {
            TemplatedRouteBuilder.builder(context, "job-worker")
                    .routeId("job-worker-" + i)
                    .parameter("number", String.valueOf(i))
                    .parameter("worker", node.worker(i))
                    .add();
        }
        LOG.info("{} job worker(s) on node {}", workers, node);
    }

    public NodeIdentity node() {
        return node;
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
            // a taken port is one sentence here; once Camel starts, its failure comes with stack traces
            dev.outreachpipeline.management.Management.requirePortFree(config);
            dev.outreachpipeline.http.PublicHttpServer.requirePortFree(config);
            LOG.info("Starting the daemon on {}", db.description());
            recordSettings();
            main.run();
            LOG.info("The daemon has stopped");
        } finally {
            recordStopped();
            db.close();
            closed.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running: it waits for the latch counted down above
            }
        }
    }

    /** Commands typed at a terminal (send --dry-run, status) judge by these settings, not by their own. */
    private void recordSettings() {
        try {
            DaemonSettings.recordStart(db.dataSource(), node.node(), config);
        } catch (java.sql.SQLException e) {
            LOG.warn(
                    "Could not record this node's settings in the database ({}); commands will use their own",
                    e.getMessage());
        }
    }

    private void recordStopped() {
        try {
            DaemonSettings.recordStop(db.dataSource(), node.node());
        } catch (java.sql.SQLException | RuntimeException e) {
            LOG.warn("Could not record that node {} stopped ({})", node, e.getMessage());
        }
    }

    /**
     * Runs until no job of a type this process can run is left unfinished (including the jobs
     * those jobs enqueue, and running jobs whose worker died, taken over when their lease ends),
     * then stops as on SIGTERM: {@code outreach run --once}.
     */
    public void runOnce() throws Exception {
        Thread watcher = new Thread(this::stopWhenIdle, "outreach-once");
        watcher.setDaemon(true);
        watcher.start();
        run();
    }

    private void stopWhenIdle() {
        var jobs = new JobStore(db.dataSource());
        long pollMillis = Math.max(200, config.getInt("outreach.jobs.poll-interval-ms"));
        try {
            while (main.getCamelContext() == null || !main.getCamelContext().isStarted()) {
                Thread.sleep(100);
            }
            JobTypes types = main.getCamelContext().getRegistry().lookupByNameAndType("jobTypes", JobTypes.class);
            QueueIdleWait.every(Duration.ofMillis(pollMillis))
                    .untilIdle(() -> jobs.unfinished(types.list()) == 0, QueueIdleWait.UNBOUNDED);
            LOG.info("No runnable job is left; stopping (--once)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.sql.SQLException e) {
            LOG.error("Cannot read the jobs queue ({}); stopping", e.getMessage());
        }
        main.completed();
    }

    private void stopFromSignal() {
        LOG.info("Stop requested: finishing work in hand, then closing the database");
        long shutdownTimeout = Long.parseLong(config.asProperties().getProperty("camel.main.shutdown-timeout", "30"));
        stopping.request();
        handBackJobs(shutdownTimeout);
        main.completed();
        try {
            long timeout = shutdownTimeout + 15;
            if (!closed.await(timeout, TimeUnit.SECONDS)) {
                LOG.warn("The daemon did not stop within {} s", timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package dev.outreachpipeline.testsupport;

import static org.awaitility.Awaitility.await;

import dev.outreachpipeline.config.OutreachConfig;
import dev.outreachpipeline.daemon.Daemon;
import dev.outreachpipeline.db.Database;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.CamelContext;

/**
 * The real daemon, running in this JVM from {@link #start} until {@link #close}. One at a time: daemons in
 * one JVM share Quartz's scheduler of the same name.
 */
public final class RunningDaemon implements AutoCloseable {

    private final Daemon daemon;
    private final CompletableFuture<Void> running;

    private RunningDaemon(Daemon daemon, CompletableFuture<Void> running) {
        this.daemon = daemon;
        this.running = running;
    }

    /** Starts the daemon on {@code db} and returns once its CamelContext has started. */
    public static RunningDaemon start(OutreachConfig config, Database db, Path workDir) {
        var daemon = new Daemon(config, db, workDir);
        CompletableFuture<Void> running = CompletableFuture.runAsync(() -> {
            try {
                daemon.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(90))
                .until(() -> running.isDone()
                        || daemon.main().getCamelContext() != null
                                && daemon.main().getCamelContext().isStarted());
        if (running.isDone()) {
            running.join();
            throw new IllegalStateException("the daemon stopped while starting");
        }
        return new RunningDaemon(daemon, running);
    }

    public CamelContext context() {
        return daemon.main().getCamelContext();
    }

    /**
     * Stops it as SIGTERM would and waits until it has. An interrupted wait is not passed on as
     * InterruptedException: try-with-resources would otherwise swallow the thread's interrupt.
     */
    @Override
    public void close() throws ExecutionException, TimeoutException {
        daemon.main().completed();
        try {
            running.get(90, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the daemon to stop", e);
        }
    }
}

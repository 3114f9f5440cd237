package dev.outreachpipeline.management;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

/**
 * Database reads for health checks and metrics that give up after a short time. Taking a connection
 * from the pool while PostgreSQL is down blocks for the pool's whole connect timeout (30 s by
 * default), longer than any prober waits; so the work runs on a thread of its own and the caller
 * waits at most {@code timeout}. A few reads may queue behind a stuck one; beyond that they are
 * refused at once rather than piling up. The public unsubscribe link writes through one of its own the
 * same way, so that a visitor never waits for the pool's timeout.
 */
public final class BoundedDatabase implements AutoCloseable {

    /** A unit of work on one pooled connection. */
    public interface Work<T> {
        T on(Connection c) throws SQLException;
    }

    private final DataSource dataSource;
    private final Duration timeout;
    private final ThreadPoolExecutor executor;

    BoundedDatabase(DataSource dataSource, Duration timeout) {
        this(dataSource, timeout, "outreach-management-db", 1, 4);
    }

    /**
     * @param threads how many units of work run at once
     * @param queue   how many more may wait for a thread before work is refused at once
     */
    public BoundedDatabase(DataSource dataSource, Duration timeout, String threadName, int threads, int queue) {
        this.dataSource = dataSource;
        this.timeout = timeout;
        this.executor = new ThreadPoolExecutor(
                threads,
                threads,
                0,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queue),
                r -> {
                    Thread t = new Thread(r, threadName);
                    t.setDaemon(true);
                    return t;
                },
                new ThreadPoolExecutor.AbortPolicy());
    }

    Duration timeout() {
        return timeout;
    }

    /**
     * Runs {@code work} on a pooled connection, each statement limited to the timeout too.
     *
     * @throws SQLException with a sentence saying what went wrong: no answer in time, or the driver's error
     */
    public <T> T read(Work<T> work) throws SQLException {
        Future<T> future;
        try {
            future = executor.submit(() -> {
                try (Connection c = dataSource.getConnection()) {
                    return work.on(c);
                }
            });
        } catch (RejectedExecutionException busy) {
            throw new SQLException("earlier database reads are still waiting for an answer");
        }
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // a unit still queued is dropped; one stuck on the pool or the socket finishes or fails on its own
            future.cancel(true);
            throw new SQLException("no answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof SQLException se ? se : new SQLException(String.valueOf(cause.getMessage()), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for the database");
        }
    }

    /** Seconds for {@link java.sql.Statement#setQueryTimeout}, at least one. */
    public int statementTimeoutSeconds() {
        return (int) Math.max(1, timeout.toSeconds());
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}

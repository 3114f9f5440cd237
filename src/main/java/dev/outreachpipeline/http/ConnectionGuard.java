package dev.outreachpipeline.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the public port from holding more sockets than it may: at most {@code maxConnections} open at
 * once (one more is closed as soon as it is accepted), and a connection that has not sent a whole
 * request head within {@code headerTimeout} is closed (a client trickling bytes keeps an idle timeout
 * from ever firing). Without a limit, bare connects filled the process's file descriptors and took the
 * management port down with the public one. Its handlers run on Vert.x event loops.
 */
final class ConnectionGuard {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);
    /** At most one log line this often about refused connections: a flood must not flood the log. */
    private static final long REFUSAL_LOG_INTERVAL_NANOS = Duration.ofMinutes(1).toNanos();

    private final Vertx vertx;
    private final int maxConnections;
    private final long headerTimeoutMillis;
    private final AtomicInteger open = new AtomicInteger();
    /** Connections that have not sent a request yet, with the timer that closes them. */
    private final Map<HttpConnection, Long> awaitingRequest = new ConcurrentHashMap<>();

    private final AtomicLong refusedSinceLog = new AtomicLong();
    private final AtomicLong lastRefusalLog = new AtomicLong(System.nanoTime() - REFUSAL_LOG_INTERVAL_NANOS);

    ConnectionGuard(Vertx vertx, int maxConnections, Duration headerTimeout) {
        this.vertx = vertx;
        this.maxConnections = maxConnections;
        this.headerTimeoutMillis = Math.max(1, headerTimeout.toMillis());
    }

    /** A connection was accepted. */
    void connected(HttpConnection connection) {
        if (open.incrementAndGet() > maxConnections) {
            open.decrementAndGet();
            refused();
            connection.close();
            return;
        }
        connection.closeHandler(closed -> {
            open.decrementAndGet();
            cancelHeaderTimer(connection);
        });
        long timer = vertx.setTimer(headerTimeoutMillis, fired -> {
            if (awaitingRequest.remove(connection) != null) {
                connection.close();
            }
        });
        awaitingRequest.put(connection, timer);
    }

    /** A request head arrived on {@code connection}: from now on only the idle timeout applies. */
    void requestArrived(HttpConnection connection) {
        cancelHeaderTimer(connection);
    }

    /** Connections open now (counted ones; a refused one is not). */
    int openConnections() {
        return open.get();
    }

    private void cancelHeaderTimer(HttpConnection connection) {
        Long timer = awaitingRequest.remove(connection);
        if (timer != null) {
            vertx.cancelTimer(timer);
        }
    }

    private void refused() {
        long refused = refusedSinceLog.incrementAndGet();
        long now = System.nanoTime();
        long last = lastRefusalLog.get();
        if (now - last >= REFUSAL_LOG_INTERVAL_NANOS && lastRefusalLog.compareAndSet(last, now)) {
            refusedSinceLog.addAndGet(-refused);
            LOG.warn(
                    "The public HTTP port has {} connections open, its limit (outreach.http.max-connections);"
                            + " {} new connection(s) closed at once since the last message",
                    maxConnections,
                    refused);
        }
    }
}

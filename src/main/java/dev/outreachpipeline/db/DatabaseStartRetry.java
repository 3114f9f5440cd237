package dev.outreachpipeline.db;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.outreachpipeline.OutreachException;
import dev.outreachpipeline.config.Masking;
import dev.outreachpipeline.config.OutreachConfig;
import java.net.URI;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the database for the daemon ({@code outreach run}), which a service manager may start
 * before PostgreSQL answers: an unreachable server is tried again with exponential backoff (1 s,
 * doubling, at most 30 s between attempts) for {@code outreach.database.start-retry-seconds},
 * then the start fails (exit 1). Every failed try is logged, and no try runs past the budget. A refused password or user is no reason to wait: exit 2 at once.
 * Other commands open the database once and fail at once.
 */
public final class DatabaseStartRetry {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseStartRetry.class);
    private static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    private static final Duration MAX_DELAY = Duration.ofSeconds(30);
    private static final Duration MIN_ATTEMPT = Duration.ofSeconds(1);

    private DatabaseStartRetry() {}

    /** @param home the directory a relative embedded data directory is taken from, as for every other command */
    public static Database open(OutreachConfig config, Path home) {
        String rawUrl = config.get("outreach.database.url");
        if (rawUrl.isBlank()) {
            return Database.open(config, home); // the embedded server: ours to start, nothing to wait for
        }
        String where = hostAndPort(DatabaseUrl.parse(rawUrl));
        Duration budget = Duration.ofSeconds(config.getInt("outreach.database.start-retry-seconds"));
        Duration connectTimeout = Duration.ofSeconds(config.getInt("outreach.database.connect-timeout-seconds"));
        long deadline = System.nanoTime() + budget.toNanos();
        RetryPolicy<Database> policy = RetryPolicy.<Database>builder()
                .handleIf(DatabaseStartRetry::worthWaitingFor)
                .withBackoff(FIRST_DELAY, MAX_DELAY, 2.0)
                .withMaxRetries(-1)
                .withMaxDuration(budget)
                .onRetryScheduled(e -> LOG.warn(
                        "database not reachable at {} ({}); retrying in {} s, attempt {}",
                        where,
                        reason(e.getLastException()),
                        Math.max(1, Math.round(e.getDelay().toMillis() / 1000.0)),
                        e.getAttemptCount() + 1))
                .build();
        try {
            // One connection attempt per try, none outlasting the budget: the pool's own wait for a
            // first connection would otherwise keep trying for the whole connect timeout, silently,
            // past the budget.
            return Failsafe.with(policy)
                    .get(() -> Database.openOnce(config, home, attemptTimeout(connectTimeout, deadline)));
        } catch (FailsafeException e) {
            throw new OutreachException("Cannot start: " + reason(e.getCause()), 1, e.getCause());
        } catch (RuntimeException e) {
            if (refused(e)) {
                throw new OutreachException(
                        "The database at " + where + " refused the login: " + reason(e)
                                + "; check the user and password in DATABASE_URL",
                        2,
                        e);
            }
            if (!worthWaitingFor(e)) {
                throw e;
            }
            throw new OutreachException(
                    "The database at " + where + " was not reachable within " + budget.toSeconds()
                            + " s (outreach.database.start-retry-seconds): " + reason(e),
                    1,
                    e);
        }
    }

    /** The connect timeout, cut to what is left of the budget (at least one second, so the last try is a real one). */
    static Duration attemptTimeout(Duration connectTimeout, long deadlineNanos) {
        Duration left = Duration.ofNanos(deadlineNanos - System.nanoTime());
        Duration atLeast = left.compareTo(MIN_ATTEMPT) < 0 ? MIN_ATTEMPT : left;
        return connectTimeout.compareTo(atLeast) < 0 ? connectTimeout : atLeast;
    }

    static boolean worthWaitingFor(Throwable e) {
        return sqlState(e).map(DatabaseStartRetry::unreachable).orElse(true) && !refused(e);
    }

    /** Connection errors (class 08) and a server starting or shutting down (57P03, 57P01): worth waiting for. */
    static boolean unreachable(String sqlState) {
        return sqlState == null || sqlState.startsWith("08") || sqlState.equals("57P03") || sqlState.equals("57P01");
    }

    /** A refused password (28P01) or user (28000). */
    static boolean refused(Throwable e) {
        return sqlState(e).filter(s -> s.startsWith("28")).isPresent();
    }

    private static Optional<String> sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return Optional.of(sql.getSQLState());
            }
        }
        return Optional.empty();
    }

    private static String reason(Throwable e) {
        return e == null ? "unknown" : Masking.maskText(Database.rootMessage(e));
    }

    static String hostAndPort(DatabaseUrl url) {
        try {
            URI uri = URI.create(url.jdbcUrl().substring("jdbc:".length()));
            return uri.getHost() + ":" + (uri.getPort() < 0 ? 5432 : uri.getPort());
        } catch (RuntimeException e) {
            return url.display();
        }
    }
}

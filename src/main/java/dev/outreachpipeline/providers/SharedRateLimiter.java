package dev.outreachpipeline.providers;

import dev.outreachpipeline.db.SqlStatement;
import dev.outreachpipeline.jobs.JobFailed;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * A provider's rate limit held in PostgreSQL, so it holds across every instance on the database
 * and not per process. Each call reserves the next slot of its limiter in one atomic statement
 * (table provider_rate_slots, migration V13) and then waits until that slot. Waiting callers hold
 * no connection and no lock; a slot whose caller gave up is simply not used, which only slows the
 * others down.
 *
 * <p>The wait is taken in short steps with the caller's check run between them, so a cancelled
 * job or a daemon that is stopping does not sit out a long queue; an interrupt ends it too.
 */
public final class SharedRateLimiter {

    /** Longest stretch waited without looking at the caller's check. */
    private static final long CHECK_EVERY_MILLIS = 500;

    private static final String SQL = SqlStatement.RESERVE_RATE_SLOT.text();

    private final DataSource dataSource;
    private final String limiter;
    private final Duration spacing;

    /**
     * @param limiter the slot's name, the same on every instance (e.g. "hunter-domain-search")
     * @param spacing the gap between two calls, from {@link RateSpacing}
     */
    public SharedRateLimiter(DataSource dataSource, String limiter, Duration spacing) {
        this.dataSource = dataSource;
        this.limiter = limiter;
        // whole microseconds, as PostgreSQL keeps timestamps: rounding down would space calls too tightly
        this.spacing = Duration.ofNanos((spacing.toNanos() + 999) / 1000 * 1000);
    }

    public Duration spacing() {
        return spacing;
    }

    /**
     * Reserves the next slot and waits until it.
     *
     * @param check run between steps of the wait; throws to stop waiting (the job was stopped)
     */
    public void acquire(Runnable check) {
        long waitMillis = reserve().waitMillis();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        try {
            for (long left = waitMillis; left > 0; left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())) {
                Thread.sleep(Math.min(left, CHECK_EVERY_MILLIS));
                if (deadline - System.nanoTime() > 0) {
                    check.run();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JobFailed("interrupted while waiting for a call slot of " + limiter);
        }
    }

    /** A reserved slot on the database's clock, and how long its caller waits for it. */
    record Slot(java.time.Instant at, long waitMillis) {}

    /** Reserves the next slot without waiting for it. */
    Slot reserve() {
        double seconds = spacing.toNanos() / 1e9;
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement(SQL)) {
            st.setString(1, limiter);
            st.setDouble(2, seconds);
            st.setDouble(3, seconds);
            st.setDouble(4, seconds);
            st.setDouble(5, seconds);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return new Slot(
                        rs.getObject("slot", java.time.OffsetDateTime.class).toInstant(), rs.getLong("wait_millis"));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot reserve a call slot of " + limiter + " in the database: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "SharedRateLimiter[" + limiter + ", one call every " + spacing.toMillis() + " ms]";
    }
}

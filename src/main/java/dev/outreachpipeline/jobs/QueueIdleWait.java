package dev.outreachpipeline.jobs;

import java.sql.SQLException;
import java.time.Duration;

/**
 * Waits until the jobs queue is quiet: looks every {@code poll}, sleeping in between, until two looks
 * in a row find nothing to do or the bound passes. Two looks, because a job that finishes enqueues
 * the next stage's job in the same transaction, but one look may fall between two statements.
 */
public final class QueueIdleWait {

    /** No bound: wait for as long as jobs keep coming. */
    public static final Duration UNBOUNDED = Duration.ofSeconds(Long.MAX_VALUE);

    private static final int QUIET_LOOKS = 2;

    /** One look at the queue: true when nothing is waiting or running. */
    @FunctionalInterface
    public interface Look {
        boolean idle() throws SQLException;
    }

    private final Duration poll;

    private QueueIdleWait(Duration poll) {
        this.poll = poll;
    }

    public static QueueIdleWait every(Duration poll) {
        if (poll.isNegative() || poll.isZero()) {
            throw new IllegalArgumentException("the poll interval must be positive, is " + poll);
        }
        return new QueueIdleWait(poll);
    }

    /**
     * @return true once two looks in a row found the queue idle, false when {@code bound} passed first
     */
    public boolean untilIdle(Look look, Duration bound) throws SQLException, InterruptedException {
        long start = System.nanoTime();
        int quiet = 0;
        while (quiet < QUIET_LOOKS) {
            if (Duration.ofNanos(System.nanoTime() - start).compareTo(bound) > 0) {
                return false;
            }
            Thread.sleep(poll.toMillis(), poll.toNanosPart() % 1_000_000);
            quiet = look.idle() ? quiet + 1 : 0;
        }
        return true;
    }
}

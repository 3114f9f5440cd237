package dev.outreachpipeline.jobs;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * Decides from the job's row whether its worker may go on. Called before each unit of work and
 * inside each unit's transaction (with the row locked), so a cancellation, a passed deadline or a
 * lost lease stops the job at the next step and a late result is never committed.
 */
public final class JobGuard {

    private final DaemonStopping stopping;

    public JobGuard(DaemonStopping stopping) {
        this.stopping = stopping;
    }

    /** Whether workers may claim another job (not while the process stops). */
    public boolean mayClaim() {
        return !stopping.requested();
    }

    /**
     * The check between two steps of a job: as {@link #check}, and the job stops when the process
     * is stopping. Not used inside a unit of work, whose result (a paid answer) is recorded first.
     */
    public void checkBetweenSteps(Map<String, Object> row, String worker) {
        check(row, worker);
        if (stopping.requested()) {
            throw new JobStopped(JobStopped.Reason.SHUTDOWN, "the daemon is stopping; the job goes back to the queue");
        }
    }

    /**
     * @param row the job's row (status, claimed_by, cancel_requested_at, deadline_at, now), or null if gone
     * @throws JobStopped when the worker must stop
     */
    public void check(Map<String, Object> row, String worker) {
        if (row == null) {
            throw new JobStopped(JobStopped.Reason.LOST, "the job no longer exists");
        }
        if (row.get("cancel_requested_at") != null) {
            throw new JobStopped(JobStopped.Reason.CANCELLED, "cancelled by an operator");
        }
        if (!"running".equals(row.get("status")) || !worker.equals(row.get("claimed_by"))) {
            throw new JobStopped(
                    JobStopped.Reason.LOST,
                    "the job is now " + row.get("status")
                            + (row.get("claimed_by") == null ? "" : " (held by " + row.get("claimed_by") + ")"));
        }
        Object deadline = row.get("deadline_at");
        Object now = row.get("now");
        if (deadline != null && now != null && toOffset(now).isAfter(toOffset(deadline))) {
            throw new JobStopped(JobStopped.Reason.TIMED_OUT, "it ran longer than its maximum run time");
        }
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt;
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        return OffsetDateTime.parse(value.toString());
    }
}

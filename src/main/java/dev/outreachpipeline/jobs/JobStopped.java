package dev.outreachpipeline.jobs;

/**
 * The job in hand must stop now: an operator cancelled it, it ran past its maximum run time, this
 * worker no longer holds it (its lease expired and another worker took it over), or the process
 * is stopping (the job goes back to the queue). What was committed stays; nothing more is written
 * for it by this worker.
 */
public final class JobStopped extends RuntimeException {

    public enum Reason {
        CANCELLED,
        TIMED_OUT,
        LOST,
        SHUTDOWN
    }

    private final Reason reason;

    public JobStopped(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

package dev.outreachpipeline.jobs;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Set once the process has been told to stop (SIGTERM, Ctrl-C). Workers then claim no new job,
 * and a running job stops at its next step and goes back to the queue, so that no claim waits
 * for a lease to expire before another instance (or this one restarted) carries on.
 */
public final class DaemonStopping {

    private final AtomicBoolean requested = new AtomicBoolean();

    public void request() {
        requested.set(true);
    }

    public boolean requested() {
        return requested.get();
    }
}

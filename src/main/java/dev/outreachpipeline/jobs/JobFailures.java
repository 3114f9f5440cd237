package dev.outreachpipeline.jobs;

import dev.outreachpipeline.config.Masking;

/** Turns whatever ended a job into the sentence stored in jobs.error_message. */
public final class JobFailures {

    public String describe(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && !(t instanceof JobFailed) && t.getCause() != t) {
            t = t.getCause();
        }
        if (t instanceof JobFailed) {
            return Masking.maskText(t.getMessage());
        }
        return Masking.maskText("unexpected error (" + t.getClass().getSimpleName() + "): " + t.getMessage()
                + "; see the daemon's log, then retry the job by submitting it again");
    }

    /** Lets a route's catch-all pass on what its caller must handle. */
    public void rethrow(Throwable e) throws Throwable {
        throw e;
    }
}

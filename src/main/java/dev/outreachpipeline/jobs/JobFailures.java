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

    /** Why a job stopped, wherever in the cause chain the {@link JobStopped} sits. */
    public String stopReason(Throwable e) {
        return find(e, JobStopped.class).map(s -> s.reason().name()).orElse("LOST");
    }

    /** The first exception of {@code type} in the cause chain. */
    public static <T extends Throwable> java.util.Optional<T> find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return java.util.Optional.of(type.cast(t));
            }
        }
        return java.util.Optional.empty();
    }

    /** The message of the {@link JobDeferred} in the cause chain. */
    public String deferredMessage(Throwable e) {
        return find(e, JobDeferred.class).map(Throwable::getMessage).orElse(e.getMessage());
    }

    /** Until when the {@link JobDeferred} in the cause chain puts the job off. */
    public String deferredUntil(Throwable e) {
        return find(e, JobDeferred.class)
                .map(JobDeferred::runAfterText)
                .orElseThrow(() -> new IllegalStateException(e));
    }
}

package dev.outreachpipeline.jobs;

import java.time.OffsetDateTime;

/**
 * The job cannot go on now but can later, by itself (a provider's quota resets on a known date):
 * it goes back to pending, to be claimed again after {@link #runAfter()}.
 */
public final class JobDeferred extends RuntimeException {

    private final OffsetDateTime runAfter;

    public JobDeferred(String message, OffsetDateTime runAfter) {
        super(message);
        this.runAfter = runAfter;
    }

    public OffsetDateTime runAfter() {
        return runAfter;
    }

    /** For the route that records it. */
    public String runAfterText() {
        return runAfter.toString();
    }
}

package dev.outreachpipeline.discovery;

/** The discover job has saved as many prospects as it was asked for; its other queries are not run. */
public final class MaxResultsReached extends RuntimeException {
    public MaxResultsReached(String message) {
        super(message);
    }
}

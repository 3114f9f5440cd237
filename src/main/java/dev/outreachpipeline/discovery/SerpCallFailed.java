package dev.outreachpipeline.discovery;

/**
 * A call whose answer carries no data to return (tasks_ready), failed: {@link #outcome()} says whether
 * to poll again later ({@link SerpOutcome.Retry}) or stop the job ({@link SerpOutcome.FailJob}).
 */
public final class SerpCallFailed extends RuntimeException {

    private final SerpOutcome outcome;

    public SerpCallFailed(SerpOutcome outcome) {
        super(reason(outcome));
        this.outcome = outcome;
    }

    public SerpOutcome outcome() {
        return outcome;
    }

    /** The reason a failed outcome (retry, fail the query, fail the job) gives. */
    static String reason(SerpOutcome outcome) {
        if (outcome instanceof SerpOutcome.Retry r) {
            return r.reason();
        }
        if (outcome instanceof SerpOutcome.FailJob f) {
            return f.reason();
        }
        if (outcome instanceof SerpOutcome.FailQuery f) {
            return f.reason();
        }
        throw new IllegalArgumentException("Results are no failure: " + outcome);
    }
}

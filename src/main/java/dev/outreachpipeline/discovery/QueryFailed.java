package dev.outreachpipeline.discovery;

import java.math.BigDecimal;

/**
 * This query cannot be run (invalid input, or still failing after every retry); the job goes on
 * with the others. Carries the calls and cost spent on it, which are recorded all the same.
 */
public final class QueryFailed extends RuntimeException {

    private final int calls;
    private final BigDecimal cost;

    public QueryFailed(String message, int calls, BigDecimal cost) {
        super(message);
        this.calls = calls;
        this.cost = cost;
    }

    public int calls() {
        return calls;
    }

    public BigDecimal cost() {
        return cost;
    }
}

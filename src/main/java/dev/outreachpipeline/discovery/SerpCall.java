package dev.outreachpipeline.discovery;

import java.math.BigDecimal;

/**
 * A query's results and what getting them took: the calls made (retries included) and the cost
 * the provider reported for them.
 */
public record SerpCall(SerpOutcome.Results results, int calls, BigDecimal cost) {}

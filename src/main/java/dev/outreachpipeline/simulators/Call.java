package dev.outreachpipeline.simulators;

import java.time.Instant;

/**
 * One call a simulator answered.
 *
 * @param endpoint the path without ids or query (e.g. {@code /v2/domain-search})
 * @param at       when it arrived
 * @param outcome  what it was answered with
 */
public record Call(String endpoint, Instant at, Outcome outcome) {

    public enum Outcome {
        /** a normal answer */
        OK,
        /** a simulated server error (the error rate) */
        SIMULATED_ERROR,
        /** the provider's rate-limit error (over the calls-per-second limit) */
        RATE_LIMITED,
        /** no or wrong credentials */
        UNAUTHORIZED,
        /** a request the provider would refuse (bad path, bad body) */
        REJECTED;

        public boolean isError() {
            return this != OK;
        }
    }
}

package dev.outreachpipeline.simulators;

import java.time.Duration;

/**
 * How a simulated provider behaves: how long it takes to answer, how often it answers with a
 * retryable error, how many calls per second it accepts before answering with the provider's
 * rate-limit error, and the seed that makes all of it repeatable.
 *
 * @param latency         added to every answer
 * @param jitter          up to this much more, drawn at random per call
 * @param errorRate       fraction (0–1) of calls answered with a realistic retryable error
 * @param callsPerSecond  calls accepted per rolling second; 0 = no limit
 * @param seed            seed of the random draws (latency jitter, which calls fail)
 */
public record SimulatorSettings(Duration latency, Duration jitter, double errorRate, int callsPerSecond, long seed) {

    public SimulatorSettings {
        if (latency.isNegative() || jitter.isNegative()) {
            throw new IllegalArgumentException("latency and jitter cannot be negative");
        }
        if (errorRate < 0 || errorRate > 1) {
            throw new IllegalArgumentException("errorRate must be between 0 and 1, is " + errorRate);
        }
        if (callsPerSecond < 0) {
            throw new IllegalArgumentException("callsPerSecond cannot be negative, is " + callsPerSecond);
        }
    }

    /** Answers at once, never fails, no rate limit. */
    public static SimulatorSettings instant() {
        return new SimulatorSettings(Duration.ZERO, Duration.ZERO, 0, 0, 1);
    }

    public SimulatorSettings withLatency(Duration fixed, Duration jitter) {
        return new SimulatorSettings(fixed, jitter, errorRate, callsPerSecond, seed);
    }

    public SimulatorSettings withErrorRate(double rate) {
        return new SimulatorSettings(latency, jitter, rate, callsPerSecond, seed);
    }

    public SimulatorSettings withCallsPerSecond(int limit) {
        return new SimulatorSettings(latency, jitter, errorRate, limit, seed);
    }

    public SimulatorSettings withSeed(long newSeed) {
        return new SimulatorSettings(latency, jitter, errorRate, callsPerSecond, newSeed);
    }
}

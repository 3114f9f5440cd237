package dev.outreachpipeline.bench;

import dev.outreachpipeline.simulators.Call;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Rates read off a simulator's call log: arrival times of accepted calls to one endpoint. */
record CallRates(List<Instant> arrivals) {

    static CallRates of(List<Call> calls, String endpoint) {
        return new CallRates(calls.stream()
                .filter(c -> c.endpoint().equals(endpoint) && c.outcome() == Call.Outcome.OK)
                .map(Call::at)
                .sorted()
                .toList());
    }

    /** Calls per second between the first and the last call (n - 1 gaps over the span). */
    double perSecond() {
        if (arrivals.size() < 2) {
            return 0;
        }
        double span = Duration.between(arrivals.get(0), arrivals.get(arrivals.size() - 1))
                        .toNanos()
                / 1e9;
        return (arrivals.size() - 1) / span;
    }

    /** The most calls that arrived in any window [t, t + window), over every t. */
    int mostIn(Duration window) {
        int most = 0;
        int start = 0;
        for (int end = 0; end < arrivals.size(); end++) {
            while (!arrivals.get(start).plus(window).isAfter(arrivals.get(end))) {
                start++;
            }
            most = Math.max(most, end - start + 1);
        }
        return most;
    }

    int count() {
        return arrivals.size();
    }
}

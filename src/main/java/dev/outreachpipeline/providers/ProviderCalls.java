package dev.outreachpipeline.providers;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The account of provider calls the clients keep as they classify each answer: counters for
 * {@code /metrics} (calls by provider, endpoint and outcome; the cost a provider reported; sends by
 * outcome) and each provider's last outcome for {@code /health/ready}. The clients only name the
 * outcome they already decided on; nothing here reads an answer again.
 */
public final class ProviderCalls {

    /** For code that runs without the daemon's metrics (commands, tests of a client alone). */
    public static ProviderCalls notExported() {
        return new ProviderCalls(new SimpleMeterRegistry(), Clock.systemUTC());
    }

    /**
     * @param endpoint e.g. {@code live}, {@code domain-search}
     * @param outcome  the client's classification in snake case, e.g. {@code results}, {@code retry}
     * @param at       when the answer came
     */
    public record LastCall(String endpoint, String outcome, Instant at) {}

    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, LastCall> last = new ConcurrentHashMap<>();

    public ProviderCalls(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** One answer of a provider (an HTTP call, a retry included), as the client classified it. */
    public void record(String provider, String endpoint, String outcome) {
        Counter.builder("outreach.provider.calls")
                .description("Calls to paid providers, by the outcome our client classified")
                .tag("provider", provider)
                .tag("endpoint", endpoint)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
        last.put(provider, new LastCall(endpoint, outcome, clock.instant()));
    }

    /** The same, with the cost the provider reported for the call (USD; zero when it reported none). */
    public void record(String provider, String endpoint, String outcome, BigDecimal costUsd) {
        record(provider, endpoint, outcome);
        if (costUsd.signum() > 0) {
            Counter.builder("outreach.provider.cost")
                    .baseUnit("usd")
                    .description("Cost the provider reported for our calls")
                    .tag("provider", provider)
                    .register(registry)
                    .increment(costUsd.doubleValue());
        }
    }

    /** The tokens a provider (an LLM endpoint) reported for one call, by direction: {@code in} (prompt) and {@code out}. */
    public void tokens(String provider, int in, int out) {
        for (var t : Map.of("in", in, "out", out).entrySet()) {
            if (t.getValue() > 0) {
                Counter.builder("outreach.provider.tokens")
                        .description("Tokens an LLM endpoint reported for our calls")
                        .tag("provider", provider)
                        .tag("direction", t.getKey())
                        .register(registry)
                        .increment(t.getValue());
            }
        }
    }

    /** One message handed to the SMTP server (or refused on the way), by the outcome recorded for its attempt. */
    public void sent(String outcome) {
        Counter.builder("outreach.sends")
                .description("Send attempts by recorded outcome")
                .tag("outcome", outcome)
                .register(registry)
                .increment();
        last.put("smtp", new LastCall("send", outcome, clock.instant()));
    }

    /** Each provider's last answer since the process started, by provider name. */
    public Map<String, LastCall> lastCalls() {
        return new TreeMap<>(last);
    }

    /** A classification object's kind as a label: {@code QuotaExhausted} → {@code quota_exhausted}. */
    public static String label(Object outcome) {
        return outcome == null
                ? "none"
                : outcome.getClass()
                        .getSimpleName()
                        .replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                        .toLowerCase(Locale.ROOT);
    }
}

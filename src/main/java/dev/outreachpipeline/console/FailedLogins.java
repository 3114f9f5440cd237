package dev.outreachpipeline.console;

import com.google.common.base.Ticker;
import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wrong admin tokens per client address: after {@link #LIMIT} within a minute of the first, that
 * address is refused (429) until the minute is over, right token or not, so guessing costs a minute per
 * ten tries whatever the guess. Shared by the console's login and the API. The window is Guava's
 * expire-after-write: a count is written once, at the first failure, and then only incremented.
 * Bounded, so a flood of addresses cannot grow it without limit.
 */
public final class FailedLogins {

    public static final int LIMIT = 10;
    public static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int MAX_ADDRESSES = 10_000;

    private final Cache<String, AtomicInteger> failures;

    public FailedLogins() {
        this(Ticker.systemTicker());
    }

    /** @param ticker the clock of the window, for tests */
    FailedLogins(Ticker ticker) {
        this.failures = CacheBuilder.newBuilder()
                .expireAfterWrite(WINDOW)
                .maximumSize(MAX_ADDRESSES)
                .ticker(ticker)
                .build();
    }

    /** Is this address refused for now? */
    public boolean blocked(String address) {
        AtomicInteger n = failures.getIfPresent(address);
        return n != null && n.get() >= LIMIT;
    }

    /** Counts one wrong token from this address; returns how many there were in its window. */
    public int failed(String address) {
        try {
            return failures.get(address, AtomicInteger::new).incrementAndGet();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}

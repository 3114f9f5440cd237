package dev.outreachpipeline.providers;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.failsafe.function.CheckedSupplier;
import dev.outreachpipeline.jobs.JobFailed;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How every paid provider call is retried: while the answer is one worth retrying, with exponential
 * backoff (doubling, at most {@code maxDelay}) and 25 % jitter, and the job checked before every
 * attempt so a cancellation or a passed deadline stops the retries. The answer of the last attempt
 * is returned as it is; deciding what it means is the caller's.
 */
public final class ProviderRetries {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderRetries.class);

    private final String provider;
    private final int retries;
    private final Duration delay;
    private final Duration maxDelay;

    /** @param provider the name in log lines and messages, e.g. "DataForSEO" */
    public ProviderRetries(String provider, int retries, Duration delay, Duration maxDelay) {
        this.provider = provider;
        this.retries = retries;
        this.delay = delay;
        this.maxDelay = maxDelay.compareTo(delay) < 0 ? delay : maxDelay;
    }

    public ProviderRetries withRetries(int otherRetries) {
        return new ProviderRetries(provider, otherRetries, delay, maxDelay);
    }

    /**
     * @param what              what is being done, for the log ("query 'garden lights'")
     * @param retryable         which answers are tried again
     * @param describe          an answer in a log line
     * @param beforeEachAttempt throws to stop (the job was cancelled, timed out or taken over)
     */
    public <T> T call(
            String what,
            Predicate<T> retryable,
            Function<T, String> describe,
            Runnable beforeEachAttempt,
            CheckedSupplier<T> attempt) {
        RetryPolicy<T> policy = RetryPolicy.<T>builder()
                .handleResultIf(retryable::test)
                // a stopped job (cancelled, taken over, the daemon stopping) or a failed one is not
                // an answer to try again: Failsafe would otherwise retry any exception
                .abortOn(dev.outreachpipeline.jobs.JobStopped.class, JobFailed.class)
                .withBackoff(delay, maxDelay, 2.0)
                .withJitter(0.25)
                .withMaxRetries(retries)
                .onRetry(e -> LOG.warn(
                        "{}, {}: {}; retry {} of {}",
                        provider,
                        what,
                        describe.apply(e.getLastResult()),
                        e.getAttemptCount(),
                        retries))
                .build();
        try {
            return Failsafe.with(policy).get(() -> {
                beforeEachAttempt.run();
                return attempt.get();
            });
        } catch (FailsafeException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                throw new JobFailed("interrupted while waiting for " + provider);
            }
            throw e;
        }
    }
}

package dev.outreachpipeline.enrichment;

import dev.failsafe.Bulkhead;
import dev.outreachpipeline.jobs.JobFailed;
import dev.outreachpipeline.providers.ProviderCalls;
import dev.outreachpipeline.providers.ProviderHttp;
import dev.outreachpipeline.providers.ProviderHttp.Answer;
import dev.outreachpipeline.providers.ProviderRetries;
import dev.outreachpipeline.providers.SharedRateLimiter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hunter.io as the enrichment routes use it. One instance serves every worker, so the concurrency
 * limit holds across them; Hunter's rate limits (per second and per minute, separately for
 * domain-search and email-verifier) are kept in the database and hold across every instance. The
 * HTTP exchange is {@link ProviderHttp}'s; the key travels in the query string Hunter requires,
 * which ProviderHttp never puts into a message or a log line.
 */
public final class HunterClient {

    private static final Logger LOG = LoggerFactory.getLogger(HunterClient.class);

    private final HunterSettings settings;
    private final ProviderHttp http;
    private final HunterResponses responses = new HunterResponses();
    private final SharedRateLimiter searchLimit;
    private final SharedRateLimiter verifierLimit;
    private final Bulkhead<Object> bulkhead;
    private final ProviderRetries retries;
    private final ProviderCalls providerCalls;

    /**
     * @param searchLimit   spaces domain searches at the stricter of {@code perSecond} and {@code perMinute}
     * @param verifierLimit the same for the email verifier
     */
    public HunterClient(
            HunterSettings settings,
            SharedRateLimiter searchLimit,
            SharedRateLimiter verifierLimit,
            ProviderCalls providerCalls) {
        this.settings = settings;
        this.providerCalls = providerCalls;
        this.http = new ProviderHttp("Hunter", settings.baseUrl(), settings.timeout(), settings.concurrency());
        this.searchLimit = searchLimit;
        this.verifierLimit = verifierLimit;
        this.bulkhead = Bulkhead.builder(settings.concurrency())
                .withMaxWaitTime(Duration.ofMinutes(30))
                .build();
        this.retries =
                new ProviderRetries("Hunter", settings.maxRetries(), settings.retryDelay(), settings.maxRetryDelay());
    }

    public boolean verifies() {
        return settings.verify();
    }

    /**
     * Domain search, retried with backoff while Hunter answers with a retryable outcome (403 rate
     * limit, 5xx, timeouts).
     *
     * @param calls counts every call made
     */
    public HunterOutcome domainSearch(String domain, Runnable check, AtomicInteger calls) {
        requireKey();
        String query = "domain=" + encode(domain) + "&limit=100";
        return retries.call(
                "domain search for " + domain,
                HunterOutcome.Retry.class::isInstance,
                o -> o instanceof HunterOutcome.Retry r ? r.reason() : String.valueOf(o),
                check,
                () -> {
                    Answer r = send("/v2/domain-search", query, searchLimit, check, calls);
                    return counted("domain-search", responses.parseDomainSearch(r.status(), r.body()));
                });
    }

    /** Email verification; a verification still running (202) or inconclusive (222) is looked at again a few times. */
    public VerifierOutcome verify(String email, Runnable check, AtomicInteger calls) {
        requireKey();
        String query = "email=" + encode(email);
        return retries.withRetries(settings.verifierChecks() - 1)
                .call(
                        "verification of " + email,
                        o -> o instanceof VerifierOutcome.Pending || o instanceof VerifierOutcome.RetryLater,
                        o -> o instanceof VerifierOutcome.RetryLater r
                                ? r.reason()
                                : o instanceof VerifierOutcome.Pending
                                        ? "Hunter is still verifying the address"
                                        : String.valueOf(o),
                        check,
                        () -> {
                            Answer r = send("/v2/email-verifier", query, verifierLimit, check, calls);
                            return counted("email-verifier", responses.parseVerifier(r.status(), r.body()));
                        });
    }

    /** The date the account's quota resets, if Hunter says. */
    public Optional<LocalDate> resetDate() {
        try {
            Answer r = send("/v2/account", "", null, () -> {}, new AtomicInteger());
            return responses.parseResetDate(r.status(), r.body());
        } catch (RuntimeException e) {
            LOG.warn(
                    "Could not read the Hunter account's reset date: {}",
                    HunterResponses.redactKey(String.valueOf(e.getMessage())));
            return Optional.empty();
        }
    }

    /** Counts an answer as classified, for /metrics and /health/ready. */
    private <T> T counted(String endpoint, T outcome) {
        providerCalls.record("hunter", endpoint, ProviderCalls.label(outcome));
        return outcome;
    }

    private void requireKey() {
        if (settings.apiKey().isBlank()) {
            throw new JobFailed("The Hunter API key is not set: set HUNTER_API_KEY.");
        }
    }

    /** @param limit the endpoint's rate limit; null for calls Hunter does not limit (account) */
    private Answer send(String path, String query, SharedRateLimiter limit, Runnable check, AtomicInteger calls) {
        if (limit != null) {
            limit.acquire(check);
        }
        try {
            bulkhead.acquirePermit();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JobFailed("interrupted while waiting for Hunter");
        }
        try {
            calls.incrementAndGet();
            try {
                return http.get(
                        path + "?" + (query.isEmpty() ? "" : query + "&") + "api_key=" + encode(settings.apiKey()),
                        Map.of());
            } catch (ProviderHttp.NoAnswer e) {
                // no answer (a timeout, a refused connection): read as Hunter's own error shape, with status 599
                return new Answer(
                        599,
                        "{\"errors\":[{\"id\":\"no_answer\",\"code\":599,\"details\":\"no answer from Hunter: "
                                + e.kind() + "\"}]}");
            }
        } finally {
            bulkhead.releasePermit();
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "HunterClient[" + settings + "]";
    }
}

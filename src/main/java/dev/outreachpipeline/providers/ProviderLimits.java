package dev.outreachpipeline.providers;

import java.time.Duration;
import javax.sql.DataSource;

/**
 * The shared rate limiters of the paid providers, named the same on every instance so that all of
 * them draw from one slot per endpoint.
 */
public final class ProviderLimits {

    public static final String DATAFORSEO = "dataforseo";
    public static final String HUNTER_SEARCH = "hunter-domain-search";
    public static final String HUNTER_VERIFIER = "hunter-email-verifier";
    public static final String LLM = "llm";

    private final DataSource dataSource;

    public ProviderLimits(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public SharedRateLimiter dataForSeo(int callsPerMinute) {
        return new SharedRateLimiter(dataSource, DATAFORSEO, RateSpacing.of(callsPerMinute, Duration.ofMinutes(1)));
    }

    public SharedRateLimiter hunterSearch(int perSecond, int perMinute) {
        return perSecondAndMinute(HUNTER_SEARCH, perSecond, perMinute);
    }

    public SharedRateLimiter hunterVerifier(int perSecond, int perMinute) {
        return perSecondAndMinute(HUNTER_VERIFIER, perSecond, perMinute);
    }

    /**
     * The LLM endpoint's limiter for one call of about {@code tokens} tokens: spaced at the stricter of
     * the requests and the tokens per minute, so a long prompt holds the next call back longer. The
     * slot is shared by name, so calls of any size draw from the same one.
     */
    public SharedRateLimiter llm(int requestsPerMinute, int tokensPerMinute, int tokens) {
        Duration byRequests = RateSpacing.of(requestsPerMinute, Duration.ofMinutes(1));
        Duration byTokens =
                Duration.ofMinutes(1).multipliedBy(Math.max(1, tokens)).dividedBy(Math.max(1, tokensPerMinute));
        return new SharedRateLimiter(dataSource, LLM, byRequests.compareTo(byTokens) >= 0 ? byRequests : byTokens);
    }

    private SharedRateLimiter perSecondAndMinute(String name, int perSecond, int perMinute) {
        return new SharedRateLimiter(
                dataSource,
                name,
                RateSpacing.strictest(
                        RateSpacing.of(perSecond, Duration.ofSeconds(1)),
                        RateSpacing.of(perMinute, Duration.ofMinutes(1))));
    }
}

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

    private SharedRateLimiter perSecondAndMinute(String name, int perSecond, int perMinute) {
        return new SharedRateLimiter(
                dataSource,
                name,
                RateSpacing.strictest(
                        RateSpacing.of(perSecond, Duration.ofSeconds(1)),
                        RateSpacing.of(perMinute, Duration.ofMinutes(1))));
    }
}

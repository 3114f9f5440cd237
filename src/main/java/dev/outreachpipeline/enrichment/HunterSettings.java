package dev.outreachpipeline.enrichment;

import dev.outreachpipeline.config.Masking;
import dev.outreachpipeline.config.OutreachConfig;
import java.time.Duration;

/** The Hunter part of the configuration; {@link #toString()} never shows the key. */
public record HunterSettings(
        String baseUrl,
        String apiKey,
        int perSecond,
        int perMinute,
        int verifierPerSecond,
        int verifierPerMinute,
        int concurrency,
        Duration timeout,
        int maxRetries,
        Duration retryDelay,
        Duration maxRetryDelay,
        boolean verify,
        int verifierChecks) {

    public static HunterSettings from(OutreachConfig c) {
        return new HunterSettings(
                c.get("outreach.hunter.base-url").replaceAll("/+$", ""),
                c.get("outreach.hunter.api-key"),
                c.getInt("outreach.hunter.requests-per-second"),
                c.getInt("outreach.hunter.requests-per-minute"),
                c.getInt("outreach.hunter.verifier-requests-per-second"),
                c.getInt("outreach.hunter.verifier-requests-per-minute"),
                c.getInt("outreach.hunter.concurrency"),
                Duration.ofSeconds(c.getInt("outreach.hunter.timeout-seconds")),
                c.getInt("outreach.hunter.max-retries"),
                Duration.ofMillis(c.getInt("outreach.hunter.retry-delay-ms")),
                Duration.ofMillis(c.getInt("outreach.hunter.max-retry-delay-ms")),
                c.getBoolean("outreach.hunter.verify"),
                c.getInt("outreach.hunter.verifier-checks"));
    }

    @Override
    public String toString() {
        return "HunterSettings[baseUrl=" + baseUrl + ", apiKey=" + (apiKey.isEmpty() ? "" : Masking.MASK) + "]";
    }
}

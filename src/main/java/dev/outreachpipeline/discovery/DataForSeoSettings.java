package dev.outreachpipeline.discovery;

import dev.outreachpipeline.config.Masking;
import dev.outreachpipeline.config.OutreachConfig;
import java.time.Duration;

/** The DataForSEO part of the configuration; {@link #toString()} never shows the password. */
public record DataForSeoSettings(
        String baseUrl,
        String login,
        String password,
        String mode,
        int callsPerMinute,
        int concurrency,
        Duration timeout,
        int maxRetries,
        Duration retryDelay,
        Duration maxRetryDelay,
        Duration pollInterval,
        Duration collectTimeout) {

    public static DataForSeoSettings from(OutreachConfig c) {
        return new DataForSeoSettings(
                c.get("outreach.dataforseo.base-url").replaceAll("/+$", ""),
                c.get("outreach.dataforseo.login"),
                c.get("outreach.dataforseo.password"),
                c.get("outreach.dataforseo.mode"),
                c.getInt("outreach.dataforseo.calls-per-minute"),
                c.getInt("outreach.dataforseo.concurrency"),
                Duration.ofSeconds(c.getInt("outreach.dataforseo.timeout-seconds")),
                c.getInt("outreach.dataforseo.max-retries"),
                Duration.ofMillis(c.getInt("outreach.dataforseo.retry-delay-ms")),
                Duration.ofMillis(c.getInt("outreach.dataforseo.max-retry-delay-ms")),
                Duration.ofSeconds(c.getInt("outreach.dataforseo.poll-seconds")),
                Duration.ofSeconds(c.getInt("outreach.dataforseo.collect-timeout-seconds")));
    }

    public boolean hasCredentials() {
        return !login.isBlank() && !password.isBlank();
    }

    @Override
    public String toString() {
        return "DataForSeoSettings[baseUrl=" + baseUrl + ", login=" + login + ", password="
                + (password.isEmpty() ? "" : Masking.MASK) + ", mode=" + mode + "]";
    }
}

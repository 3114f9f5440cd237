package dev.outreachpipeline.drafting.llm;

import dev.outreachpipeline.config.Masking;
import dev.outreachpipeline.config.OutreachConfig;
import java.time.Duration;

/**
 * The LLM writer's part of the configuration.
 *
 * @param enabled           {@code outreach.drafts.writer = llm}
 * @param autoApprove       {@code outreach.drafts.llm-auto-approve}; counts only with approval not required
 * @param brief             the global pitch brief, or "" (a campaign's brief.txt wins)
 * @param apiKey            sent as a Bearer token, never shown: {@link #toString()} leaves it out
 */
public record LlmSettings(
        boolean enabled,
        boolean autoApprove,
        String brief,
        String baseUrl,
        String model,
        String apiKey,
        int requestsPerMinute,
        int tokensPerMinute,
        int maxOutputTokens,
        Duration timeout,
        int maxRetries,
        Duration retryDelay,
        Duration maxRetryDelay) {

    public static LlmSettings from(OutreachConfig c) {
        return new LlmSettings(
                c.get("outreach.drafts.writer").strip().equals("llm"),
                c.getBoolean("outreach.drafts.llm-auto-approve"),
                c.get("outreach.drafts.llm-brief").strip(),
                c.get("outreach.llm.base-url").strip(),
                c.get("outreach.llm.model").strip(),
                c.get("outreach.llm.api-key").strip(),
                c.getInt("outreach.llm.requests-per-minute"),
                c.getInt("outreach.llm.tokens-per-minute"),
                c.getInt("outreach.llm.max-output-tokens"),
                Duration.ofSeconds(c.getInt("outreach.llm.timeout-seconds")),
                c.getInt("outreach.llm.max-retries"),
                Duration.ofMillis(c.getInt("outreach.llm.retry-delay-ms")),
                Duration.ofMillis(c.getInt("outreach.llm.max-retry-delay-ms")));
    }

    @Override
    public String toString() {
        return "LlmSettings[" + (enabled ? "llm" : "template") + " writer, " + Masking.maskUrl(baseUrl) + ", model "
                + model + ", key " + (apiKey.isBlank() ? "not set" : "set") + ", " + requestsPerMinute + "/min, "
                + tokensPerMinute + " tokens/min, timeout " + timeout.toSeconds() + " s, " + maxRetries + " retries]";
    }
}

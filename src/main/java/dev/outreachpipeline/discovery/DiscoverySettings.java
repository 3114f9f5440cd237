package dev.outreachpipeline.discovery;

import dev.outreachpipeline.config.OutreachConfig;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** The discovery part of the configuration. */
public record DiscoverySettings(
        int maxQueriesPerLocation,
        int defaultMaxResults,
        String languageCode,
        int depth,
        String device,
        DedupeMode dedupeMode,
        Set<String> resultTypes) {

    public static DiscoverySettings from(OutreachConfig c) {
        return new DiscoverySettings(
                c.getInt("outreach.discovery.max-queries-per-location"),
                c.getInt("outreach.discovery.default-max-results"),
                c.get("outreach.discovery.language-code"),
                c.getInt("outreach.discovery.depth"),
                c.get("outreach.discovery.device"),
                c.get("outreach.discovery.dedupe-by").equals("registrable-domain")
                        ? DedupeMode.REGISTRABLE_DOMAIN
                        : DedupeMode.HOST,
                Arrays.stream(c.get("outreach.discovery.result-types").split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .collect(Collectors.toUnmodifiableSet()));
    }
}

package dev.outreachpipeline.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recurring discovery's request, from the settings row {@code automation} in the shape the
 * predecessor wrote it: {@code {enabled, automatic_scraper, locations[], categories[], keywords,
 * max_results}}. A disabled or invalid automation enqueues nothing; an invalid one says why in the log
 * at every firing, rather than running with a guessed location.
 */
public final class DiscoverySchedule {

    private static final Logger LOG = LoggerFactory.getLogger(DiscoverySchedule.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Locations locations;
    private final Categories categories;
    private final int defaultMaxResults;

    public DiscoverySchedule(Locations locations, Categories categories, int defaultMaxResults) {
        this.locations = locations;
        this.categories = categories;
        this.defaultMaxResults = defaultMaxResults;
    }

    /** The discover job's params, or null when nothing is to be enqueued. */
    public String paramsIfEnabled(String automationJson) {
        if (automationJson == null) {
            LOG.info("Scheduled discovery: no 'automation' setting, nothing enqueued");
            return null;
        }
        JsonNode automation;
        try {
            automation = JSON.readTree(automationJson);
        } catch (java.io.IOException e) {
            LOG.warn("Scheduled discovery: the 'automation' setting is not valid JSON; nothing enqueued");
            return null;
        }
        if (!automation.path("enabled").asBoolean(false)) {
            LOG.info("Scheduled discovery: automation is disabled, nothing enqueued");
            return null;
        }
        DiscoverRequest request = DiscoveryParams.fromJson(automationJson, defaultMaxResults);
        List<String> problems = DiscoverRequestValidator.validate(request, locations, categories);
        if (!problems.isEmpty()) {
            LOG.warn(
                    "Scheduled discovery: the 'automation' setting cannot be run, nothing enqueued: {}",
                    String.join(" ", problems));
            return null;
        }
        return DiscoveryParams.toJson(request);
    }
}

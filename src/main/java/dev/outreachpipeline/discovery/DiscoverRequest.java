package dev.outreachpipeline.discovery;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a discover job is asked to do (the {@code params} of a {@code discover} job): comma-separated
 * keywords, location names or codes, category names, and how many prospects to save at most.
 * Null keywords or lists are read as empty; nothing is checked here — see {@link DiscoverRequestValidator}.
 */
public record DiscoverRequest(String keywords, List<String> locations, List<String> categories, int maxResults) {

    public DiscoverRequest {
        keywords = keywords == null ? "" : keywords;
        locations = copy(locations);
        categories = copy(categories);
    }

    // Not List.copyOf: a request read from JSON may hold a null entry, which the validator reports.
    private static List<String> copy(List<String> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }
}

package dev.outreachpipeline.campaigns;

import dev.outreachpipeline.discovery.QueryPlanner;
import java.util.List;

/**
 * The settings a {@code campaign create} or {@code campaign update} was given. A null field was not
 * given and leaves the setting as it is; an empty one ("" or an empty list) clears it (no site, no
 * schedule, the global templates, the configured maximum, nothing saved for that part of the search).
 *
 * @param keywords comma-separated, as typed
 */
public record CampaignChanges(
        String site,
        String keywords,
        List<String> categories,
        List<String> locations,
        String maxResults,
        String schedule,
        String templates,
        String mailbox) {

    /** {@code base} with these changes made; nothing is checked here (see {@link CampaignValidator}). */
    public Campaign applyTo(Campaign base) {
        return new Campaign(
                base.id(),
                base.name(),
                base.status(),
                site == null ? base.siteUrl() : blankToNull(site),
                keywords == null ? base.keywords() : QueryPlanner.splitKeywords(keywords),
                categories == null ? base.categories() : trimmed(categories),
                locations == null ? base.locations() : trimmed(locations),
                maxResults == null ? base.maxResults() : maxResultsOrNull(maxResults),
                schedule == null ? base.schedule() : blankToNull(schedule),
                templates == null ? base.templatesDir() : blankToNull(templates),
                mailbox == null ? base.mailbox() : mailbox.strip(),
                base.createdAt(),
                base.updatedAt());
    }

    /** Whether any setting was given at all. */
    public boolean any() {
        return site != null
                || keywords != null
                || categories != null
                || locations != null
                || maxResults != null
                || schedule != null
                || templates != null
                || mailbox != null;
    }

    /**
     * Why the maximum given is not a whole number, or null. Taken as text rather than parsed by
     * picocli, so that a typo in it is reported together with every other problem.
     */
    public String maxResultsProblem() {
        if (maxResults == null || maxResults.isBlank() || maxResultsOrNull(maxResults) != null) {
            return null;
        }
        return "The maximum number of results '" + maxResults.strip() + "' is not a whole number.";
    }

    private static Integer maxResultsOrNull(String text) {
        try {
            return text.isBlank() ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s.isBlank() ? null : s.strip();
    }

    private static List<String> trimmed(List<String> values) {
        return values.stream()
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .distinct()
                .toList();
    }
}

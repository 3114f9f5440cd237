package dev.outreachpipeline.campaigns;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One outreach effort as the {@code campaigns} table keeps it: its target site, its saved search
 * (keywords, categories, locations, maximum results), its schedule, templates and mailbox.
 *
 * @param siteUrl      the site we want links to, or null
 * @param maxResults   null: the configured default ({@code outreach.discovery.default-max-results})
 * @param schedule     a Quartz cron expression, or null for none
 * @param templatesDir null: the global templates
 * @param createdAt    null until stored
 */
public record Campaign(
        UUID id,
        String name,
        String status,
        String siteUrl,
        List<String> keywords,
        List<String> categories,
        List<String> locations,
        Integer maxResults,
        String schedule,
        String templatesDir,
        String mailbox,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    /** The campaign every prospect found without one belongs to (V17 inserts it). */
    public static final String DEFAULT = "default";

    public static final String ACTIVE = "active";
    public static final String PAUSED = "paused";
    public static final String ARCHIVED = "archived";

    public Campaign {
        keywords = List.copyOf(keywords);
        categories = List.copyOf(categories);
        locations = List.copyOf(locations);
    }

    /** A campaign not yet stored: active, nothing saved, sending from the default mailbox. */
    public static Campaign named(String name) {
        return new Campaign(
                null,
                name,
                ACTIVE,
                null,
                List.of(),
                List.of(),
                List.of(),
                null,
                null,
                null,
                KnownMailboxes.DEFAULT,
                null,
                null);
    }

    /** Its settings as JSON shows them, in a fixed order (the keys scripts read). */
    public Map<String, Object> settings() {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", id == null ? null : id.toString());
        m.put("name", name);
        m.put("status", status);
        m.put("site", siteUrl);
        m.put("keywords", keywords);
        m.put("categories", categories);
        m.put("locations", locations);
        m.put("max_results", maxResults);
        m.put("schedule", schedule);
        m.put("templates", templatesDir);
        m.put("mailbox", mailbox);
        m.put("created_at", createdAt == null ? null : createdAt.toInstant().toString());
        m.put("updated_at", updatedAt == null ? null : updatedAt.toInstant().toString());
        return m;
    }
}

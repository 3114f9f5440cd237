package dev.outreachpipeline.discovery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a discover request into the SERP queries to run, every query once per location.
 *
 * <p>The rule:
 * <ul>
 *   <li>keywords and categories: each keyword is combined with each phrase of each selected category,
 *       as {@code "<keyword> <phrase>"} with that category — keyword by keyword, categories in the
 *       order selected, phrases in the order the category table lists them;</li>
 *   <li>keywords only: each keyword is a query on its own, with no category;</li>
 *   <li>categories only: each phrase of each selected category is a query, with that category.</li>
 * </ul>
 * Keywords come as one comma-separated string: split on commas, trimmed, runs of spaces made one,
 * empty pieces dropped. For each location the queries are de-duplicated ignoring case, in order (the
 * first spelling and its category are kept), and cut to the per-location cap, so a broad request costs
 * at most {@code cap × locations} paid SERP calls. The result is ordered by location (in the order
 * given; a location code given twice is searched once) and then by query.
 */
public final class QueryPlanner {

    public static final int DEFAULT_MAX_QUERIES_PER_LOCATION = 20;

    private final Categories categories;
    private final int maxQueriesPerLocation;

    public QueryPlanner(Categories categories) {
        this(categories, DEFAULT_MAX_QUERIES_PER_LOCATION);
    }

    /** @param maxQueriesPerLocation at least 1 ({@code outreach.discovery.max-queries-per-location}) */
    public QueryPlanner(Categories categories, int maxQueriesPerLocation) {
        if (maxQueriesPerLocation < 1) {
            throw new IllegalArgumentException("the cap on queries per location must be at least 1, is " + maxQueriesPerLocation);
        }
        this.categories = categories;
        this.maxQueriesPerLocation = maxQueriesPerLocation;
    }

    /**
     * @param keywords   comma-separated keywords; null or blank for none
     * @param categories selected category names (any case); null or empty for none
     * @param locations  where to search; an empty list plans nothing
     * @throws IllegalArgumentException when there are neither keywords nor categories
     * @throws UnknownNameException     for a category the table does not have
     */
    public List<PlannedQuery> plan(String keywords, List<String> categories, List<Location> locations) {
        List<String> words = splitKeywords(keywords);
        List<String> selected = categories == null ? List.of() : categories;
        if (words.isEmpty() && selected.isEmpty()) {
            throw new IllegalArgumentException("nothing to search for: give keywords, categories or both");
        }
        List<Query> queries = capped(deduplicated(queries(words, selected)));

        var byCode = new LinkedHashMap<Integer, Location>();
        for (Location location : locations) {
            byCode.putIfAbsent(location.code(), location);
        }
        var planned = new ArrayList<PlannedQuery>(queries.size() * byCode.size());
        for (Location location : byCode.values()) {
            for (Query q : queries) {
                planned.add(new PlannedQuery(q.text(), location.name(), location.code(), q.category()));
            }
        }
        return List.copyOf(planned);
    }

    /** "garden, , patio  lights ," → [garden, patio lights]. Null or blank → empty. */
    public static List<String> splitKeywords(String keywords) {
        if (keywords == null) {
            return List.of();
        }
        return Arrays.stream(keywords.split(","))
                .map(k -> k.trim().replaceAll("\\s+", " "))
                .filter(k -> !k.isEmpty())
                .toList();
    }

    private record Query(String text, String category) {
    }

    private List<Query> queries(List<String> words, List<String> selected) {
        Map<String, List<String>> phrases = new LinkedHashMap<>();
        for (String category : selected) {
            String name = this.categories.find(category)
                    .orElseThrow(() -> new UnknownNameException(this.categories.unknownMessage(category)));
            phrases.putIfAbsent(name, this.categories.phrases(name));
        }
        var result = new ArrayList<Query>();
        if (phrases.isEmpty()) {
            words.forEach(w -> result.add(new Query(w, null)));
        } else if (words.isEmpty()) {
            phrases.forEach((category, list) -> list.forEach(p -> result.add(new Query(p, category))));
        } else {
            for (String word : words) {
                phrases.forEach((category, list) -> list.forEach(p -> result.add(new Query(word + " " + p, category))));
            }
        }
        return result;
    }

    private static List<Query> deduplicated(List<Query> queries) {
        var seen = new HashSet<String>();
        return queries.stream().filter(q -> seen.add(q.text().toLowerCase(Locale.ROOT))).toList();
    }

    private List<Query> capped(List<Query> queries) {
        return queries.size() <= maxQueriesPerLocation ? queries : queries.subList(0, maxQueriesPerLocation);
    }
}

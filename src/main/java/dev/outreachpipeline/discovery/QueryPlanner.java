package dev.outreachpipeline.discovery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
 * empty pieces dropped.
 *
 * <p>The queries are taken round-robin: the first phrase with every keyword, then the next phrase,
 * each category in turn; and the locations in turn, query by query, sweep after sweep, so that the
 * first queries run cover every keyword and every location (two keywords in usa and uk run as
 * k1 usa, k2 uk, k1 uk, k2 usa). A job that reaches
 * {@code max_results}, and the per-location cap, then cut the plan across everything asked for
 * rather than searching only the first keyword in the first location. For each location the
 * queries are de-duplicated ignoring case, in that order (the first spelling and its category are
 * kept), and cut to the per-location cap, so a broad request costs at most {@code cap × locations}
 * paid SERP calls; the {@link QueryPlan} says how many the cap dropped. A location code given twice
 * is searched once.
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
            throw new IllegalArgumentException(
                    "the cap on queries per location must be at least 1, is " + maxQueriesPerLocation);
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
        return fullPlan(keywords, categories, locations).queries();
    }

    /** As {@link #plan}, with how many queries were asked for and how many the cap dropped. */
    public QueryPlan fullPlan(String keywords, List<String> categories, List<Location> locations) {
        List<String> words = splitKeywords(keywords);
        List<String> selected = categories == null ? List.of() : categories;
        if (words.isEmpty() && selected.isEmpty()) {
            throw new IllegalArgumentException("nothing to search for: give keywords, categories or both");
        }
        List<Query> wanted = deduplicated(queries(words, selected));
        List<Query> queries = capped(wanted);

        var byCode = new LinkedHashMap<Integer, Location>();
        for (Location location : locations) {
            byCode.putIfAbsent(location.code(), location);
        }
        // Sweeps over the queries, each query in the next location at every sweep: the first
        // sweep already searches every query and (given as many queries) every location.
        List<Location> places = List.copyOf(byCode.values());
        var planned = new ArrayList<PlannedQuery>(queries.size() * places.size());
        for (int sweep = 0; sweep < places.size(); sweep++) {
            for (int i = 0; i < queries.size(); i++) {
                Query q = queries.get(i);
                Location location = places.get((i + sweep) % places.size());
                planned.add(new PlannedQuery(q.text(), location.name(), location.code(), q.category()));
            }
        }
        return new QueryPlan(List.copyOf(planned), wanted.size() * byCode.size(), maxQueriesPerLocation);
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

    private record Query(String text, String category) {}

    /** A query and its place in the round-robin: which phrase of its category, which category, which keyword. */
    private record Ranked(Query query, int phrase, int category, int keyword) {}

    private List<Query> queries(List<String> words, List<String> selected) {
        Map<String, List<String>> phrases = new LinkedHashMap<>();
        for (String category : selected) {
            String name = this.categories
                    .find(category)
                    .orElseThrow(() -> new UnknownNameException(this.categories.unknownMessage(category)));
            phrases.putIfAbsent(name, this.categories.phrases(name));
        }
        var ranked = new ArrayList<Ranked>();
        if (phrases.isEmpty()) {
            for (int k = 0; k < words.size(); k++) {
                ranked.add(new Ranked(new Query(words.get(k), null), 0, 0, k));
            }
        } else {
            List<String> prefixes = words.isEmpty()
                    ? List.of("")
                    : words.stream().map(w -> w + " ").toList();
            for (int k = 0; k < prefixes.size(); k++) {
                int c = 0;
                for (Map.Entry<String, List<String>> category : phrases.entrySet()) {
                    List<String> list = category.getValue();
                    for (int p = 0; p < list.size(); p++) {
                        ranked.add(new Ranked(new Query(prefixes.get(k) + list.get(p), category.getKey()), p, c, k));
                    }
                    c++;
                }
            }
        }
        // Round-robin: every keyword gets its first phrase of each category before any gets its second.
        ranked.sort(Comparator.comparingInt(Ranked::phrase)
                .thenComparingInt(Ranked::category)
                .thenComparingInt(Ranked::keyword));
        return ranked.stream().map(Ranked::query).toList();
    }

    private static List<Query> deduplicated(List<Query> queries) {
        var seen = new HashSet<String>();
        return queries.stream()
                .filter(q -> seen.add(q.text().toLowerCase(Locale.ROOT)))
                .toList();
    }

    private List<Query> capped(List<Query> queries) {
        return queries.size() <= maxQueriesPerLocation ? queries : queries.subList(0, maxQueriesPerLocation);
    }
}

package dev.outreachpipeline.discovery;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Checks a {@link DiscoverRequest} before any paid call is made, and reports every problem at once,
 * each as a sentence an operator can act on (the job fails with all of them, not just the first).
 */
public final class DiscoverRequestValidator {

    /** DataForSEO refuses a {@code keyword} longer than this. */
    public static final int MAX_KEYWORD_LENGTH = 700;

    public static final int MIN_MAX_RESULTS = 1;
    public static final int MAX_MAX_RESULTS = 1000;
    private static final int SHOWN_KEYWORD_LENGTH = 40;

    private DiscoverRequestValidator() {}

    /** @return every problem with the request; empty when it can be planned */
    public static List<String> validate(DiscoverRequest request, Locations locations, Categories categories) {
        var problems = new LinkedHashSet<String>(); // a name given twice is reported once
        if (QueryPlanner.splitKeywords(request.keywords()).isEmpty()
                && request.categories().isEmpty()) {
            problems.add("The request has no keywords and no categories: give keywords, categories or both.");
        }
        if (request.locations().isEmpty()) {
            problems.add("The request has no locations: name at least one, e.g. usa.");
        }
        problems.addAll(validateGiven(request, locations, categories));
        return List.copyOf(problems);
    }

    /**
     * The checks of {@link #validate} on what the request names, without asking for anything it
     * leaves out: a campaign's saved search may hold only locations, and a job adds the rest.
     *
     * @return every problem with the keywords, locations, categories and maximum given
     */
    public static List<String> validateGiven(DiscoverRequest request, Locations locations, Categories categories) {
        var problems = new LinkedHashSet<String>(); // a name given twice is reported once
        List<String> keywords = QueryPlanner.splitKeywords(request.keywords());
        for (String name : request.locations()) {
            if (ControlCharacters.any(name)) {
                problems.add(controlCharacters("location", name));
            } else if (locations.find(name).isEmpty()) {
                problems.add(sentence(locations.unknownMessage(name)));
            }
        }
        var knownCategories = new ArrayList<String>();
        for (String name : request.categories()) {
            if (ControlCharacters.any(name)) {
                problems.add(controlCharacters("category", name));
                continue;
            }
            categories
                    .find(name)
                    .ifPresentOrElse(
                            knownCategories::add, () -> problems.add(sentence(categories.unknownMessage(name))));
        }
        String longestPhrase = "";
        String longestPhraseCategory = null;
        for (String category : knownCategories) {
            for (String phrase : categories.phrases(category)) {
                if (phrase.length() > longestPhrase.length()) {
                    longestPhrase = phrase;
                    longestPhraseCategory = category;
                }
            }
        }
        // Checked before splitting: trimming would quietly drop control characters at either end.
        for (String piece : request.keywords().split(",")) {
            if (ControlCharacters.anyBesidesLineBreaks(piece)) {
                problems.add(controlCharacters("keyword", piece.strip()));
            }
        }
        for (String keyword : keywords) {
            if (ControlCharacters.any(keyword)) {
                continue; // reported above
            } else if (keyword.length() > MAX_KEYWORD_LENGTH) {
                problems.add("The keyword '" + shorten(keyword) + "' is " + keyword.length()
                        + " characters long; DataForSEO accepts at most " + MAX_KEYWORD_LENGTH + ".");
            } else if (longestPhraseCategory != null
                    && keyword.length() + 1 + longestPhrase.length() > MAX_KEYWORD_LENGTH) {
                problems.add("The keyword '" + shorten(keyword) + "' (" + keyword.length() + " characters) with the "
                        + longestPhraseCategory + " phrase '" + longestPhrase + "' makes a query of "
                        + (keyword.length() + 1 + longestPhrase.length()) + " characters; DataForSEO accepts at most "
                        + MAX_KEYWORD_LENGTH + ".");
            }
        }
        if (request.maxResults() < MIN_MAX_RESULTS || request.maxResults() > MAX_MAX_RESULTS) {
            problems.add("The maximum number of results (max_results) must be between " + MIN_MAX_RESULTS + " and "
                    + MAX_MAX_RESULTS + ", is " + request.maxResults() + ".");
        }
        return List.copyOf(problems);
    }

    /**
     * The queries a valid request runs (see {@link QueryPlanner} for the rule).
     *
     * @param maxQueriesPerLocation {@code outreach.discovery.max-queries-per-location}
     * @throws InvalidDiscoverRequestException with every problem, when the request is not valid
     */
    public static List<PlannedQuery> plan(
            DiscoverRequest request, Locations locations, Categories categories, int maxQueriesPerLocation) {
        return queryPlan(request, locations, categories, maxQueriesPerLocation).queries();
    }

    /** As {@link #plan}, with what the per-location cap dropped. */
    public static QueryPlan queryPlan(
            DiscoverRequest request, Locations locations, Categories categories, int maxQueriesPerLocation) {
        List<String> problems = validate(request, locations, categories);
        if (!problems.isEmpty()) {
            throw new InvalidDiscoverRequestException(problems);
        }
        List<Location> resolved =
                request.locations().stream().map(locations::resolve).toList();
        return new QueryPlanner(categories, maxQueriesPerLocation)
                .fullPlan(request.keywords(), request.categories(), resolved);
    }

    /** DataForSEO would search for them (and bill the call), and PostgreSQL cannot store U+0000: refused. */
    private static String controlCharacters(String what, String value) {
        return "The " + what + " '" + shorten(ControlCharacters.visible(value)) + "' contains control characters ("
                + ControlCharacters.named(value) + "); remove them.";
    }

    private static String shorten(String keyword) {
        return keyword.length() <= SHOWN_KEYWORD_LENGTH ? keyword : keyword.substring(0, SHOWN_KEYWORD_LENGTH) + "…";
    }

    private static String sentence(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".";
    }
}

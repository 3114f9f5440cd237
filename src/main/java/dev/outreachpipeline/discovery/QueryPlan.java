package dev.outreachpipeline.discovery;

import java.util.List;

/**
 * The queries a discover job runs, and what the per-location cap left out of what was asked for.
 *
 * @param queries               the (query, location) pairs to run, in run order
 * @param asked                 the distinct (query, location) pairs the request asked for, before the cap
 * @param maxQueriesPerLocation the cap that applied ({@code outreach.discovery.max-queries-per-location})
 */
public record QueryPlan(List<PlannedQuery> queries, int asked, int maxQueriesPerLocation) {

    /** How many asked-for queries the cap dropped. */
    public int droppedByCap() {
        return asked - queries.size();
    }

    /**
     * Why queries were dropped and which setting runs them, as a sentence; null when none were.
     * Says the setting's key and its environment variable, since either may be where it is set.
     */
    public String droppedSentence() {
        if (droppedByCap() <= 0) {
            return null;
        }
        return droppedByCap() + " of the " + asked
                + " queries asked for are dropped: outreach.discovery.max-queries-per-location"
                + " (OUTREACH_DISCOVERY_MAX_QUERIES_PER_LOCATION) runs at most " + maxQueriesPerLocation
                + " per location, so " + queries.size() + " will run. Raise it to run them all.";
    }
}

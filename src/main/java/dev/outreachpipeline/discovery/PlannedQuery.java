package dev.outreachpipeline.discovery;

/**
 * One SERP query to run: what becomes a {@code discovery_queries} row of a discover job.
 *
 * @param keyword      the search text sent to DataForSEO, e.g. "garden home decor blog"
 * @param location     the location name as the request resolved it, e.g. "usa"
 * @param locationCode the DataForSEO {@code location_code}, e.g. 2840
 * @param category     the category whose phrase is part of the query, or null for a bare keyword
 */
public record PlannedQuery(String keyword, String location, int locationCode, String category) {}

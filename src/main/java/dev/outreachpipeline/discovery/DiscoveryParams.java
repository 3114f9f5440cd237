package dev.outreachpipeline.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A discover job's {@code params} as stored in the jobs table:
 * {@code {"keywords": "a, b", "locations": [...], "categories": [...], "max_results": 100}} —
 * the predecessor's shape, so its automation settings can be enqueued as they are — and, for a job
 * submitted for a campaign, {@code "campaign": "NAME"} (enqueue-job.sql records it as the job's
 * campaign; a discover job that names none belongs to 'default').
 */
public final class DiscoveryParams {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DiscoveryParams() {}

    public static String toJson(DiscoverRequest request) {
        ObjectNode node = JSON.createObjectNode();
        node.put("keywords", request.keywords());
        ArrayNode locations = node.putArray("locations");
        request.locations().forEach(locations::add);
        ArrayNode categories = node.putArray("categories");
        request.categories().forEach(categories::add);
        node.put("max_results", request.maxResults());
        return node.toString();
    }

    /**
     * As {@link #toJson(DiscoverRequest)}, recording what the per-location cap dropped (when it dropped
     * anything) under {@code queries_dropped}, so that {@code job show} says it as submit did.
     */
    public static String toJson(DiscoverRequest request, QueryPlan plan) {
        if (plan.droppedByCap() <= 0) {
            return toJson(request);
        }
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(toJson(request));
            node.putObject("queries_dropped")
                    .put("count", plan.droppedByCap())
                    .put("of", plan.asked())
                    .put("max_queries_per_location", plan.maxQueriesPerLocation())
                    .put("why", plan.droppedSentence());
            return node.toString();
        } catch (IOException e) {
            throw new IllegalStateException("params just written could not be read back", e);
        }
    }

    /** As {@link #toJson(DiscoverRequest, QueryPlan)}, for the campaign named (none when null). */
    public static String toJson(DiscoverRequest request, QueryPlan plan, String campaign) {
        String json = toJson(request, plan);
        return campaign == null ? json : withCampaign(json, campaign);
    }

    /** As {@link #toJson(DiscoverRequest)}, for the campaign named. */
    public static String toJson(DiscoverRequest request, String campaign) {
        return withCampaign(toJson(request), campaign);
    }

    private static String withCampaign(String json, String campaign) {
        try {
            return ((ObjectNode) JSON.readTree(json)).put("campaign", campaign).toString();
        } catch (IOException e) {
            throw new IllegalStateException("params just written could not be read back", e);
        }
    }

    /** @param defaultMaxResults used when the params name no maximum */
    public static DiscoverRequest fromJson(String json, int defaultMaxResults) {
        JsonNode node;
        try {
            node = JSON.readTree(json == null ? "{}" : json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("the job's params are not valid JSON: " + e.getOriginalMessage());
        }
        JsonNode keywords = node.path("keywords");
        String keywordText = keywords.isArray() ? String.join(", ", strings(keywords)) : keywords.asText("");
        int max = node.path("max_results").isNumber() ? node.path("max_results").asInt() : defaultMaxResults;
        return new DiscoverRequest(keywordText, strings(node.path("locations")), strings(node.path("categories")), max);
    }

    private static List<String> strings(JsonNode node) {
        var out = new ArrayList<String>();
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else if (node.isTextual() && !node.asText().isBlank()) {
            for (String part : node.asText().split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }
}

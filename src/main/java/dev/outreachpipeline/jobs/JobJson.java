package dev.outreachpipeline.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A job as JSON: one row as {@code job list --json} and {@code GET /api/v1/jobs} give it, and the whole
 * job (with its queries) as {@code job show --json} and {@code GET /api/v1/jobs/{id}} give it.
 */
public final class JobJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JobJson() {}

    /** The row's fields; params and result as the JSON they hold. */
    public static ObjectNode row(JobRow r) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", r.id().toString());
        n.put("type", r.type());
        n.put("status", r.status());
        n.put("origin", r.origin());
        n.put("campaign", r.campaign());
        n.set("params", parse(r.params()));
        n.set("result", parse(r.result()));
        n.put("error_message", r.errorMessage());
        n.put("attempts", r.attempts());
        n.put("claimed_by", r.claimedBy());
        n.put("created_at", String.valueOf(r.createdAt()));
        n.put("started_at", r.startedAt() == null ? null : r.startedAt().toString());
        n.put("finished_at", r.finishedAt() == null ? null : r.finishedAt().toString());
        return n;
    }

    /** The row, then (a discover job) its existing results by campaign, then its queries. */
    public static ObjectNode shown(JobRow r, List<JobStore.QueryRow> queries, Map<String, Long> existingByCampaign) {
        ObjectNode node = row(r);
        if ("discover".equals(r.type())) {
            ObjectNode existing = node.putObject("existing_by_campaign");
            existingByCampaign.forEach(existing::put);
        }
        ArrayNode qs = node.putArray("queries");
        queries.forEach(q -> qs.add(JSON.valueToTree(q)));
        return node;
    }

    /** Reads a JSON column: an empty object for null, the text itself when it is not JSON. */
    public static JsonNode parse(String json) {
        try {
            return json == null ? JSON.createObjectNode() : JSON.readTree(json);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(json);
        }
    }
}

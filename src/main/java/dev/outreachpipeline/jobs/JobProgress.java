package dev.outreachpipeline.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * How far a job has come, as {@code job submit --wait} follows it and the console's job page shows it:
 * its status, its discovery queries done of planned, the prospects they saved and what they cost.
 *
 * @param done queries no longer waiting to be posted or collected
 */
public record JobProgress(String status, long done, long total, long saved, BigDecimal cost) {

    /** The statuses a job does not leave again. */
    public static final Set<String> ENDED = Set.of("completed", "failed", "cancelled");

    public static JobProgress of(JobRow row, List<JobStore.QueryRow> queries) {
        long done = queries.stream()
                .filter(q -> !q.status().equals("pending") && !q.status().startsWith("post"))
                .count();
        long saved = queries.stream().mapToLong(JobStore.QueryRow::saved).sum();
        BigDecimal cost = queries.stream()
                .map(JobStore.QueryRow::cost)
                .filter(c -> c != null)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new JobProgress(row.status(), done, queries.size(), saved, cost);
    }

    public boolean ended() {
        return ENDED.contains(status);
    }

    /** One short line: the status, then (a job with queries) how many are done and what they saved. */
    public String line() {
        return status + (total == 0 ? "" : ", " + done + "/" + total + " queries done, " + saved + " prospects saved");
    }

    /** What a job came to in one line, as `job list` prints it: its error, or its result's counts. */
    public static String outcome(JobRow r) {
        if (r.errorMessage() != null && !"completed".equals(r.status())) {
            return r.errorMessage();
        }
        JsonNode result = JobJson.parse(r.result());
        if (result.has("results_saved")) {
            return result.path("results_saved").asLong() + " saved of "
                    + result.path("results_found").asLong() + " found, "
                    + result.path("queries_succeeded").asLong() + "/"
                    + result.path("queries_planned").asLong() + " queries";
        }
        return counts(result, r.result());
    }

    /**
     * A result of counts as words ({"sent": 3, "provider_calls": 3} is "sent 3, provider calls 3"); any
     * other shape as it was stored.
     */
    private static String counts(JsonNode result, String stored) {
        if (!result.isObject()) {
            return stored == null ? "" : stored;
        }
        var words = new StringJoiner(", ");
        for (var field : result.properties()) {
            if (!field.getValue().isValueNode()) {
                return stored;
            }
            words.add(field.getKey().replace('_', ' ') + " " + field.getValue().asText());
        }
        return words.toString();
    }
}

package dev.outreachpipeline.discovery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outreachpipeline.jobs.JobCheck;
import dev.outreachpipeline.jobs.JobFailed;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the discovery routes ask of Java: the plan of a job, one query's SERP call, the accounting
 * of its results, and the job's totals. Every database write stays in the routes.
 */
public final class DiscoverJob {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(DiscoverJob.class);

    private final DiscoverySettings settings;
    private final Locations locations;
    private final Categories categories;
    private final DataForSeoClient client;
    private final JobCheck jobCheck;
    private final SentCalls sentCalls;

    public DiscoverJob(
            DiscoverySettings settings,
            Locations locations,
            Categories categories,
            DataForSeoClient client,
            JobCheck jobCheck,
            SentCalls sentCalls) {
        this.settings = settings;
        this.locations = locations;
        this.categories = categories;
        this.client = client;
        this.jobCheck = jobCheck;
        this.sentCalls = sentCalls;
    }

    /** The job's (query, location) pairs as rows for the plan statement, in order. */
    public String planJson(String paramsJson, String jobId) {
        QueryPlan plan = queryPlan(paramsJson);
        if (plan.droppedByCap() > 0) {
            LOG.info("Job {}: {}", jobId, plan.droppedSentence());
        }
        var rows = JSON.createArrayNode();
        int position = 0;
        for (PlannedQuery q : plan.queries()) {
            ObjectNode row = rows.addObject();
            row.put("keyword", q.keyword());
            row.put("location", q.location());
            row.put("location_code", q.locationCode());
            row.put("category", q.category());
            row.put("position", position++);
        }
        return rows.toString();
    }

    private QueryPlan queryPlan(String paramsJson) {
        try {
            return DiscoverRequestValidator.queryPlan(
                    request(paramsJson), locations, categories, settings.maxQueriesPerLocation());
        } catch (InvalidDiscoverRequestException e) {
            throw new JobFailed("The job's request is not valid: " + String.join(" ", e.problems()));
        }
    }

    public int maxResults(String paramsJson) {
        return request(paramsJson).maxResults();
    }

    private DiscoverRequest request(String paramsJson) {
        try {
            return DiscoveryParams.fromJson(paramsJson, settings.defaultMaxResults());
        } catch (IllegalArgumentException e) {
            throw new JobFailed("The job's request cannot be read: " + e.getMessage());
        }
    }

    /** One query through the live endpoint; the job is checked before every attempt. */
    public SerpCall runLive(Map<String, Object> query, String jobId, String worker) {
        return client.live(task(query), jobCheck.of(jobId, worker), sentCalls.of(String.valueOf(query.get("id"))));
    }

    /** The DataForSEO task for a query row; its tag carries the query's id back to us. */
    public SerpTask task(Map<String, Object> query) {
        return new SerpTask(
                String.valueOf(query.get("keyword")),
                ((Number) query.get("location_code")).intValue(),
                settings.languageCode(),
                settings.depth(),
                settings.device(),
                "q:" + query.get("id"));
    }

    /** The SERP's wanted items, ready to classify; an item that held control characters is logged, once. */
    public SerpBatch batch(SerpCall call, String queryId) {
        SerpBatch batch = SerpBatch.of(call, settings.resultTypes(), settings.dedupeMode());
        for (SerpItem item : batch.cleaned()) {
            LOG.info("Query {}: the result at rank {}: {}", queryId, item.rankAbsolute(), item.cleaning());
        }
        return batch;
    }

    /** @param known rows of (domain, same_job, campaign_id) for the SERP's domains already stored */
    public void classify(SerpBatch batch, List<Map<String, Object>> known, int maxResults, Number savedSoFar) {
        Map<String, Boolean> byDomain = new HashMap<>();
        for (Map<String, Object> row : known) {
            byDomain.put((String) row.get("domain"), Boolean.TRUE.equals(row.get("same_job")));
        }
        batch.classify(byDomain, owners(known), Math.max(0, maxResults - savedSoFar.longValue()));
    }

    /** Which candidates the insert stored; the others a concurrent job stored a moment earlier. */
    public void inserted(SerpBatch batch, List<Map<String, Object>> inserted) {
        batch.inserted(inserted.stream().map(r -> (String) r.get("domain")).collect(Collectors.toSet()));
    }

    /** @param known rows of (domain, campaign_id) for the domains a concurrent job stored first */
    public void lostTo(SerpBatch batch, List<Map<String, Object>> known) {
        batch.lostTo(owners(known));
    }

    private static Map<String, String> owners(List<Map<String, Object>> known) {
        Map<String, String> owners = new HashMap<>();
        for (Map<String, Object> row : known) {
            if (row.get("campaign_id") != null) {
                owners.put((String) row.get("domain"), String.valueOf(row.get("campaign_id")));
            }
        }
        return owners;
    }

    /** The parameters of the statement recording a query's success. */
    public Map<String, Object> counters(SerpBatch batch) {
        var params = new LinkedHashMap<String, Object>();
        params.put("found", batch.found());
        params.put("saved", batch.saved());
        params.put("duplicate", batch.duplicate());
        params.put("existing", batch.existing());
        params.put("metadata", batch.metadataJson());
        params.put("taskId", batch.taskId());
        params.put("cost", batch.cost().toPlainString());
        return params;
    }

    /** The parameters of the statement recording a query's failure. */
    public Map<String, Object> failure(Exception e) {
        var params = new LinkedHashMap<String, Object>();
        var failed = dev.outreachpipeline.jobs.JobFailures.find(e, QueryFailed.class);
        params.put(
                "errorMessage",
                failed.map(Throwable::getMessage)
                        .orElseGet(() -> new dev.outreachpipeline.jobs.JobFailures().describe(e)));
        params.put("cost", failed.map(QueryFailed::cost).orElse(BigDecimal.ZERO).toPlainString());
        return params;
    }

    /** jobs.result of a discover job, from the totals of its queries and what its plan dropped. */
    public String resultJson(Map<String, Object> totals, String paramsJson) {
        ObjectNode result = JSON.createObjectNode();
        result.put("queries_planned", number(totals, "planned"));
        QueryPlan plan = queryPlan(paramsJson);
        if (plan.droppedByCap() > 0) {
            result.put("queries_dropped_by_cap", plan.droppedByCap());
            result.put("queries_dropped_why", plan.droppedSentence());
        }
        result.put("queries_executed", number(totals, "executed"));
        result.put("queries_succeeded", number(totals, "succeeded"));
        result.put("queries_failed", number(totals, "failed"));
        result.put("queries_skipped", number(totals, "skipped"));
        result.put("results_found", number(totals, "found"));
        result.put("results_saved", number(totals, "saved"));
        result.put("results_skipped_duplicate", number(totals, "duplicate"));
        result.put("results_skipped_existing", number(totals, "existing"));
        result.put("results_skipped_invalid", number(totals, "invalid"));
        result.put("api_calls", number(totals, "api_calls"));
        result.put("cost", new BigDecimal(String.valueOf(totals.getOrDefault("cost", "0"))).stripTrailingZeros());
        result.put("mode", client.mode());
        return result.toString();
    }

    /** An enrich job's params: the prospects this discover job saved. */
    public String enrichParams(String jobId) {
        return JSON.createObjectNode().put("discover_job_id", jobId).toString();
    }

    private static long number(Map<String, Object> row, String key) {
        Object v = row.get(key);
        return v instanceof Number n ? n.longValue() : 0;
    }
}

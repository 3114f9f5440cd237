package dev.outreachpipeline.discovery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outreachpipeline.jobs.JobCheck;
import dev.outreachpipeline.jobs.JobFailed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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

    public DiscoverJob(DiscoverySettings settings, Locations locations, Categories categories, DataForSeoClient client,
                       JobCheck jobCheck, SentCalls sentCalls) {
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
            return DiscoverRequestValidator.queryPlan(request(paramsJson), locations, categories, settings.maxQueriesPerLocation());
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
        return new SerpTask(String.valueOf(query.get("keyword")), ((Number) query.get("location_code")).intValue(),
                settings.languageCode(), settings.depth(), settings.device(), "q:" + query.get("id"));
    }

    /** The SERP's wanted items, ready to classify; an item that held control characters is logged, once. */
    public SerpBatch batch(SerpCall call, String queryId) {
        SerpBatch batch = SerpBatch.of(call, settings.resultTypes(), settings.dedupeMode());
        for (SerpItem item : batch.cleaned()) {
            LOG.info("Query {}: the result at rank {}: {}", queryId, item.rankAbsolute(), item.cleaning());
        }
        return batch;
    }

    /** @param known rows of (domain, same_job) for the SERP's domains already stored */
    public void classify(SerpBatch batch, List<Map<String, Object>> known, int maxResults, Number savedSoFar) {
        Map<String, Boolean> byDomain = new HashMap<>();
        for (Map<String, Object> row : known) {
            byDomain.put((String) row.get("domain"), Boolean.TRUE.equals(row.get("same_job")));
        }
        batch.classify(byDomain, Math.max(0, maxResults - savedSoFar.longValue()));
    }

    /** The parameters of the statement recording a query's success. */
    public Map<String, Object> counters(SerpBatch batch, List<Map<String, Object>> inserted) {
        Set<String> domains = inserted.stream().map(r -> (String) r.get("domain")).collect(Collectors.toSet());
        batch.inserted(domains);
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
        params.put("errorMessage", failed.map(Throwable::getMessage)
                .orElseGet(() -> new dev.outreachpipeline.jobs.JobFailures().describe(e)));
        params.put("cost", failed.map(QueryFailed::cost).orElse(BigDecimal.ZERO).toPlainString());
        return params;
    }

    // --- standard mode: post in batches, collect when ready ---------------------------------

    /** The job's queries not posted yet, in batches of at most 100 (one task_post call each). */
    public List<List<Map<String, Object>>> postBatches(List<Map<String, Object>> open) {
        var pending = open.stream().filter(q -> "pending".equals(q.get("status"))).toList();
        var batches = new java.util.ArrayList<List<Map<String, Object>>>();
        for (int i = 0; i < pending.size(); i += SerpRequests.MAX_TASKS_PER_POST) {
            batches.add(pending.subList(i, Math.min(pending.size(), i + SerpRequests.MAX_TASKS_PER_POST)));
        }
        return batches;
    }

    public String idsJson(List<Map<String, Object>> queries) {
        var ids = JSON.createArrayNode();
        queries.forEach(q -> ids.add(String.valueOf(q.get("id"))));
        return ids.toString();
    }

    /** Posts one batch; the parameters of the statements recording accepted and rejected tasks. */
    public Map<String, Object> post(List<Map<String, Object>> batch, String jobId, String worker) {
        var spentHolder = new java.util.concurrent.atomic.AtomicReference<DataForSeoClient.Spent>();
        // the call is counted once, against the batch's first query; its cost is shared out below
        TaskPostResult result = client.post(batch.stream().map(this::task).toList(), jobCheck.of(jobId, worker),
                sentCalls.of(String.valueOf(batch.get(0).get("id"))), spentHolder::set);
        Map<String, PostedTask> byTag = result.byTag();
        var posted = JSON.createArrayNode();
        var rejected = JSON.createArrayNode();
        var accepted = batch.stream().filter(q -> {
            PostedTask t = byTag.get("q:" + q.get("id"));
            return t != null && t.accepted();
        }).toList();
        DataForSeoClient.Spent spent = spentHolder.get();
        BigDecimal share = accepted.isEmpty() ? BigDecimal.ZERO
                : spent.cost().divide(BigDecimal.valueOf(accepted.size()), 6, java.math.RoundingMode.HALF_UP);
        for (Map<String, Object> q : batch) {
            PostedTask t = byTag.get("q:" + q.get("id"));
            if (t != null && t.accepted()) {
                posted.addObject().put("id", String.valueOf(q.get("id"))).put("task_id", t.taskId())
                        .put("cost", share.toPlainString());
            } else {
                String why = t == null ? "DataForSEO's answer to task_post did not mention this task"
                        : "DataForSEO refused the task: " + describe(t.rejection());
                rejected.addObject().put("id", String.valueOf(q.get("id"))).put("error", why);
            }
        }
        return Map.of("posted", posted.toString(), "rejected", rejected.toString());
    }

    /**
     * The uncollected queries worth a task_get now: those whose task tasks_ready lists (matched by
     * task id, or by tag for a query whose post was never recorded), and on the first pass after a
     * (re)start every posted one, since a task fetched before a crash is no longer listed as ready.
     */
    public List<Map<String, Object>> collectable(List<Map<String, Object>> open, boolean firstPass, String jobId, String worker) {
        List<ReadyTask> ready = client.tasksReady(jobCheck.of(jobId, worker));
        Map<String, String> readyByTag = new HashMap<>();
        Set<String> readyIds = new java.util.HashSet<>();
        for (ReadyTask t : ready) {
            readyIds.add(t.id());
            if (t.tag() != null) {
                readyByTag.put(t.tag(), t.id());
            }
        }
        var out = new java.util.ArrayList<Map<String, Object>>();
        for (Map<String, Object> q : open) {
            String taskId = (String) q.get("task_id");
            String byTag = readyByTag.get("q:" + q.get("id"));
            if (taskId == null && byTag != null) {
                out.add(with(q, byTag, true, false));
            } else if (taskId != null && readyIds.contains(taskId)) {
                out.add(with(q, taskId, false, false));
            } else if (taskId != null && firstPass) {
                out.add(with(q, taskId, false, true));
            }
        }
        return out;
    }

    private static Map<String, Object> with(Map<String, Object> q, String taskId, boolean foundByTag, boolean probe) {
        var row = new HashMap<>(q);
        row.put("task_id", taskId);
        row.put("found_by_tag", foundByTag);
        row.put("probe", probe);
        return row;
    }

    /** Collects a task: its SERP, or null when a probed task is not ready yet. */
    public SerpCall collect(Map<String, Object> row, String jobId, String worker) {
        String taskId = (String) row.get("task_id");
        String keyword = String.valueOf(row.get("keyword"));
        Runnable count = sentCalls.of(String.valueOf(row.get("id")));
        if (Boolean.TRUE.equals(row.get("probe"))) {
            return client.taskGetIfReady(taskId, keyword, jobCheck.of(jobId, worker), count).orElse(null);
        }
        return client.taskGet(taskId, keyword, jobCheck.of(jobId, worker), count);
    }

    public long collectUntil() {
        return System.currentTimeMillis() + client.collectTimeout().toMillis();
    }

    public boolean keepCollecting(int open, long collectUntil) {
        return open > 0 && System.currentTimeMillis() < collectUntil;
    }

    public long pollMillis() {
        return client.pollInterval().toMillis();
    }

    private static String describe(SerpOutcome outcome) {
        if (outcome instanceof SerpOutcome.FailQuery f) {
            return f.reason();
        }
        if (outcome instanceof SerpOutcome.Retry r) {
            return r.reason();
        }
        if (outcome instanceof SerpOutcome.FailJob f) {
            return f.reason();
        }
        return String.valueOf(outcome);
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

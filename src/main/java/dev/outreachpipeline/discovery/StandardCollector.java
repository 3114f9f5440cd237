package dev.outreachpipeline.discovery;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outreachpipeline.jobs.JobCheck;
import dev.outreachpipeline.jobs.JobFailed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Standard mode (cheaper than live, slower): a discover job's open queries are posted to
 * DataForSEO as tasks, up to 100 a call, and collected once DataForSEO lists them as finished.
 * Posting records each task's id before anything else, so a restart collects paid tasks instead of
 * posting them again. Collecting hands the finished SERPs back one at a time, as they come, for the
 * route to save each in its own unit of work; between two provider calls the job is checked, so a
 * cancelled or stopping job ends at its next step (and in the wait between two polls, within
 * {@link #CHECK_EVERY_MILLIS}).
 */
public final class StandardCollector {

    /** Longest stretch of the wait between two polls without looking at the job. */
    static final long CHECK_EVERY_MILLIS = 500;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(StandardCollector.class);

    private final DataForSeoClient client;
    private final DiscoverJob discoverJob;
    private final JobCheck jobCheck;
    private final SentCalls sentCalls;
    private final DiscoveryQueries queries;

    public StandardCollector(
            DataForSeoClient client,
            DiscoverJob discoverJob,
            JobCheck jobCheck,
            SentCalls sentCalls,
            DataSource dataSource) {
        this.client = client;
        this.discoverJob = discoverJob;
        this.jobCheck = jobCheck;
        this.sentCalls = sentCalls;
        this.queries = new DiscoveryQueries(dataSource);
    }

    /**
     * Posts the job's pending queries in batches of at most 100. A batch DataForSEO does not take
     * (still failing after every retry) fails its queries and the next batch is posted all the same.
     *
     * @throws dev.outreachpipeline.jobs.JobStopped when the job must stop
     * @throws JobFailed                            when the job cannot go on (credentials, balance)
     */
    public void postOpenQueries(String jobId, String worker) {
        for (List<Map<String, Object>> batch : batches(queries.open(jobId))) {
            jobCheck.verify(jobId, worker);
            String ids = idsJson(batch);
            queries.markPosting(ids);
            try {
                PostedBatch posted = post(batch, jobId, worker);
                queries.recordPosted(posted.postedJson());
                queries.recordRejected(posted.rejectedJson());
            } catch (QueryFailed e) {
                queries.fail(ids, e.getMessage());
            }
        }
    }

    /**
     * The job's posted tasks as their SERPs, collected lazily: each {@code hasNext()} polls
     * tasks_ready (waiting {@code outreach.dataforseo.poll-seconds} between polls that find
     * nothing) until a task is ready, every task is collected, the job has saved
     * {@code maxResults} prospects, or the collection time ({@code collect-timeout-seconds}) is
     * over. What is left then is the route's to skip or fail. A task that cannot be collected
     * fails its query, and collecting goes on.
     */
    public ReadySerps readySerps(String jobId, String worker, int maxResults) {
        return new ReadySerps(
                jobId,
                worker,
                maxResults,
                System.nanoTime() + client.collectTimeout().toNanos());
    }

    /** The pending queries of {@code open}, in batches of at most 100 (one task_post call each). */
    static List<List<Map<String, Object>>> batches(List<Map<String, Object>> open) {
        var pending =
                open.stream().filter(q -> "pending".equals(q.get("status"))).toList();
        var batches = new ArrayList<List<Map<String, Object>>>();
        for (int i = 0; i < pending.size(); i += SerpRequests.MAX_TASKS_PER_POST) {
            batches.add(pending.subList(i, Math.min(pending.size(), i + SerpRequests.MAX_TASKS_PER_POST)));
        }
        return batches;
    }

    private static String idsJson(List<Map<String, Object>> queries) {
        var ids = JSON.createArrayNode();
        queries.forEach(q -> ids.add(String.valueOf(q.get("id"))));
        return ids.toString();
    }

    /** What a task_post answer means for the batch's queries, as the recording statements take it. */
    private record PostedBatch(String postedJson, String rejectedJson) {}

    private PostedBatch post(List<Map<String, Object>> batch, String jobId, String worker) {
        var spentHolder = new AtomicReference<DataForSeoClient.Spent>();
        // the call is counted once, against the batch's first query; its cost is shared out below
        TaskPostResult result = client.post(
                batch.stream().map(discoverJob::task).toList(),
                jobCheck.of(jobId, worker),
                sentCalls.of(String.valueOf(batch.get(0).get("id"))),
                spentHolder::set);
        Map<String, PostedTask> byTag = result.byTag();
        var posted = JSON.createArrayNode();
        var rejected = JSON.createArrayNode();
        long accepted = batch.stream()
                .filter(q -> {
                    PostedTask t = byTag.get("q:" + q.get("id"));
                    return t != null && t.accepted();
                })
                .count();
        DataForSeoClient.Spent spent = spentHolder.get();
        BigDecimal share = accepted == 0
                ? BigDecimal.ZERO
                : spent.cost().divide(BigDecimal.valueOf(accepted), 6, RoundingMode.HALF_UP);
        for (Map<String, Object> q : batch) {
            PostedTask t = byTag.get("q:" + q.get("id"));
            if (t != null && t.accepted()) {
                posted.addObject()
                        .put("id", String.valueOf(q.get("id")))
                        .put("task_id", t.taskId())
                        .put("cost", share.toPlainString());
            } else {
                String why = t == null
                        ? "DataForSEO's answer to task_post did not mention this task"
                        : "DataForSEO refused the task: " + SerpCallFailed.reason(t.rejection());
                rejected.addObject().put("id", String.valueOf(q.get("id"))).put("error", why);
            }
        }
        return new PostedBatch(posted.toString(), rejected.toString());
    }

    /** An uncollected query worth a task_get now, and how to get it. */
    record Collectable(String queryId, String keyword, String taskId, boolean foundByTag, boolean probe) {}

    /**
     * The uncollected queries worth a task_get now: those whose task tasks_ready lists (matched by
     * task id, or by tag for a query whose post was never recorded), and on the first pass after a
     * (re)start every posted one, since a task fetched before a crash is no longer listed as ready.
     */
    static List<Collectable> collectable(List<Map<String, Object>> open, List<ReadyTask> ready, boolean firstPass) {
        Map<String, String> readyByTag = new HashMap<>();
        Set<String> readyIds = new HashSet<>();
        for (ReadyTask t : ready) {
            readyIds.add(t.id());
            if (t.tag() != null) {
                readyByTag.put(t.tag(), t.id());
            }
        }
        var out = new ArrayList<Collectable>();
        for (Map<String, Object> q : open) {
            String id = String.valueOf(q.get("id"));
            String keyword = String.valueOf(q.get("keyword"));
            String taskId = (String) q.get("task_id");
            String byTag = readyByTag.get("q:" + id);
            if (taskId == null && byTag != null) {
                out.add(new Collectable(id, keyword, byTag, true, false));
            } else if (taskId != null && readyIds.contains(taskId)) {
                out.add(new Collectable(id, keyword, taskId, false, false));
            } else if (taskId != null && firstPass) {
                out.add(new Collectable(id, keyword, taskId, false, true));
            }
        }
        return out;
    }

    /**
     * One collection: the tasks found ready and not taken yet, and whether this is the first poll.
     * Meant to be read one element at a time, each handled before the next is asked for.
     */
    public final class ReadySerps implements Iterator<ReadySerp> {

        private final String jobId;
        private final String worker;
        private final int maxResults;
        private final long untilNanos;
        private final Deque<Collectable> ready = new ArrayDeque<>();
        private boolean firstPass = true;
        private boolean over;
        private ReadySerp next;

        private ReadySerps(String jobId, String worker, int maxResults, long untilNanos) {
            this.jobId = jobId;
            this.worker = worker;
            this.maxResults = maxResults;
            this.untilNanos = untilNanos;
        }

        @Override
        public boolean hasNext() {
            while (next == null && !over) {
                next = step();
            }
            return next != null;
        }

        @Override
        public ReadySerp next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ReadySerp serp = next;
            next = null;
            return serp;
        }

        /** Collects the next ready task, polls for more, or ends the collection; null when nothing came of it. */
        private ReadySerp step() {
            // read after the route saved the previous SERP: at max_results the rest is not collected
            if (queries.saved(jobId) >= maxResults) {
                over = true;
                return null;
            }
            if (ready.isEmpty()) {
                poll();
                return null;
            }
            Collectable task = ready.poll();
            if (task.foundByTag()) {
                queries.recordFoundTask(task.queryId(), task.taskId());
            }
            try {
                return collect(task)
                        .map(call -> new ReadySerp(task.queryId(), call))
                        .orElse(null);
            } catch (QueryFailed e) {
                queries.recordFailure(task.queryId(), e.getMessage(), e.cost().toPlainString());
                LOG.warn("Query {} of job {} failed: {}", task.queryId(), jobId, e.getMessage());
                return null;
            }
        }

        /** One look at tasks_ready, or the end of the collection; waits before the next look when nothing is ready. */
        private void poll() {
            List<Map<String, Object>> uncollected = queries.uncollected(jobId);
            if (uncollected.isEmpty() || System.nanoTime() - untilNanos >= 0) {
                over = true;
                return;
            }
            jobCheck.verify(jobId, worker);
            ready.addAll(collectable(uncollected, client.tasksReady(jobCheck.of(jobId, worker)), firstPass));
            firstPass = false;
            if (ready.isEmpty()) {
                waitBeforeNextPoll();
            }
        }

        private java.util.Optional<SerpCall> collect(Collectable task) {
            Runnable count = sentCalls.of(task.queryId());
            if (task.probe()) {
                return client.taskGetIfReady(task.taskId(), task.keyword(), jobCheck.of(jobId, worker), count);
            }
            return java.util.Optional.of(
                    client.taskGet(task.taskId(), task.keyword(), jobCheck.of(jobId, worker), count));
        }

        /** Sleeps the poll interval (not past the collection time) in short steps, looking at the job between them. */
        private void waitBeforeNextPoll() {
            long start = System.nanoTime();
            long deadline = start + Math.min(client.pollInterval().toNanos(), untilNanos - start);
            try {
                for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
                    TimeUnit.NANOSECONDS.sleep(Math.min(left, TimeUnit.MILLISECONDS.toNanos(CHECK_EVERY_MILLIS)));
                    jobCheck.verify(jobId, worker);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new JobFailed("interrupted while waiting for DataForSEO's tasks of job " + jobId);
            }
        }
    }

    @Override
    public String toString() {
        return "StandardCollector[" + client + "]";
    }
}

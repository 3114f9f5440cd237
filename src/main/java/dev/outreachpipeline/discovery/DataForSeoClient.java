package dev.outreachpipeline.discovery;

import dev.failsafe.Bulkhead;
import dev.outreachpipeline.jobs.JobFailed;
import dev.outreachpipeline.providers.ProviderCalls;
import dev.outreachpipeline.providers.ProviderHttp;
import dev.outreachpipeline.providers.ProviderHttp.Answer;
import dev.outreachpipeline.providers.ProviderRetries;
import dev.outreachpipeline.providers.SharedRateLimiter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DataForSEO's SERP API as the discovery routes use it. One instance serves every worker of the
 * process, so its concurrency limit holds across them; its rate limit (calls per minute, evenly
 * spaced) is kept in the database and holds across every instance.
 * The HTTP exchange itself is {@link ProviderHttp}'s; this class adds what a paid API needs around it: retries with exponential backoff and jitter for the outcomes
 * that are worth retrying, fail-fast for the others, and an account of calls and reported cost.
 */
public final class DataForSeoClient {

    private static final Logger LOG = LoggerFactory.getLogger(DataForSeoClient.class);
    private static final String ROOT = "/v3/serp/google/organic";

    private final DataForSeoSettings settings;
    private final ProviderHttp http;
    private final Map<String, String> authorization;
    private final SerpRequests requests = new SerpRequests();
    private final SerpResponses responses = new SerpResponses();
    private final SharedRateLimiter rateLimiter;
    private final Bulkhead<Object> bulkhead;
    private final ProviderRetries retries;
    private final ProviderCalls calls;

    /** @param rateLimiter spaces the calls of every instance, at {@code settings.callsPerMinute()} */
    public DataForSeoClient(DataForSeoSettings settings, SharedRateLimiter rateLimiter, ProviderCalls calls) {
        this.settings = settings;
        this.calls = calls;
        this.http = new ProviderHttp("DataForSEO", settings.baseUrl(), settings.timeout(), settings.concurrency());
        this.authorization = Map.of(
                "Authorization",
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString((settings.login() + ":" + settings.password())
                                        .getBytes(StandardCharsets.UTF_8)));
        this.rateLimiter = rateLimiter;
        this.bulkhead = Bulkhead.builder(settings.concurrency())
                .withMaxWaitTime(Duration.ofMinutes(30))
                .build();
        this.retries = new ProviderRetries(
                "DataForSEO", settings.maxRetries(), settings.retryDelay(), settings.maxRetryDelay());
    }

    public String mode() {
        return settings.mode();
    }

    public Duration pollInterval() {
        return settings.pollInterval();
    }

    public Duration collectTimeout() {
        return settings.collectTimeout();
    }

    /**
     * Runs one query through the live endpoint (one task per call).
     *
     * @param beforeEachAttempt throws to stop (the job was cancelled, timed out or taken over)
     * @param beforeSend        counts the call; run just before each request goes out
     * @throws QueryFailed this query cannot be run; the job goes on
     * @throws JobFailed   the job cannot go on (credentials, balance, wrong URL)
     */
    public SerpCall live(SerpTask task, Runnable beforeEachAttempt, Runnable beforeSend) {
        String body = requests.live(task);
        var spent = new Spent();
        SerpOutcome outcome = withRetries("query '" + task.keyword() + "'", spent, beforeEachAttempt, () -> {
            beforeSend.run();
            Answer r = spent.record(post(ROOT + "/live/advanced", body));
            return counted("live", r, responses.parseLive(r.status(), r.body()));
        });
        return new SerpCall(resultsOrThrow(outcome, task.keyword(), spent), spent.calls.get(), spent.cost());
    }

    /**
     * Posts up to 100 tasks in one call (standard mode).
     *
     * @return tag → task id for the accepted tasks, tag → reason for the rejected ones, and the call's cost
     */
    public TaskPostResult post(
            List<SerpTask> tasks, Runnable beforeEachAttempt, Runnable beforeSend, Consumer<Spent> account) {
        String body = requests.taskPost(tasks);
        var spent = new Spent();
        var result = new AtomicReference<TaskPostResult>();
        SerpOutcome outcome = withRetries("posting " + tasks.size() + " task(s)", spent, beforeEachAttempt, () -> {
            beforeSend.run();
            Answer response = spent.record(post(ROOT + "/task_post", body));
            TaskPostResult r = responses.parseTaskPost(response.status(), response.body());
            result.set(r);
            return counted(
                    "task_post",
                    response,
                    r.requestFailure() == null
                            ? new SerpOutcome.Results(null, List.of(), BigDecimal.ZERO)
                            : r.requestFailure());
        });
        account.accept(spent);
        if (outcome instanceof SerpOutcome.Results) {
            return result.get();
        }
        resultsOrThrow(outcome, "task_post", spent);
        throw new IllegalStateException("unreachable");
    }

    /** Tasks finished and not collected yet (standard mode); free of charge. */
    public List<ReadyTask> tasksReady(Runnable beforeEachAttempt) {
        var spent = new Spent();
        var ready = new AtomicReference<List<ReadyTask>>(List.of());
        SerpOutcome outcome = withRetries("tasks_ready", spent, beforeEachAttempt, () -> {
            Answer r = spent.record(get(ROOT + "/tasks_ready"));
            try {
                ready.set(responses.parseTasksReady(r.status(), r.body()));
                return counted("tasks_ready", r, new SerpOutcome.Results(null, List.of(), BigDecimal.ZERO));
            } catch (SerpCallFailed e) {
                return counted("tasks_ready", r, e.outcome());
            }
        });
        resultsOrThrow(outcome, "tasks_ready", spent);
        return ready.get();
    }

    /** Collects one posted task's results (standard mode); free of charge. */
    public SerpCall taskGet(String taskId, String keyword, Runnable beforeEachAttempt, Runnable beforeSend) {
        var spent = new Spent();
        SerpOutcome outcome = withRetries("collecting task " + taskId, spent, beforeEachAttempt, () -> {
            beforeSend.run();
            Answer r = spent.record(get(ROOT + "/task_get/advanced/" + taskId));
            return counted("task_get", r, responses.parseTaskGet(r.status(), r.body()));
        });
        return new SerpCall(resultsOrThrow(outcome, keyword, spent), spent.calls.get(), spent.cost());
    }

    /**
     * One look at a posted task, without retries: its results if it is ready, empty if it is not
     * (yet) — used when resuming, for tasks that tasks_ready no longer lists because they were
     * fetched once before the process stopped.
     */
    public java.util.Optional<SerpCall> taskGetIfReady(
            String taskId, String keyword, Runnable check, Runnable beforeSend) {
        var spent = new Spent();
        check.run();
        beforeSend.run();
        Answer r = spent.record(get(ROOT + "/task_get/advanced/" + taskId));
        SerpOutcome outcome = counted("task_get", r, responses.parseTaskGet(r.status(), r.body()));
        if (outcome instanceof SerpOutcome.Retry) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(
                new SerpCall(resultsOrThrow(outcome, keyword, spent), spent.calls(), spent.cost()));
    }

    private SerpOutcome withRetries(
            String what, Spent spent, Runnable beforeEachAttempt, java.util.function.Supplier<SerpOutcome> attempt) {
        if (!settings.hasCredentials()) {
            throw new JobFailed("DataForSEO credentials are not set: set DATAFORSEO_LOGIN and DATAFORSEO_PASSWORD.");
        }
        return retries.call(
                what,
                SerpOutcome.Retry.class::isInstance,
                o -> o instanceof SerpOutcome.Retry r ? r.reason() : String.valueOf(o),
                beforeEachAttempt,
                () -> {
                    rateLimiter.acquire(beforeEachAttempt);
                    bulkhead.acquirePermit();
                    try {
                        return attempt.get();
                    } finally {
                        bulkhead.releasePermit();
                    }
                });
    }

    /** Counts an answer as classified, with the cost DataForSEO reported for it, for /metrics and /health/ready. */
    private SerpOutcome counted(String endpoint, Answer r, SerpOutcome outcome) {
        calls.record(
                "dataforseo",
                endpoint,
                ProviderCalls.label(outcome),
                SerpResponses.reportedCost(r.body()).orElse(BigDecimal.ZERO));
        return outcome;
    }

    private static SerpOutcome.Results resultsOrThrow(SerpOutcome outcome, String what, Spent spent) {
        if (outcome instanceof SerpOutcome.Results results) {
            return results;
        }
        if (outcome instanceof SerpOutcome.FailJob f) {
            throw new JobFailed(f.reason());
        }
        if (outcome instanceof SerpOutcome.FailQuery f) {
            throw new QueryFailed(f.reason(), spent.calls.get(), spent.cost());
        }
        String reason = outcome instanceof SerpOutcome.Retry r ? r.reason() : String.valueOf(outcome);
        throw new QueryFailed(
                "DataForSEO still failing after " + spent.calls.get() + " attempt(s) for " + what + ": " + reason,
                spent.calls.get(),
                spent.cost());
    }

    private Answer post(String path, String body) {
        try {
            return http.postJson(path, body, authorization);
        } catch (ProviderHttp.NoAnswer e) {
            return noAnswer(e);
        }
    }

    private Answer get(String path) {
        try {
            return http.get(path, authorization);
        } catch (ProviderHttp.NoAnswer e) {
            return noAnswer(e);
        }
    }

    /** A timeout, a refused or reset connection: nothing usable came back, so try again later. */
    private static Answer noAnswer(ProviderHttp.NoAnswer e) {
        return new Answer(
                599, "{\"status_code\": 50000, \"status_message\": \"no answer from DataForSEO: " + e.kind() + "\"}");
    }

    /** Calls made and cost reported for one operation, retries included. */
    public static final class Spent {
        private final AtomicInteger calls = new AtomicInteger();
        private final List<BigDecimal> costs = new ArrayList<>();

        Answer record(Answer r) {
            calls.incrementAndGet();
            synchronized (costs) {
                costs.add(SerpResponses.reportedCost(r.body()).orElse(BigDecimal.ZERO));
            }
            return r;
        }

        public int calls() {
            return calls.get();
        }

        public BigDecimal cost() {
            synchronized (costs) {
                return costs.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            }
        }
    }

    @Override
    public String toString() {
        return "DataForSeoClient[" + settings + "]";
    }
}

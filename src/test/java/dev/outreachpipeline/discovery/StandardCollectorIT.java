package dev.outreachpipeline.discovery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.outreachpipeline.config.OutreachConfig;
import dev.outreachpipeline.daemon.DaemonContextSetup;
import dev.outreachpipeline.db.Database;
import dev.outreachpipeline.jobs.JobStopped;
import dev.outreachpipeline.jobs.NodeIdentity;
import dev.outreachpipeline.testsupport.CliRun;
import dev.outreachpipeline.testsupport.Fixtures;
import dev.outreachpipeline.testsupport.TestDatabase;
import dev.outreachpipeline.testsupport.TestPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The standard-mode collector on its own, as the daemon builds it, against a WireMock DataForSEO and
 * a real database: what it hands back, what it records, and how it stops.
 */
class StandardCollectorIT {

    private static final String TASKS = "/v3/serp/google/organic/";
    private static final String WORKER = "worker-1";

    private final WireMockServer dataForSeo = new WireMockServer(options().dynamicPort());
    private TestDatabase testDb;
    private Database db;
    private DefaultCamelContext camel;
    private StandardCollector collector;
    private String jobId;

    @BeforeEach
    void start() {
        dataForSeo.start();
        testDb = TestPostgres.newDatabase();
        String[] env = {
            "OUTREACH_MANAGEMENT_ENABLED",
            "false",
            "DATAFORSEO_BASE_URL",
            dataForSeo.baseUrl(),
            "DATAFORSEO_LOGIN",
            "ops@example.test",
            "DATAFORSEO_PASSWORD",
            "s3cret-dfs",
            "OUTREACH_DATAFORSEO_MODE",
            "standard",
            // a long wait between polls, so that a test ending sooner proves the wait was cut short
            "OUTREACH_DATAFORSEO_POLL_SECONDS",
            "60",
            "OUTREACH_DATAFORSEO_RETRY_DELAY_MS",
            "20",
            "OUTREACH_DATAFORSEO_MAX_RETRY_DELAY_MS",
            "100",
            "OUTREACH_DATAFORSEO_MAX_RETRIES",
            "1"
        };
        assertThat(CliRun.run(testDb.env(env), "db", "migrate").exitCode()).isZero();
        OutreachConfig config = testDb.config(env);
        db = Database.open(config);
        camel = new DefaultCamelContext();
        DaemonContextSetup.configure(camel, config, db, new NodeIdentity(), Path.of("."));
        collector = camel.getRegistry().lookupByNameAndType("standardCollector", StandardCollector.class);
        jobId = testDb.rowsOf(
                        "INSERT INTO jobs (job_type, params, status, claimed_by) VALUES ('discover', '{}', 'running', '"
                                + WORKER + "') RETURNING id::text AS id")
                .get(0)
                .get("id")
                .toString();
    }

    @AfterEach
    void stop() throws Exception {
        camel.close();
        db.close();
        dataForSeo.stop();
    }

    @Test
    void aCancelledJobEndsTheWaitBetweenTwoPollsAtOnce() throws Exception {
        posted("a0000000-0000-0000-0000-00000000000a", "t-a", 0);
        dataForSeo.stubFor(get(urlEqualTo(TASKS + "tasks_ready"))
                .willReturn(aResponse().withStatus(200).withBody(nothingReady())));
        dataForSeo.stubFor(get(urlEqualTo(TASKS + "task_get/advanced/t-a"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withBody(Fixtures.read("dataforseo/dataforseo-serp-task-get-in-queue-40602.json"))));
        StandardCollector.ReadySerps serps = collector.readySerps(jobId, WORKER, 100);

        CompletableFuture<Boolean> collecting = CompletableFuture.supplyAsync(serps::hasNext);
        // the first look probes the task (not ready), the second finds nothing ready: the 60 s wait begins
        await().atMost(Duration.ofSeconds(30)).until(() -> requests("tasks_ready") == 2);
        testDb.execute("UPDATE jobs SET cancel_requested_at = now() WHERE id = '" + jobId + "'");

        await().atMost(Duration.ofSeconds(5)).until(collecting::isDone);
        assertThatThrownBy(collecting::get)
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOfSatisfying(
                        JobStopped.class, e -> assertThat(e.reason()).isEqualTo(JobStopped.Reason.CANCELLED));
        assertThat(requests("tasks_ready")).isEqualTo(2);
    }

    @Test
    void aTaskThatCannotBeCollectedFailsItsQueryAndTheNextReadyTaskIsHandedBack() {
        posted("b0000000-0000-0000-0000-00000000000b", "t-bad", 0);
        posted("c0000000-0000-0000-0000-00000000000c", "t-good", 1);
        dataForSeo.stubFor(get(urlEqualTo(TASKS + "tasks_ready"))
                .willReturn(aResponse().withStatus(200).withBody(ready("t-bad", "t-good"))));
        dataForSeo.stubFor(get(urlEqualTo(TASKS + "task_get/advanced/t-bad"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withBody(Fixtures.read(
                                "dataforseo/dataforseo-serp-live-advanced-task-error-40501-invalid-field.json"))));
        dataForSeo.stubFor(get(urlEqualTo(TASKS + "task_get/advanced/t-good"))
                .willReturn(
                        aResponse().withStatus(200).withBody(Fixtures.read("dataforseo/serp-task-get-advanced.json"))));

        ReadySerp serp = collector.readySerps(jobId, WORKER, 100).next();

        assertThat(serp.queryId()).isEqualTo("c0000000-0000-0000-0000-00000000000c");
        assertThat(serp.call().results().items()).isNotEmpty();
        Map<String, Object> bad = testDb.rowsOf(
                        "SELECT status, error_message FROM discovery_queries WHERE task_id = 't-bad'")
                .get(0);
        assertThat(bad).containsEntry("status", "failed");
        assertThat(bad.get("error_message").toString()).contains("Invalid Field: 'depth'.");
    }

    @Test
    void atMaxResultsNothingMoreIsCollected() {
        posted("d0000000-0000-0000-0000-00000000000d", "t-d", 0);
        testDb.execute(
                "INSERT INTO discovery_queries (job_id, keyword, location, location_code, position, status, results_saved)"
                        + " VALUES ('" + jobId + "', 'done', 'usa', 2840, 1, 'success', 3)");

        assertThat(collector.readySerps(jobId, WORKER, 3).hasNext()).isFalse();
        assertThat(dataForSeo.getAllServeEvents()).isEmpty();
    }

    private void posted(String queryId, String taskId, int position) {
        testDb.execute(
                "INSERT INTO discovery_queries (id, job_id, keyword, location, location_code, position, status, task_id)"
                        + " VALUES ('" + queryId + "', '" + jobId + "', 'q" + position + "', 'usa', 2840, " + position
                        + ", 'posted', '"
                        + taskId + "')");
    }

    private int requests(String endpoint) {
        return dataForSeo
                .countRequestsMatching(
                        getRequestedFor(urlEqualTo(TASKS + endpoint)).build())
                .getCount();
    }

    private static String nothingReady() {
        return ready();
    }

    private static String ready(String... taskIds) {
        var tasks = new StringBuilder();
        for (String id : taskIds) {
            tasks.append(tasks.length() == 0 ? "" : ",")
                    .append("{\"id\":\"")
                    .append(id)
                    .append("\",\"se\":\"google\",\"se_type\":\"organic\"}");
        }
        return """
                {"version": "0.1.20251117", "status_code": 20000, "status_message": "Ok.", "time": "0.02 sec.", "cost": 0,
                 "tasks_count": 1, "tasks_error": 0, "tasks": [
                  {"id": "11261500-0000-0000-0000-000000000000", "status_code": 20000, "status_message": "Ok.", "time": "0.01 sec.",
                   "cost": 0, "result_count": %d, "path": ["v3", "serp", "google", "organic", "tasks_ready"], "data": {"api": "serp",
                   "function": "tasks_ready", "se": "google", "se_type": "organic"}, "result": [%s]}]}""".formatted(taskIds.length, tasks);
    }
}

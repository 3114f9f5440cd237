package dev.outreachpipeline.discovery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.outreachpipeline.testsupport.CliRun;
import dev.outreachpipeline.testsupport.JarProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 in the middle of a discover job, then a restart: the job resumes where it was, no
 * finished query is paid for again, nothing is saved twice, the counters still add up.
 */
class DiscoveryCrashSafetyIT {

    private static final Duration START = Duration.ofSeconds(90);

    private final DiscoveryTestBed bed = new DiscoveryTestBed()
            .with("OUTREACH_JOBS_LEASE_SECONDS", "5")
            .with("OUTREACH_JOBS_HEARTBEAT_SECONDS", "1");

    @TempDir
    Path workDir;

    @AfterEach
    void stop() {
        bed.close();
    }

    @Test
    void aLiveJobKilledMidwayResumesWithoutCallingFinishedQueriesAgain() throws Exception {
        bed.liveSerp("alpha", "dataforseo/serp-live-mixed.json");
        bed.liveSerp("beta", "dataforseo/dataforseo-serp-live-advanced-empty-items.json");
        bed.dataForSeo.stubFor(DiscoveryTestBed.liveCall("gamma")
                .willReturn(aResponse().withStatus(200).withFixedDelay(60_000).withBody("{}")));
        String jobId = bed.submit("--keywords", "alpha, beta, gamma", "--locations", "uk");

        try (JarProcess daemon = JarProcess.start(workDir, bed.env(), "run")) {
            await().atMost(START).until(() -> bed.liveCallsFor("gamma") == 1);
            assertThat(bed.queries(jobId).get("alpha")).containsEntry("status", "success");
            assertThat(bed.queries(jobId).get("beta")).containsEntry("status", "success");
            daemon.kill();
        }
        assertThat(bed.job(jobId)).containsEntry("status", "running");
        // the call in flight when the process died was sent, so it is counted (and billed)
        assertThat(bed.queries(jobId).get("gamma")).containsEntry("api_calls", 1);

        bed.liveSerp("gamma", "dataforseo/serp-live-mixed.json");
        CliRun resumed = bed.runOnce();

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(bed.job(jobId)).containsEntry("status", "completed");
        assertThat(bed.liveCallsFor("alpha")).isEqualTo(1);
        assertThat(bed.liveCallsFor("beta")).isEqualTo(1);
        assertThat(bed.liveCallsFor("gamma")).isEqualTo(2);
        Map<String, Object> gamma = bed.queries(jobId).get("gamma");
        assertThat(gamma)
                .containsEntry("status", "success")
                .containsEntry("results_found", 12)
                .containsEntry("results_saved", 0)
                .containsEntry("results_skipped_duplicate", 11);
        assertThat(bed.db.count("SELECT count(*) FROM prospects")).isEqualTo(9);
        assertThat(
                        bed.db.count(
                                "SELECT count(*) FROM discovery_queries WHERE results_found <> results_saved"
                                        + " + results_skipped_duplicate + results_skipped_existing + coalesce((query_metadata->>'skipped_invalid')::int, 0)"))
                .isZero();
        assertThat((String) bed.job(jobId).get("result")).contains("\"results_saved\":9");
        // every call DataForSEO answered or not: alpha, beta, gamma twice (the one in flight at kill -9, then again)
        assertThat(bed.dataForSeo
                        .countRequestsMatching(postRequestedFor(urlEqualTo(DiscoveryTestBed.LIVE))
                                .build())
                        .getCount())
                .isEqualTo(4);
        assertThat((String) bed.job(jobId).get("result")).contains("\"api_calls\":4");
        assertThat(gamma).containsEntry("api_calls", 2);
    }

    @Test
    void aStandardJobKilledBetweenPostAndCollectCollectsItsPaidTasksInsteadOfPostingAgain() throws Exception {
        bed.with("OUTREACH_DATAFORSEO_MODE", "standard");
        bed.dataForSeo.stubFor(post(urlEqualTo("/v3/serp/google/organic/task_post"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(TASK_POST_TWO)
                        .withTransformers("response-template")));
        bed.dataForSeo.stubFor(get(urlEqualTo("/v3/serp/google/organic/tasks_ready"))
                .willReturn(aResponse().withStatus(200).withBody(tasksReady())));
        bed.dataForSeo.stubFor(get(urlPathMatching("/v3/serp/google/organic/task_get/advanced/.*"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withBody(dev.outreachpipeline.testsupport.Fixtures.read(
                                "dataforseo/dataforseo-serp-task-get-in-queue-40602.json"))));
        String jobId = bed.submit("--keywords", "one, two", "--locations", "usa");

        try (JarProcess daemon = JarProcess.start(workDir, bed.env(), "run")) {
            await().atMost(START)
                    .until(() -> bed.db.count("SELECT count(*) FROM discovery_queries WHERE status = 'posted'") == 2);
            daemon.kill();
        }

        // Both tasks are now finished at DataForSEO.
        var tasks = bed.db.rowsOf("SELECT id::text AS tag, task_id FROM discovery_queries");
        StringBuilder ready = new StringBuilder();
        for (var t : tasks) {
            ready.append(ready.length() == 0 ? "" : ",")
                    .append("{\"id\":\"")
                    .append(t.get("task_id"))
                    .append("\",\"se\":\"google\",\"se_type\":\"organic\",\"tag\":\"q:")
                    .append(t.get("tag"))
                    .append("\"}");
            bed.dataForSeo.stubFor(get(urlEqualTo("/v3/serp/google/organic/task_get/advanced/" + t.get("task_id")))
                    .willReturn(aResponse()
                            .withStatus(200)
                            .withBody(dev.outreachpipeline.testsupport.Fixtures.read(
                                    "dataforseo/serp-task-get-advanced.json"))));
        }
        bed.dataForSeo.stubFor(get(urlEqualTo("/v3/serp/google/organic/tasks_ready"))
                .willReturn(aResponse().withStatus(200).withBody(tasksReady(ready.toString()))));

        CliRun resumed = bed.runOnce();

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(bed.job(jobId)).containsEntry("status", "completed");
        assertThat(bed.dataForSeo
                        .countRequestsMatching(postRequestedFor(urlEqualTo("/v3/serp/google/organic/task_post"))
                                .build())
                        .getCount())
                .isEqualTo(1);
        assertThat(bed.dataForSeo
                        .countRequestsMatching(
                                getRequestedFor(urlPathMatching("/v3/serp/google/organic/task_get/advanced/t-.*"))
                                        .build())
                        .getCount())
                .isGreaterThanOrEqualTo(2);
        assertThat(bed.queries(jobId).values()).allSatisfy(q -> assertThat(q).containsEntry("status", "success"));
        assertThat(bed.queries(jobId).get("one")).containsEntry("results_found", 6);
        assertThat(bed.queries(jobId).get("two")).containsEntry("results_skipped_duplicate", 6);
        assertThat(bed.db.count("SELECT count(*) FROM prospects")).isEqualTo(5);
    }

    static final String TASK_POST_TWO = """
            {"version": "0.1.20251117", "status_code": 20000, "status_message": "Ok.", "time": "0.05 sec.", "cost": 0.0012,
             "tasks_count": 2, "tasks_error": 0, "tasks": [
              {"id": "t-{{jsonPath request.body '$[0].tag'}}", "status_code": 20100, "status_message": "Task Created.",
               "time": "0.01 sec.", "cost": 0.0006, "result_count": 0, "path": ["v3", "serp", "google", "organic", "task_post"],
               "data": {"api": "serp", "function": "task_post", "se": "google", "se_type": "organic",
                        "keyword": "{{jsonPath request.body '$[0].keyword'}}", "tag": "{{jsonPath request.body '$[0].tag'}}"},
               "result": null},
              {"id": "t-{{jsonPath request.body '$[1].tag'}}", "status_code": 20100, "status_message": "Task Created.",
               "time": "0.01 sec.", "cost": 0.0006, "result_count": 0, "path": ["v3", "serp", "google", "organic", "task_post"],
               "data": {"api": "serp", "function": "task_post", "se": "google", "se_type": "organic",
                        "keyword": "{{jsonPath request.body '$[1].keyword'}}", "tag": "{{jsonPath request.body '$[1].tag'}}"},
               "result": null}]}""";

    static String tasksReady(String... tasks) {
        String result = tasks.length == 0 ? "[]" : "[" + String.join(",", tasks) + "]";
        return """
                {"version": "0.1.20251117", "status_code": 20000, "status_message": "Ok.", "time": "0.02 sec.", "cost": 0,
                 "tasks_count": 1, "tasks_error": 0, "tasks": [
                  {"id": "11261500-0000-0000-0000-000000000000", "status_code": 20000, "status_message": "Ok.", "time": "0.01 sec.",
                   "cost": 0, "result_count": %d, "path": ["v3", "serp", "google", "organic", "tasks_ready"], "data": {"api": "serp",
                   "function": "tasks_ready", "se": "google", "se_type": "organic"}, "result": %s}]}""".formatted(tasks.length == 0 ? 0 : tasks.length, result);
    }
}

package dev.outreachpipeline.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.outreachpipeline.jobs.JobFailures;
import dev.outreachpipeline.jobs.JobStopped;
import dev.outreachpipeline.testsupport.CliRun;
import dev.outreachpipeline.testsupport.Fixtures;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Proves routes/20-discovery.camel.yaml: a discover job's query is answered by DataForSEO (WireMock
 * serving recorded answers) and its new prospects and query row are written, in live mode (one call)
 * and in standard mode (task posted, polled until ready, collected). The between-steps job check
 * (10-jobs) is not under test: a mock stands in.
 */
class DiscoveryRouteIT extends RouteTestSupport {

    private static final String TASKS = "/v3/serp/google/organic/";
    /** The query id the recorded standard-mode answers carry in their tag (fixtures serp-tasks-ready / serp-task-get-advanced). */
    private static final String QUERY_ID = "9b2e4f7a-1c3d-4a5b-8e6f-0d1c2b3a4e5f";

    private static final String TASK_ID = "11261502-1535-0066-0000-8a41c7e3b2d9";

    private final WireMockServer dataForSeo = started();
    private final boolean standardMode;
    private final boolean byRegistrableDomain;

    DiscoveryRouteIT(TestInfo test) {
        String name = test.getTestMethod().map(m -> m.getName()).orElse("");
        standardMode = name.startsWith("inStandardMode");
        byRegistrableDomain = name.startsWith("byRegistrableDomain");
    }

    private static WireMockServer started() {
        var server = new WireMockServer(options().dynamicPort());
        server.start();
        return server;
    }

    @AfterEach
    void stopWireMock() {
        dataForSeo.stop();
    }

    @Override
    protected String[] routeFiles() {
        return new String[] {"10-jobs", "20-discovery"};
    }

    @Override
    protected String[] environment() {
        return new String[] {
            "DATAFORSEO_BASE_URL",
            dataForSeo.baseUrl(),
            "DATAFORSEO_LOGIN",
            "ops@example.test",
            "DATAFORSEO_PASSWORD",
            "s3cret-dfs",
            "OUTREACH_DISCOVERY_CHAIN_ENRICH",
            "false",
            "OUTREACH_DATAFORSEO_MODE",
            standardMode ? "standard" : "live",
            "OUTREACH_DATAFORSEO_POLL_SECONDS",
            "1",
            "OUTREACH_DISCOVERY_DEDUPE_BY",
            byRegistrableDomain ? "registrable-domain" : "host"
        };
    }

    @Test
    void aDiscoverJobWritesTheProspectsOfItsQuery() throws Exception {
        // the job check is also called from the DataForSEO client, so it stands in as a route of its own
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("direct:check-job").routeId("check-job").to("mock:check-job");
            }
        });
        context.start();
        dataForSeo.stubFor(post(urlEqualTo("/v3/serp/google/organic/live/advanced"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.read("dataforseo/serp-live-mixed.json"))));
        CliRun submit = CliRun.run(
                testDb.env(environment()),
                "job",
                "submit",
                "discover",
                "--keywords",
                "vegan meal prep",
                "--locations",
                "uk");
        assertThat(submit.exitCode()).as(submit.err()).isZero();
        String job = submit.out().trim();
        testDb.execute("UPDATE jobs SET status = 'running', claimed_by = 'worker-1' WHERE id = '" + job + "'");
        String params = testDb.rowsOf("SELECT params::text AS p FROM jobs")
                .get(0)
                .get("p")
                .toString();

        runAsJob("direct:discover-job", Map.of("jobId", job, "worker", "worker-1", "jobParams", params));

        assertThat(testDb.count(
                        "SELECT count(*) FROM prospects WHERE page_url IS NOT NULL AND dataforseo_payload IS NOT NULL"))
                .isEqualTo(9);
        assertThat(testDb.rowsOf("SELECT status, results_saved FROM discovery_queries"))
                .containsExactly(Map.of("status", "success", "results_saved", 9));
    }

    @Test
    void inStandardModeATaskIsPostedPolledUntilReadyAndItsSerpSaved() throws Exception {
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("direct:check-job").routeId("check-job").to("mock:check-job");
            }
        });
        context.start();
        stubStandardTask();
        CliRun submit = CliRun.run(
                testDb.env(environment()),
                "job",
                "submit",
                "discover",
                "--keywords",
                "parenting blog",
                "--locations",
                "usa");
        assertThat(submit.exitCode()).as(submit.err()).isZero();
        String job = submit.out().trim();
        testDb.execute("UPDATE jobs SET status = 'running', claimed_by = 'worker-1' WHERE id = '" + job + "'");
        // the job's plan, written as a first run writes it, under the query id the recorded answers carry
        testDb.execute("INSERT INTO discovery_queries (id, job_id, keyword, location, location_code, position, status)"
                + " VALUES ('" + QUERY_ID + "', '" + job + "', 'parenting blog', 'usa', 2840, 0, 'pending')");
        String params = testDb.rowsOf("SELECT params::text AS p FROM jobs")
                .get(0)
                .get("p")
                .toString();

        runAsJob("direct:discover-job", Map.of("jobId", job, "worker", "worker-1", "jobParams", params));

        assertThat(testDb.rowsOf(
                        "SELECT status, task_id, results_found, results_saved, api_calls FROM discovery_queries"))
                .containsExactly(Map.of(
                        "status",
                        "success",
                        "task_id",
                        TASK_ID,
                        "results_found",
                        6,
                        "results_saved",
                        5,
                        "api_calls",
                        3));
        assertThat(testDb.count("SELECT count(*) FROM prospects WHERE discovery_query_id = '" + QUERY_ID + "'"))
                .isEqualTo(5);
        assertThat(dataForSeo
                        .countRequestsMatching(postRequestedFor(urlEqualTo(TASKS + "task_post"))
                                .build())
                        .getCount())
                .isEqualTo(1);
        assertThat(dataForSeo
                        .countRequestsMatching(getRequestedFor(urlEqualTo(TASKS + "tasks_ready"))
                                .build())
                        .getCount())
                .isEqualTo(3);
        assertThat(dataForSeo
                        .countRequestsMatching(getRequestedFor(urlPathMatching(TASKS + "task_get/.*"))
                                .build())
                        .getCount())
                .isEqualTo(2);
        assertThat(testDb.rowsOf("SELECT result::text AS r FROM jobs")
                        .get(0)
                        .get("r")
                        .toString())
                .contains("\"mode\":\"standard\"", "\"queries_succeeded\":1", "\"results_saved\":5");
    }

    @Test
    void inStandardModeACancelledJobStopsBeforeLookingForItsTasks() throws Exception {
        context.start();
        CliRun submit = CliRun.run(
                testDb.env(environment()),
                "job",
                "submit",
                "discover",
                "--keywords",
                "parenting blog",
                "--locations",
                "usa");
        String job = submit.out().trim();
        testDb.execute(
                "UPDATE jobs SET status = 'running', claimed_by = 'worker-1', cancel_requested_at = now() WHERE id = '"
                        + job + "'");
        // posted before the cancellation: nothing is left to post, so the collector is the first to look at the job
        testDb.execute(
                "INSERT INTO discovery_queries (id, job_id, keyword, location, location_code, position, status, task_id)"
                        + " VALUES ('" + QUERY_ID + "', '" + job + "', 'parenting blog', 'usa', 2840, 0, 'posted', '"
                        + TASK_ID + "')");
        String params = testDb.rowsOf("SELECT params::text AS p FROM jobs")
                .get(0)
                .get("p")
                .toString();

        assertThatThrownBy(() -> runAsJob(
                        "direct:discover-job", Map.of("jobId", job, "worker", "worker-1", "jobParams", params)))
                .satisfies(e -> assertThat(JobFailures.find(e, JobStopped.class))
                        .hasValueSatisfying(
                                stopped -> assertThat(stopped.reason()).isEqualTo(JobStopped.Reason.CANCELLED)));
        assertThat(dataForSeo.getAllServeEvents()).isEmpty();
        assertThat(testDb.rowsOf("SELECT status FROM discovery_queries")).containsExactly(Map.of("status", "posted"));
    }

    /** task_post, tasks_ready (nothing twice, then the task) and task_get as DataForSEO answers one task. */
    private void stubStandardTask() {
        // task_post accepts the task under the id the recorded answers use, echoing the tag it was sent
        dataForSeo.stubFor(post(urlEqualTo(TASKS + "task_post"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withBody(TASK_POST.replace("TASK_ID", TASK_ID))
                        .withTransformers("response-template")));
        // tasks_ready lists nothing twice (the first look probes the posted task, the second waits a poll), then the
        // task
        dataForSeo.stubFor(get(urlEqualTo(TASKS + "tasks_ready"))
                .inScenario("ready")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(200).withBody(NOTHING_READY))
                .willSetStateTo("looked once"));
        dataForSeo.stubFor(get(urlEqualTo(TASKS + "tasks_ready"))
                .inScenario("ready")
                .whenScenarioStateIs("looked once")
                .willReturn(aResponse().withStatus(200).withBody(NOTHING_READY))
                .willSetStateTo("finished"));
        dataForSeo.stubFor(get(urlEqualTo(TASKS + "tasks_ready"))
                .inScenario("ready")
                .whenScenarioStateIs("finished")
                .willReturn(aResponse().withStatus(200).withBody(Fixtures.read("dataforseo/serp-tasks-ready.json"))));
        dataForSeo.stubFor(get(urlEqualTo(TASKS + "task_get/advanced/" + TASK_ID))
                .inScenario("task")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withBody(Fixtures.read("dataforseo/dataforseo-serp-task-get-in-queue-40602.json")))
                .willSetStateTo("done"));
        dataForSeo.stubFor(get(urlEqualTo(TASKS + "task_get/advanced/" + TASK_ID))
                .inScenario("task")
                .whenScenarioStateIs("done")
                .willReturn(
                        aResponse().withStatus(200).withBody(Fixtures.read("dataforseo/serp-task-get-advanced.json"))));
    }

    @Test
    void aCampaignsDiscoveryPutsItsProspectsInItAndCountsAnotherCampaignsDomainAsExistingUnderIt() throws Exception {
        standInForTheJobCheck();
        dataForSeo.stubFor(post(urlEqualTo("/v3/serp/google/organic/live/advanced"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.read("dataforseo/serp-live-mixed.json"))));
        cli("campaign", "create", "meals", "--keywords", "vegan meal prep", "--locations", "uk");
        ownedBy("lamps", "minimalistbaker.com");

        String job = runDiscovery("--campaign", "meals"); // its saved search

        assertThat(testDb.count("SELECT count(*) FROM prospects p JOIN campaigns c ON c.id = p.campaign_id"
                        + " WHERE c.name = 'meals' AND p.page_url IS NOT NULL"))
                .isEqualTo(8);
        assertThat(owner("minimalistbaker.com")).isEqualTo("lamps");
        assertThat(testDb.rowsOf("SELECT keyword, results_saved, results_skipped_existing FROM discovery_queries"))
                .containsExactly(
                        Map.of("keyword", "vegan meal prep", "results_saved", 8, "results_skipped_existing", 1));
        assertTheJobShowsItsCampaignAndWhoseTheExistingWere(job, "meals", "1 (1 in lamps)", Map.of("lamps", 1));
    }

    @Test
    void byRegistrableDomainAnotherCampaignsDomainIsExistingUnderItToo() throws Exception {
        standInForTheJobCheck();
        dataForSeo.stubFor(post(urlEqualTo("/v3/serp/google/organic/live/advanced"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.read("dataforseo/serp-live-mixed.json"))));
        cli("campaign", "create", "meals");
        ownedBy("lamps", "thriftyvegan.co.uk");
        ownedBy("default", "minimalistbaker.com");

        // a campaign without a saved search, given one for this job
        String job = runDiscovery("--campaign", "meals", "--keywords", "vegan meal prep", "--locations", "uk");

        assertThat(owner("thriftyvegan.co.uk")).isEqualTo("lamps");
        assertThat(testDb.count("SELECT count(*) FROM prospects p JOIN campaigns c ON c.id = p.campaign_id"
                        + " WHERE c.name = 'meals'"))
                .isPositive();
        assertTheJobShowsItsCampaignAndWhoseTheExistingWere(
                job, "meals", "2 (1 in default, 1 in lamps)", Map.of("default", 1, "lamps", 1));
    }

    @Test
    void inStandardModeACampaignsProspectsGoToItAndAnotherCampaignsDomainIsExistingUnderIt() throws Exception {
        standInForTheJobCheck();
        stubStandardTask();
        cli("campaign", "create", "parents", "--keywords", "parenting blog", "--locations", "usa");
        ownedBy("default", "dadlabnotes.com");
        CliRun submit = CliRun.run(testDb.env(environment()), "job", "submit", "discover", "--campaign", "parents");
        assertThat(submit.exitCode()).as(submit.err()).isZero();
        String job = submit.out().trim();
        testDb.execute("UPDATE jobs SET status = 'running', claimed_by = 'worker-1' WHERE id = '" + job + "'");
        testDb.execute("INSERT INTO discovery_queries (id, job_id, keyword, location, location_code, position, status)"
                + " VALUES ('" + QUERY_ID + "', '" + job + "', 'parenting blog', 'usa', 2840, 0, 'pending')");

        runAsJob("direct:discover-job", Map.of("jobId", job, "worker", "worker-1", "jobParams", paramsOf(job)));

        assertThat(testDb.count("SELECT count(*) FROM prospects p JOIN campaigns c ON c.id = p.campaign_id"
                        + " WHERE c.name = 'parents' AND p.discovery_query_id = '" + QUERY_ID + "'"))
                .isEqualTo(4);
        assertThat(owner("dadlabnotes.com")).isEqualTo("default");
        assertTheJobShowsItsCampaignAndWhoseTheExistingWere(job, "parents", "1 (1 in default)", Map.of("default", 1));
    }

    private void standInForTheJobCheck() throws Exception {
        // the job check is also called from the DataForSEO client, so it stands in as a route of its own
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("direct:check-job").routeId("check-job").to("mock:check-job");
            }
        });
        context.start();
    }

    /** Submits a discover job through the CLI and runs it as a worker would; its id. */
    private String runDiscovery(String... options) throws Exception {
        var args = new java.util.ArrayList<>(java.util.List.of("job", "submit", "discover"));
        args.addAll(java.util.List.of(options));
        CliRun submit = CliRun.run(testDb.env(environment()), args.toArray(String[]::new));
        assertThat(submit.exitCode()).as(submit.err()).isZero();
        String job = submit.out().trim();
        testDb.execute("UPDATE jobs SET status = 'running', claimed_by = 'worker-1' WHERE id = '" + job + "'");
        runAsJob("direct:discover-job", Map.of("jobId", job, "worker", "worker-1", "jobParams", paramsOf(job)));
        return job;
    }

    private String paramsOf(String job) {
        return testDb.rowsOf("SELECT params::text AS p FROM jobs WHERE id = '" + job + "'")
                .get(0)
                .get("p")
                .toString();
    }

    private void assertTheJobShowsItsCampaignAndWhoseTheExistingWere(
            String job, String campaign, String existingLine, Map<String, Integer> existingByCampaign)
            throws Exception {
        CliRun show = cli("job", "show", job);
        assertThat(show.out()).contains("campaign   " + campaign).contains("existing   " + existingLine);
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var shown = json.readTree(cli("job", "show", job, "--json").out());
        assertThat(shown.path("campaign").asText()).isEqualTo(campaign);
        assertThat(json.convertValue(
                        shown.path("existing_by_campaign"),
                        new com.fasterxml.jackson.core.type.TypeReference<Map<String, Integer>>() {}))
                .isEqualTo(existingByCampaign);
        var listed = json.readTree(cli("job", "list", "--json").out());
        assertThat(listed.get(0).path("campaign").asText()).isEqualTo(campaign);
        assertThat(cli("job", "list").out()).contains(campaign);
    }

    private CliRun cli(String... args) {
        CliRun run = CliRun.run(testDb.env(environment()), args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }

    /** A prospect for {@code domain} in campaign {@code name} (created when missing), stored before the job. */
    private void ownedBy(String name, String domain) {
        testDb.execute("INSERT INTO campaigns (name) VALUES ('" + name + "') ON CONFLICT (name) DO NOTHING");
        testDb.execute("INSERT INTO prospects (domain, outreach_status, campaign_id)" + " SELECT '" + domain
                + "', 'pending', id FROM campaigns WHERE name = '" + name + "'");
    }

    private String owner(String domain) {
        return testDb.rowsOf("SELECT c.name FROM prospects p JOIN campaigns c ON c.id = p.campaign_id"
                        + " WHERE p.domain = '" + domain + "'")
                .get(0)
                .get("name")
                .toString();
    }

    private static final String NOTHING_READY = """
            {"version": "0.1.20251117", "status_code": 20000, "status_message": "Ok.", "time": "0.02 sec.", "cost": 0,
             "tasks_count": 1, "tasks_error": 0, "tasks": [
              {"id": "11261500-0000-0000-0000-000000000000", "status_code": 20000, "status_message": "Ok.", "time": "0.01 sec.",
               "cost": 0, "result_count": 0, "path": ["v3", "serp", "google", "organic", "tasks_ready"], "data": {"api": "serp",
               "function": "tasks_ready", "se": "google", "se_type": "organic"}, "result": []}]}""";

    private static final String TASK_POST = """
            {"version": "0.1.20251117", "status_code": 20000, "status_message": "Ok.", "time": "0.05 sec.", "cost": 0.0006,
             "tasks_count": 1, "tasks_error": 0, "tasks": [
              {"id": "TASK_ID", "status_code": 20100, "status_message": "Task Created.", "time": "0.01 sec.", "cost": 0.0006,
               "result_count": 0, "path": ["v3", "serp", "google", "organic", "task_post"],
               "data": {"api": "serp", "function": "task_post", "se": "google", "se_type": "organic",
                        "keyword": "{{jsonPath request.body '$[0].keyword'}}", "tag": "{{jsonPath request.body '$[0].tag'}}"},
               "result": null}]}""";
}

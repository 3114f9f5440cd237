package dev.outreachpipeline.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.outreachpipeline.jobs.JobDeferred;
import dev.outreachpipeline.jobs.JobFailed;
import dev.outreachpipeline.testsupport.Fixtures;
import dev.outreachpipeline.testsupport.Rows;
import java.time.OffsetDateTime;
import java.util.Map;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Proves routes/30-enrichment.camel.yaml against a WireMock Hunter: the claimed prospects are looked
 * up side by side, each gets its contact and score with the job's counters, and drafting is enqueued;
 * a spent quota hands the claims not looked up back, pauses Hunter and puts the job off; any other
 * failure hands the claims back too and reaches the job worker. The job routes of 10-jobs (check,
 * guard, enqueue) run for real against the job's row.
 */
class EnrichmentRouteIT extends RouteTestSupport {

    private static final String WORKER = "worker-1";

    private final WireMockServer hunter = started();

    private static WireMockServer started() {
        var server = new WireMockServer(options().dynamicPort());
        server.start();
        return server;
    }

    @AfterEach
    void stopWireMock() {
        hunter.stop();
    }

    @Override
    protected String[] routeFiles() {
        return new String[] {"10-jobs", "30-enrichment"};
    }

    @Override
    protected String[] environment() {
        return new String[] {
            "HUNTER_BASE_URL",
            hunter.baseUrl(),
            "HUNTER_API_KEY",
            "hunter-route-k3y",
            "OUTREACH_HUNTER_VERIFY",
            "false",
            "OUTREACH_HUNTER_RETRY_DELAY_MS",
            "20",
            "OUTREACH_HUNTER_MAX_RETRY_DELAY_MS",
            "100"
        };
    }

    @Test
    void claimedProspectsGetTheirContactAndScoreAndDraftingIsEnqueued() throws Exception {
        // what every parallel lookup records with: the job's variables must reach the split's sub-exchanges
        AdviceWith.adviceWith(
                context,
                "record-enrichment",
                a -> a.weaveById("write-contact-and-score").before().to("mock:recording"));
        context.start();
        String garden = prospect("gardenblog.com", 2);
        String quiet = prospect("quietsite.org", 7);
        searchAnswers("gardenblog.com", 200, Fixtures.read("hunter/domain-search-mixed.json"));
        searchAnswers("quietsite.org", 200, Fixtures.read("hunter/hunter-domain-search-no-emails.json"));
        String job = runningEnrichJob();
        MockEndpoint recording = getMockEndpoint("mock:recording");
        recording.expectedMessageCount(2);
        recording.expectedVariableReceived("jobId", job);
        recording.expectedVariableReceived("worker", WORKER);
        recording.expectedVariableValuesReceivedInAnyOrder("prospectId", garden, quiet);

        runAsJob("direct:enrich-job", jobVariables(job));

        recording.assertIsSatisfied();
        Map<String, Map<String, Object>> rows = prospects();
        assertThat(rows.get(garden))
                .containsEntry("outreach_status", "enriched")
                .containsEntry("contact_email", "sarah.whitfield@gardenblog.com")
                .containsEntry("contact_method", "hunter_personal");
        assertThat(new java.math.BigDecimal(rows.get(garden).get("score").toString()))
                .isPositive();
        assertThat(rows.get(quiet)).containsEntry("outreach_status", "no_email").containsEntry("contact_email", null);
        assertThat(rows.get(quiet).get("score")).isNotNull();
        assertThat(testDb.rowsOf("SELECT result::text AS r FROM jobs WHERE id = '" + job + "'")
                        .get(0)
                        .get("r")
                        .toString())
                .contains("\"enriched\": 1", "\"no_email\": 1", "\"provider_calls\": 2");
        assertThat(testDb.rowsOf(
                        "SELECT params::text AS p, status FROM jobs WHERE job_type = 'draft' AND origin = 'chained:"
                                + job + "'"))
                .containsExactly(Map.of("p", "{\"enrich_job_id\":\"" + job + "\"}", "status", "pending"));
    }

    @Test
    void aSpentQuotaHandsTheClaimsBackPausesHunterAndPutsTheJobOff() throws Exception {
        // one prospect a batch, in claim order: alpha is found, then beta meets the spent quota
        context.getPropertiesComponent().addOverrideProperty("outreach.enrichment.batch-size", "1");
        context.start();
        String alpha = prospect("alpha.com", 1);
        String beta = prospect("beta.com", 2);
        searchAnswers(
                "alpha.com",
                200,
                Fixtures.read("hunter/domain-search-mixed.json").replace("gardenblog.com", "alpha.com"));
        searchAnswers("beta.com", 429, Fixtures.read("hunter/hunter-error-429-usage-limit.json"));
        hunter.stubFor(get(urlPathEqualTo("/v2/account"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withBody(Fixtures.read("hunter/hunter-account.json").replace("2025-12-14", "2031-01-01"))));
        String job = runningEnrichJob();

        assertThatThrownBy(() -> runAsJob("direct:enrich-job", jobVariables(job)))
                .isInstanceOfSatisfying(JobDeferred.class, deferred -> {
                    assertThat(deferred.runAfter()).isEqualTo(OffsetDateTime.parse("2031-01-01T00:00:00Z"));
                    assertThat(deferred.getMessage()).contains("quota").contains("Enrichment resumes after 2031-01-01");
                });

        Map<String, Map<String, Object>> rows = prospects();
        assertThat(rows.get(alpha)).containsEntry("outreach_status", "enriched");
        assertThat(rows.get(beta)).containsEntry("outreach_status", "pending").containsEntry("hunter_payload", null);
        assertThat(
                        testDb.rowsOf(
                                "SELECT until = '2031-01-01T00:00:00Z' AS at_reset, reason FROM provider_pauses WHERE provider = 'hunter'"))
                .singleElement()
                .satisfies(pause -> {
                    assertThat(pause).containsEntry("at_reset", true);
                    assertThat(pause.get("reason").toString()).contains("Enrichment resumes after 2031-01-01");
                });
        // what was enriched before the pause is drafted meanwhile
        assertThat(testDb.count(
                        "SELECT count(*) FROM jobs WHERE job_type = 'draft' AND origin = 'chained:" + job + "'"))
                .isEqualTo(1);
    }

    @Test
    void aRejectedKeyHandsTheClaimsBackAndFailsTheJob() throws Exception {
        context.start();
        prospect("alpha.com", 1);
        prospect("beta.com", 2);
        hunter.stubFor(get(urlPathEqualTo("/v2/domain-search"))
                .willReturn(aResponse()
                        .withStatus(401)
                        .withBody(Fixtures.read("hunter/hunter-error-401-authentication-failed.json"))));
        String job = runningEnrichJob();

        assertThatThrownBy(() -> runAsJob("direct:enrich-job", jobVariables(job)))
                .isInstanceOf(JobFailed.class)
                .hasMessageContaining("Hunter rejected the API key");

        assertThat(testDb.count(
                        "SELECT count(*) FROM prospects WHERE outreach_status = 'pending' AND hunter_payload IS NULL"))
                .isEqualTo(2);
        assertThat(testDb.count("SELECT count(*) FROM provider_pauses")).isZero();
        assertThat(testDb.count("SELECT count(*) FROM jobs WHERE job_type = 'draft'"))
                .isZero();
    }

    private String prospect(String domain, int rank) {
        return testDb.rowsOf(
                        "INSERT INTO prospects (domain, page_url, page_title, dataforseo_payload) VALUES ('" + domain
                                + "', 'https://" + domain + "/post', 'A post on " + domain
                                + "', '{\"type\": \"organic\", \"rank_absolute\": "
                                + rank + "}') RETURNING id::text AS id")
                .get(0)
                .get("id")
                .toString();
    }

    /** An enrich job as the worker holds it while its route runs. */
    private String runningEnrichJob() {
        return testDb.rowsOf(
                        "INSERT INTO jobs (job_type, params, origin, status, claimed_by) VALUES ('enrich', '{}', 'test',"
                                + " 'running', '" + WORKER + "') RETURNING id::text AS id")
                .get(0)
                .get("id")
                .toString();
    }

    private static Map<String, Object> jobVariables(String job) {
        return Map.of("jobId", job, "jobType", "enrich", "jobParams", "{}", "worker", WORKER);
    }

    private void searchAnswers(String domain, int status, String body) {
        hunter.stubFor(get(urlPathEqualTo("/v2/domain-search"))
                .withQueryParam("domain", equalTo(domain))
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody(body)));
    }

    private Map<String, Map<String, Object>> prospects() {
        return Rows.of(
                testDb,
                "(SELECT id, outreach_status, contact_email, contact_method, score, hunter_payload::text AS hunter_payload"
                        + " FROM prospects)");
    }
}

package dev.outreachpipeline.discovery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outreachpipeline.testsupport.CliRun;
import dev.outreachpipeline.testsupport.Fixtures;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every class of DataForSEO outcome, as the job and its queries record it. */
class DataForSeoOutcomesIT {

    private static final String MIXED = "dataforseo/serp-live-mixed.json";

    private final DiscoveryTestBed bed = new DiscoveryTestBed();

    @AfterEach
    void stop() {
        bed.close();
    }

    private void firstThenSuccess(String keyword, int status, String firstBody) {
        bed.dataForSeo.stubFor(DiscoveryTestBed.liveCall(keyword)
                .inScenario(keyword)
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(status).withBody(firstBody))
                .willSetStateTo("answered"));
        bed.dataForSeo.stubFor(DiscoveryTestBed.liveCall(keyword)
                .inScenario(keyword)
                .whenScenarioStateIs("answered")
                .willReturn(aResponse().withStatus(200).withBody(Fixtures.read(MIXED))));
    }

    @Test
    void aRateLimitAndAServerErrorAreRetriedAndThenSucceed() {
        firstThenSuccess("rate limited", 200, Fixtures.read("dataforseo/dataforseo-rate-limit-40202.json"));
        firstThenSuccess("server error", 500, "<html>Internal Server Error</html>");
        String jobId = bed.submit("--keywords", "rate limited, server error", "--locations", "uk");

        CliRun run = bed.runOnce();

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(bed.job(jobId)).containsEntry("status", "completed");
        Map<String, Map<String, Object>> queries = bed.queries(jobId);
        assertThat(queries.get("rate limited"))
                .containsEntry("status", "success")
                .containsEntry("api_calls", 2)
                .containsEntry("results_found", 12);
        assertThat(queries.get("server error"))
                .containsEntry("status", "success")
                .containsEntry("api_calls", 2)
                .containsEntry("results_skipped_duplicate", 11);
        assertThat(bed.liveCallsFor("rate limited")).isEqualTo(2);
        assertThat(bed.liveCallsFor("server error")).isEqualTo(2);
    }

    @Test
    void retriesStopAtTheConfiguredLimitAndFailOnlyThatQuery() {
        bed.with("OUTREACH_DATAFORSEO_MAX_RETRIES", "2");
        bed.dataForSeo.stubFor(DiscoveryTestBed.liveCall("always busy")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withBody(Fixtures.read("dataforseo/dataforseo-rate-limit-40202.json"))));
        bed.liveSerp("fine", MIXED);
        String jobId = bed.submit("--keywords", "always busy, fine", "--locations", "uk");

        assertThat(bed.runOnce().exitCode()).isZero();

        assertThat(bed.job(jobId)).containsEntry("status", "completed");
        assertThat(bed.queries(jobId).get("always busy"))
                .containsEntry("status", "failed")
                .containsEntry("api_calls", 3);
        assertThat((String) bed.queries(jobId).get("always busy").get("error_message"))
                .contains("after 3 attempt(s)")
                .contains("40202");
        assertThat(bed.queries(jobId).get("fine")).containsEntry("status", "success");
    }

    @Test
    void anInvalidFieldFailsThatQueryAndTheJobGoesOn() {
        bed.liveSerp("bad depth", "dataforseo/dataforseo-serp-live-advanced-task-error-40501-invalid-field.json");
        bed.liveSerp("good one", MIXED);
        String jobId = bed.submit("--keywords", "bad depth, good one", "--locations", "uk");

        assertThat(bed.runOnce().exitCode()).isZero();

        assertThat(bed.job(jobId)).containsEntry("status", "completed");
        Map<String, Object> bad = bed.queries(jobId).get("bad depth");
        assertThat(bad).containsEntry("status", "failed").containsEntry("api_calls", 1);
        assertThat((String) bad.get("error_message")).contains("40501").contains("depth");
        assertThat(bed.queries(jobId).get("good one"))
                .containsEntry("status", "success")
                .containsEntry("results_saved", 9);
        assertThat(bed.liveCallsFor("bad depth")).isEqualTo(1);
        assertThat((String) bed.job(jobId).get("result")).contains("\"queries_failed\":1", "\"queries_succeeded\":1");
    }

    @Test
    void rejectedCredentialsFailTheJobFastWithoutTouchingTheOtherQueries() {
        bed.dataForSeo.stubFor(DiscoveryTestBed.liveCall("first")
                .willReturn(aResponse()
                        .withStatus(401)
                        .withBody(Fixtures.read("dataforseo/dataforseo-http-401-unauthorized.json"))));
        bed.liveSerp("second", MIXED);
        String jobId = bed.submit("--keywords", "first, second", "--locations", "uk");

        CliRun run = bed.runOnce();

        assertThat(run.exitCode()).isZero();
        assertThat(bed.job(jobId)).containsEntry("status", "failed");
        assertThat((String) bed.job(jobId).get("error_message"))
                .contains("DataForSEO")
                .contains("40100")
                .doesNotContain(DiscoveryTestBed.PASSWORD);
        assertThat(bed.liveCallsFor("first")).isEqualTo(1);
        assertThat(bed.liveCallsFor("second")).isZero();
        assertThat(bed.queries(jobId).get("second")).containsEntry("status", "pending");
        assertThat(run.err()).doesNotContain(DiscoveryTestBed.PASSWORD);
    }

    @Test
    void anEmptySerpInAnyOfItsThreeFormsIsZeroResultsNotAFailure() {
        String nullItems = Fixtures.read("dataforseo/dataforseo-serp-live-advanced-empty-items.json");
        bed.liveSerp("null items", "dataforseo/dataforseo-serp-live-advanced-empty-items.json");
        bed.dataForSeo.stubFor(DiscoveryTestBed.liveCall("empty items")
                .willReturn(
                        aResponse().withStatus(200).withBody(nullItems.replace("\"items\": null", "\"items\": []"))));
        bed.liveSerp("no results", "dataforseo/dataforseo-serp-live-advanced-task-error-40102-no-results.json");
        String jobId = bed.submit("--keywords", "null items, empty items, no results", "--locations", "uk");

        assertThat(bed.runOnce().exitCode()).isZero();

        assertThat(bed.job(jobId)).containsEntry("status", "completed");
        for (String keyword : new String[] {"null items", "empty items", "no results"}) {
            assertThat(bed.queries(jobId).get(keyword))
                    .as(keyword)
                    .containsEntry("status", "success")
                    .containsEntry("results_found", 0)
                    .containsEntry("results_saved", 0)
                    .containsEntry("api_calls", 1);
        }
        assertThat(bed.db.count("SELECT count(*) FROM jobs WHERE job_type = 'enrich'"))
                .isZero();
    }
}

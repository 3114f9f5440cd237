package dev.outreachpipeline.discovery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.outreachpipeline.testsupport.CliRun;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A discover job from the CLI against a WireMock-ed DataForSEO, end to end through the real routes. */
class DiscoverJobIT {

    private final DiscoveryTestBed bed = new DiscoveryTestBed();

    @AfterEach
    void stop() {
        bed.close();
    }

    @Test
    void aMixedSerpLeavesExactlyTheRightProspectsAndCounters() {
        bed.db.execute("INSERT INTO prospects (domain) VALUES ('minimalistbaker.com')");
        bed.liveSerp("vegan meal prep blog", "dataforseo/serp-live-mixed.json");
        String jobId = bed.submit("--keywords", "vegan meal prep blog", "--locations", "uk");

        CliRun run = bed.runOnce();

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(bed.job(jobId)).containsEntry("status", "completed");
        Map<String, Object> query = bed.queries(jobId).get("vegan meal prep blog");
        assertThat(query)
                .containsEntry("status", "success")
                .containsEntry("results_found", 12)
                .containsEntry("results_saved", 8)
                .containsEntry("results_skipped_duplicate", 2)
                .containsEntry("results_skipped_existing", 1)
                .containsEntry("api_calls", 1);
        assertThat((String) query.get("meta")).contains("\"skipped_invalid\":1");
        assertThat(bed.db.count("SELECT count(*) FROM prospects WHERE discovery_query_id IS NOT NULL"))
                .isEqualTo(8);
        assertThat(bed.db.count("""
                SELECT count(*) FROM prospects WHERE domain IN ('greenplatekitchen.com', 'plantpoweredprep.com',
                  'blog.thriftyvegan.co.uk', 'thriftyvegan.co.uk', 'reddit.com', 'bbcgoodfood.com',
                  'veganfoodandliving.com', 'sproutandspoon.blog') AND outreach_status = 'pending'
                  AND page_url IS NOT NULL AND dataforseo_payload IS NOT NULL""")).isEqualTo(8);
        assertThat(bed.db.count("""
                SELECT count(*) FROM prospects WHERE domain = 'greenplatekitchen.com'
                   AND page_url = 'https://www.greenplatekitchen.com/vegan-meal-prep-guide/'
                   AND dataforseo_payload->>'rank_absolute' = '3'""")).isEqualTo(1);
        assertThat((String) bed.job(jobId).get("result"))
                .contains(
                        "\"results_found\":12",
                        "\"results_saved\":8",
                        "\"results_skipped_duplicate\":2",
                        "\"results_skipped_existing\":1",
                        "\"results_skipped_invalid\":1",
                        "\"api_calls\":1",
                        "\"cost\":0.004");
        assertThat(bed.db.count(
                        "SELECT count(*) FROM jobs WHERE job_type = 'enrich' AND origin = 'chained:" + jobId + "'"))
                .isEqualTo(1);
    }

    @Test
    void maxResultsCapsSavedProspectsExactlyAndLaterQueriesAreNotPaidFor() {
        bed.liveSerp("first", "dataforseo/serp-live-mixed.json");
        bed.liveSerp("second", "dataforseo/serp-live-mixed.json");
        String jobId = bed.submit("--keywords", "first, second", "--locations", "uk", "--max-results", "5");

        assertThat(bed.runOnce().exitCode()).isZero();

        assertThat(bed.job(jobId)).containsEntry("status", "completed");
        assertThat(bed.db.count("SELECT count(*) FROM prospects")).isEqualTo(5);
        Map<String, Object> first = bed.queries(jobId).get("first");
        // greenplatekitchen, plantpoweredprep, blog.thriftyvegan.co.uk, thriftyvegan.co.uk, reddit: five new ones,
        // with a duplicate greenplatekitchen result between them and the ftp:// one after them; examining stops
        // at the next new domain (bbcgoodfood.com).
        assertThat(first)
                .containsEntry("results_saved", 5)
                .containsEntry("results_found", 7)
                .containsEntry("results_skipped_duplicate", 1);
        assertThat((String) first.get("meta")).contains("\"skipped_invalid\":1", "\"not_examined_over_cap\":5");
        assertThat(bed.queries(jobId).get("second")).containsEntry("status", "skipped");
        assertThat(bed.liveCallsFor("second")).isZero();
        assertThat((String) bed.job(jobId).get("result")).contains("\"results_saved\":5", "\"queries_skipped\":1");
    }

    @Test
    void reachingMaxResultsIsOneInfoLineWithoutAnErrorOrAStackTrace() {
        bed.with("OUTREACH_DISCOVERY_CHAIN_ENRICH", "false");
        bed.liveSerp("first", "dataforseo/serp-live-mixed.json");
        bed.liveSerp("second", "dataforseo/serp-live-mixed.json");
        String jobId = bed.submit("--keywords", "first, second", "--locations", "uk", "--max-results", "5");

        List<ILoggingEvent> events =
                logged(() -> assertThat(bed.runOnce().exitCode()).isZero());

        assertThat(bed.job(jobId)).containsEntry("status", "completed");
        assertThat(events)
                .filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
                .isEmpty();
        assertThat(events)
                .filteredOn(e -> e.getLoggerName().startsWith("dev.outreachpipeline.discovery"))
                .allSatisfy(e -> assertThat(e.getLevel()).isEqualTo(Level.INFO));
        assertThat(events).allSatisfy(e -> assertThat(e.getThrowableProxy()).isNull());
        assertThat(events)
                .filteredOn(e -> e.getFormattedMessage().contains("max_results"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.getLevel()).isEqualTo(Level.INFO);
                    assertThat(e.getFormattedMessage())
                            .isEqualTo("Job " + jobId
                                    + " saved its max_results (5) prospects; its 1 remaining queries are skipped");
                });
    }

    @Test
    void inStandardModeTasksLeftAtMaxResultsAreSkippedAndTheJobEndsWithoutAnError() {
        bed.with("OUTREACH_DATAFORSEO_MODE", "standard").with("OUTREACH_DISCOVERY_CHAIN_ENRICH", "false");
        bed.dataForSeo.stubFor(post(urlEqualTo("/v3/serp/google/organic/task_post"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withBody(DiscoveryCrashSafetyIT.TASK_POST_TWO)
                        .withTransformers("response-template")));
        bed.dataForSeo.stubFor(get(urlEqualTo("/v3/serp/google/organic/tasks_ready"))
                .willReturn(aResponse().withStatus(200).withBody(DiscoveryCrashSafetyIT.tasksReady())));
        bed.dataForSeo.stubFor(get(urlPathMatching("/v3/serp/google/organic/task_get/advanced/.*"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withBody(dev.outreachpipeline.testsupport.Fixtures.read(
                                "dataforseo/serp-task-get-advanced.json"))));
        String jobId = bed.submit("--keywords", "one, two", "--locations", "usa", "--max-results", "3");

        List<ILoggingEvent> events =
                logged(() -> assertThat(bed.runOnce().exitCode()).isZero());

        assertThat(bed.job(jobId)).containsEntry("status", "completed");
        assertThat(bed.db.count("SELECT count(*) FROM prospects")).isEqualTo(3);
        assertThat(bed.db.count(
                        "SELECT count(*) FROM discovery_queries WHERE status = 'skipped' AND error_message LIKE 'task t-q:%"
                                + " not collected: the job had already saved max_results prospects'"))
                .isEqualTo(1);
        assertThat(bed.dataForSeo
                        .countRequestsMatching(
                                getRequestedFor(urlPathMatching("/v3/serp/google/organic/task_get/advanced/.*"))
                                        .build())
                        .getCount())
                .isEqualTo(1);
        assertThat(events)
                .filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
                .isEmpty();
        assertThat(events)
                .filteredOn(e -> e.getFormattedMessage().contains("max_results"))
                .extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly(
                        "Job " + jobId + " saved its max_results (3) prospects; its 1 remaining queries are skipped");
    }

    @Test
    void theFirstQueriesOfAJobCoverEveryKeywordAndEveryLocationWhenMaxResultsStopsIt() {
        bed.liveSerp("succulents", "dataforseo/serp-live-mixed.json"); // 9 new prospects
        bed.liveSerp("monstera", "dataforseo/serp-task-get-advanced.json"); // others, all new
        String jobId =
                bed.submit("--keywords", "succulents, monstera", "--locations", "usa, uk", "--max-results", "10");

        assertThat(bed.runOnce().exitCode()).isZero();

        assertThat(bed.job(jobId)).containsEntry("status", "completed");
        assertThat(liveCalls("succulents", 2840)).isEqualTo(1);
        assertThat(liveCalls("monstera", 2826)).isEqualTo(1);
        assertThat(bed.dataForSeo
                        .countRequestsMatching(postRequestedFor(urlEqualTo(DiscoveryTestBed.LIVE))
                                .build())
                        .getCount())
                .isEqualTo(2);
        assertThat(bed.db.count("SELECT count(*) FROM prospects")).isEqualTo(10);
        assertThat((String) bed.job(jobId).get("result")).contains("\"queries_skipped\":2", "\"results_saved\":10");
    }

    @Test
    void aSerpItemWithControlCharactersCostsOnlyItselfAndSaysWhy() {
        bed.liveSerp("vegan meal prep blog", "dataforseo/serp-live-control-characters.json");
        String jobId = bed.submit("--keywords", "vegan meal prep blog", "--locations", "uk");

        List<ILoggingEvent> events =
                logged(() -> assertThat(bed.runOnce().exitCode()).isZero());

        Map<String, Object> query = bed.queries(jobId).get("vegan meal prep blog");
        assertThat(query)
                .containsEntry("status", "success")
                .containsEntry("results_found", 12)
                .containsEntry("results_saved", 8)
                .containsEntry("results_skipped_duplicate", 2);
        assertThat((String) query.get("meta"))
                .contains(
                        "\"skipped_invalid\":2",
                        "{\"rank_absolute\":3,\"control_characters\":\"its title held control characters (U+0000, U+001B, U+0007), removed\"}",
                        "{\"rank_absolute\":17,\"control_characters\":\"its URL held control characters (U+0000), so it was not taken\"}");
        assertThat(bed.db.count("""
                SELECT count(*) FROM prospects WHERE domain = 'greenplatekitchen.com'
                   AND page_title = 'The Complete Guide to Vegan Meal Prep ]0;owned- Green Plate Kitchen'
                   AND dataforseo_payload->>'description' = 'Everything you need for a week of plant-based lunches.'""")).isEqualTo(1);
        assertThat(bed.db.count("SELECT count(*) FROM prospects WHERE domain = 'sproutandspoon.blog'"))
                .isZero();
        assertThat(bed.liveCallsFor("vegan meal prep blog")).isEqualTo(1);
        assertThat(events)
                .filteredOn(e -> e.getFormattedMessage().contains("rank 3: its title held control characters"))
                .singleElement()
                .extracting(ILoggingEvent::getLevel)
                .isEqualTo(Level.INFO);
    }

    private int liveCalls(String keyword, int locationCode) {
        return bed.dataForSeo
                .countRequestsMatching(postRequestedFor(urlEqualTo(DiscoveryTestBed.LIVE))
                        .withRequestBody(matchingJsonPath("$[0].keyword", equalTo(keyword)))
                        .withRequestBody(matchingJsonPath("$[0].location_code", equalTo(String.valueOf(locationCode))))
                        .build())
                .getCount();
    }

    /** What was logged while {@code action} ran, at every level the configuration lets through. */
    private static List<ILoggingEvent> logged(Runnable action) {
        var root = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        var appender = new ListAppender<ILoggingEvent>();
        appender.start();
        root.addAppender(appender);
        try {
            action.run();
        } finally {
            root.detachAppender(appender);
        }
        return List.copyOf(appender.list);
    }
}

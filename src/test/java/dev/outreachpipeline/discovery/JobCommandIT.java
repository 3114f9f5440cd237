package dev.outreachpipeline.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outreachpipeline.testsupport.CliRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** `outreach job …`: what a person types, what it refuses, what it prints. */
class JobCommandIT {

    private final DiscoveryTestBed bed = new DiscoveryTestBed();

    @AfterEach
    void stop() {
        bed.close();
    }

    private CliRun submit(String... args) {
        var all = new java.util.ArrayList<>(java.util.List.of("job", "submit", "discover"));
        all.addAll(java.util.List.of(args));
        return CliRun.run(bed.env(), all.toArray(String[]::new));
    }

    @Test
    void invalidRequestsAreRefusedAtSubmitWithEveryReasonAndNothingIsEnqueued() {
        CliRun none = submit("--locations", "uk");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("keywords").contains("categories");

        CliRun bad = submit(
                "--keywords",
                "x".repeat(701),
                "--locations",
                "europe,atlantis,usa",
                "--categories",
                "cooking",
                "--max-results",
                "1001");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err())
                .contains("europe")
                .contains("atlantis")
                .contains("usa")
                .contains("cooking")
                .contains("home_decor")
                .contains("701")
                .contains("1001");

        CliRun noLocation = submit("--keywords", "a");
        assertThat(noLocation.exitCode()).isEqualTo(2);
        assertThat(noLocation.err()).containsIgnoringCase("location");

        assertThat(submit("--keywords", "a", "--locations", "uk", "--max-results", "0")
                        .exitCode())
                .isEqualTo(2);
        assertThat(bed.db.count("SELECT count(*) FROM jobs")).isZero();
    }

    @Test
    void submitPrintsTheIdAloneAndNumericLocationCodesAreAccepted() {
        CliRun ok = submit(
                "--keywords",
                "a, b",
                "--locations",
                "2840, london",
                "--categories",
                "home_decor",
                "--max-results",
                "5");

        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(ok.out().strip()).matches("[0-9a-f-]{36}");
        assertThat(bed.db.count("SELECT count(*) FROM jobs WHERE status = 'pending' AND origin = 'cli'"
                        + " AND params->>'max_results' = '5'"))
                .isEqualTo(1);
    }

    @Test
    void listAndShowDescribeAJobAndItsQueries() throws Exception {
        bed.liveSerp("vegan meal prep blog", "dataforseo/serp-live-mixed.json");
        String jobId = bed.submit("--keywords", "vegan meal prep blog", "--locations", "uk");
        assertThat(bed.runOnce().exitCode()).isZero();

        CliRun list = CliRun.run(bed.env(), "job", "list", "--type", "discover");
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).contains(jobId).contains("completed").contains("9 saved of 12 found");

        CliRun show = CliRun.run(bed.env(), "job", "show", jobId);
        assertThat(show.exitCode()).isZero();
        assertThat(show.out())
                .contains("status     completed")
                .contains("results_saved")
                .contains("vegan meal prep blog")
                .contains("uk 2826")
                .contains("success");

        JsonNode json = new ObjectMapper()
                .readTree(CliRun.run(bed.env(), "job", "show", jobId, "--json").out());
        assertThat(json.path("result").path("results_saved").asInt()).isEqualTo(9);
        assertThat(json.path("queries").get(0).path("saved").asInt()).isEqualTo(9);

        JsonNode listed = new ObjectMapper()
                .readTree(CliRun.run(bed.env(), "job", "list", "--type", "enrich", "--json")
                        .out());
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("origin").asText()).isEqualTo("chained:" + jobId);

        assertThat(CliRun.run(bed.env(), "job", "show", "not-a-uuid").exitCode())
                .isEqualTo(2);
    }

    @Test
    void waitFollowsTheJobAndPrintsItsResult() throws Exception {
        bed.liveSerp("vegan meal prep blog", "dataforseo/serp-live-mixed.json");
        var waiting = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> submit("--keywords", "vegan meal prep blog", "--locations", "uk", "--wait"));
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> bed.db.count("SELECT count(*) FROM jobs") == 1);

        assertThat(bed.runOnce().exitCode()).isZero();

        CliRun submitted = waiting.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(submitted.exitCode()).as(submitted.err()).isZero();
        assertThat(submitted.out())
                .matches("(?s)[0-9a-f-]{36}\n.*")
                .contains("status     completed")
                .contains("results_saved");
        assertThat(submitted.err()).contains("1/1 queries done, 9 prospects saved");
    }

    @Test
    void keywordsWithControlCharactersAreRefusedAtSubmitWithTheOtherReasons() {
        CliRun bad = submit("--keywords", "garden\0lights, patio\u001b[2J", "--locations", "atlantis");

        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err())
                .contains("The keyword 'garden\\u0000lights' contains control characters (U+0000)")
                .contains("The keyword 'patio\\u001B[2J' contains control characters (U+001B)")
                .contains("atlantis")
                .doesNotContain("\0")
                .doesNotContain("\u001b");
        assertThat(bed.db.count("SELECT count(*) FROM jobs")).isZero();
    }

    @Test
    void queriesTheCapDropsAreCountedAtSubmitAndRecordedOnTheJob() throws Exception {
        String keywords = String.join(
                ", ",
                java.util.stream.IntStream.range(0, 6)
                        .mapToObj(i -> "plant " + i)
                        .toList());
        bed.with("OUTREACH_DISCOVERY_MAX_QUERIES_PER_LOCATION", "2");

        CliRun ok = submit("--keywords", keywords, "--locations", "usa, uk");

        assertThat(ok.exitCode()).as(ok.err()).isZero();
        String jobId = ok.out().strip();
        assertThat(jobId).matches("[0-9a-f-]{36}");
        String sentence = "8 of the 12 queries asked for are dropped: outreach.discovery.max-queries-per-location"
                + " (OUTREACH_DISCOVERY_MAX_QUERIES_PER_LOCATION) runs at most 2 per location, so 4 will run."
                + " Raise it to run them all.";
        assertThat(ok.err()).contains("Note: " + sentence);

        JsonNode shown = new ObjectMapper()
                .readTree(CliRun.run(bed.env(), "job", "show", jobId, "--json").out());
        assertThat(shown.path("params").path("queries_dropped").path("count").asInt())
                .isEqualTo(8);
        assertThat(shown.path("params").path("queries_dropped").path("why").asText())
                .isEqualTo(sentence);
        assertThat(shown.path("params").path("keywords").asText()).isEqualTo(keywords);
        assertThat(CliRun.run(bed.env(), "job", "show", jobId).out())
                .contains("8 of the 12 queries asked for are dropped");
    }

    @Test
    void aRerunOfQueriesThatAllRanLatelyIsWarnedAboutAndWaitSaysNothingNewWasFound() throws Exception {
        bed.with("OUTREACH_DISCOVERY_CHAIN_ENRICH", "false");
        bed.liveSerp("vegan meal prep blog", "dataforseo/serp-live-mixed.json");
        CliRun first = submit("--keywords", "vegan meal prep blog", "--locations", "uk");
        assertThat(first.err()).doesNotContain("Warning");
        assertThat(bed.runOnce().exitCode()).isZero();

        CliRun partly = submit("--keywords", "Vegan Meal Prep Blog, another one", "--locations", "uk");
        assertThat(partly.exitCode()).isZero();
        assertThat(partly.err()).doesNotContain("Warning");
        CliRun.run(bed.env(), "job", "cancel", partly.out().strip());

        bed.liveSerp("VEGAN meal prep blog", "dataforseo/serp-live-mixed.json");
        var waiting = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> submit("--keywords", "VEGAN meal prep blog", "--locations", "uk", "--wait"));
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> bed.db.count("SELECT count(*) FROM jobs WHERE job_type = 'discover'") == 3);
        assertThat(bed.runOnce().exitCode()).isZero();
        CliRun again = waiting.get(30, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.err())
                .contains("Warning: Every one of the job's 1 queries already ran in the last 7 day(s)"
                        + " (outreach.discovery.rerun-warning-days)");
        assertThat(again.out())
                .contains("outcome    0 new of 12 found (11 already known or repeated, 1 without a usable URL)");

        bed.with("OUTREACH_DISCOVERY_RERUN_WARNING_DAYS", "0");
        CliRun off = submit("--keywords", "vegan meal prep blog", "--locations", "uk");
        assertThat(off.err()).doesNotContain("Warning");
    }
}

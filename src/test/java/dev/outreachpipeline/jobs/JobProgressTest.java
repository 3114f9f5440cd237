package dev.outreachpipeline.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A job's one-line outcome, as `job list` and the console's jobs page show it. */
class JobProgressTest {

    private static JobRow job(String type, String status, String result, String error) {
        return new JobRow(
                UUID.randomUUID(),
                type,
                status,
                "test",
                "{}",
                result,
                error,
                1,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    @Test
    void aResultOfCountsIsWordsNotJson() {
        assertThat(JobProgress.outcome(job("send", "completed", "{\"sent\": 21, \"provider_calls\": 21}", null)))
                .isEqualTo("sent 21, provider calls 21");
    }

    @Test
    void aDiscoveryIsItsSavedFoundAndQueries() {
        assertThat(JobProgress.outcome(job(
                        "discover",
                        "completed",
                        "{\"results_saved\": 5, \"results_found\": 9, \"queries_succeeded\": 2, \"queries_planned\": 2}",
                        null)))
                .isEqualTo("5 saved of 9 found, 2/2 queries");
    }

    @Test
    void aFailedJobIsItsErrorAndANestedResultStaysAsStored() {
        assertThat(JobProgress.outcome(job("enrich", "failed", "{}", "HUNTER_API_KEY is not set")))
                .isEqualTo("HUNTER_API_KEY is not set");
        assertThat(JobProgress.outcome(job("draft", "completed", "{\"by\": {\"a\": 1}}", null)))
                .isEqualTo("{\"by\": {\"a\": 1}}");
        assertThat(JobProgress.outcome(job("draft", "completed", null, null))).isEmpty();
    }
}

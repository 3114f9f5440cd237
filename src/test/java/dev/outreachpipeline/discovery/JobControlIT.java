package dev.outreachpipeline.discovery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.outreachpipeline.testsupport.CliRun;
import dev.outreachpipeline.testsupport.Fixtures;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Cancellation, the maximum run time, and two jobs saving the same domains at once. */
class JobControlIT {

    private final DiscoveryTestBed bed = new DiscoveryTestBed();

    @AfterEach
    void stop() {
        bed.close();
    }

    /** Every live call answers the mixed SERP after {@code delayMillis}. */
    private void slowSerps(int delayMillis) {
        bed.dataForSeo.stubFor(post(urlEqualTo(DiscoveryTestBed.LIVE))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withFixedDelay(delayMillis)
                        .withBody(Fixtures.read("dataforseo/serp-live-mixed.json"))));
    }

    private CompletableFuture<CliRun> runOnceInBackground() {
        return CompletableFuture.supplyAsync(bed::runOnce);
    }

    private long queriesIn(String jobId, String status) {
        return bed.db.count(
                "SELECT count(*) FROM discovery_queries WHERE job_id = '" + jobId + "' AND status = '" + status + "'");
    }

    @Test
    void aCancelledJobStopsWithinSecondsAndKeepsWhatItCommitted() throws Exception {
        slowSerps(300);
        String jobId =
                bed.submit("--keywords", "a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12", "--locations", "uk");
        CompletableFuture<CliRun> daemon = runOnceInBackground();
        await().atMost(Duration.ofSeconds(60)).until(() -> queriesIn(jobId, "success") >= 2);

        CliRun cancel = CliRun.run(bed.env(), "job", "cancel", jobId);

        assertThat(cancel.exitCode()).isZero();
        assertThat(cancel.out()).contains("asked to stop");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> "cancelled".equals(bed.job(jobId).get("status")));
        assertThat(daemon.get(60, TimeUnit.SECONDS).exitCode()).isZero();
        long done = queriesIn(jobId, "success");
        assertThat(done).isBetween(2L, 11L);
        assertThat(queriesIn(jobId, "pending")).isEqualTo(12 - done);
        assertThat(bed.db.count("SELECT count(*) FROM prospects")).isEqualTo(9);
        assertThat((String) bed.job(jobId).get("error_message")).contains("cancelled by an operator");
    }

    @Test
    void aPendingJobIsCancelledAtOnceAndNeverRuns() {
        String jobId = bed.submit("--keywords", "never", "--locations", "uk");

        assertThat(CliRun.run(bed.env(), "job", "cancel", jobId).out()).contains("cancelled");
        assertThat(bed.runOnce().exitCode()).isZero();

        assertThat(bed.job(jobId)).containsEntry("status", "cancelled");
        assertThat(bed.liveCallsFor("never")).isZero();
        assertThat(CliRun.run(bed.env(), "job", "cancel", jobId).exitCode()).isEqualTo(1);
    }

    @Test
    void aJobRunningPastItsMaximumRunTimeIsStoppedWhileItRuns() throws Exception {
        bed.with("OUTREACH_JOBS_MAX_RUN_SECONDS", "10").with("OUTREACH_JOBS_HEARTBEAT_SECONDS", "1");
        slowSerps(1500);
        String jobId = bed.submit(
                "--keywords",
                "t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, t11, t12, t13, t14, t15, t16, t17, t18, t19, t20",
                "--locations",
                "uk");

        CliRun run = bed.runOnce();

        assertThat(run.exitCode()).isZero();
        assertThat(bed.job(jobId)).containsEntry("status", "failed");
        assertThat((String) bed.job(jobId).get("error_message")).contains("maximum run time");
        assertThat(queriesIn(jobId, "success")).isBetween(1L, 9L);
        assertThat(queriesIn(jobId, "pending")).isPositive();
    }

    @Test
    void twoJobsSavingTheSameDomainsAtOnceNeverStoreOneTwice() {
        bed.with("OUTREACH_JOBS_WORKERS", "2");
        slowSerps(500);
        String first = bed.submit("--keywords", "same serp", "--locations", "uk");
        String second = bed.submit("--keywords", "same serp", "--locations", "usa");

        assertThat(bed.runOnce().exitCode()).isZero();

        assertThat(bed.job(first)).containsEntry("status", "completed");
        assertThat(bed.job(second)).containsEntry("status", "completed");
        assertThat(bed.db.count("SELECT count(*) FROM prospects")).isEqualTo(9);
        assertThat(bed.db.count("SELECT count(DISTINCT claimed_by) FROM jobs WHERE job_type = 'discover'"))
                .isEqualTo(2);
        assertThat(bed.db.count("SELECT sum(results_saved) FROM discovery_queries"))
                .isEqualTo(9);
        assertThat(
                        bed.db.count(
                                "SELECT count(*) FROM discovery_queries WHERE results_found <> results_saved"
                                        + " + results_skipped_duplicate + results_skipped_existing + (query_metadata->>'skipped_invalid')::int"))
                .isZero();
    }
}

package dev.outreachpipeline.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.outreachpipeline.testsupport.JarProcess;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM while a daemon is enriching: it finishes the Hunter call in hand, hands the job and the
 * prospects it had claimed back at once (no lease to wait for) and exits in order; started again,
 * it finishes the work without asking Hunter or DataForSEO anything twice.
 */
class GracefulShutdownProcessIT {

    private static final Duration START = Duration.ofSeconds(90);
    /** camel.main.shutdown-timeout (30 s) and the daemon's own margin. */
    private static final Duration SHUTDOWN = Duration.ofSeconds(45);

    private final PipelineWorkload workload = new PipelineWorkload()
            .with("OUTREACH_ENRICHMENT_BATCH_SIZE", "20")
            // the lease is long: the restart below must not owe its progress to an expired lease
            .with("OUTREACH_JOBS_LEASE_SECONDS", "600")
            .with("OUTREACH_ENRICHMENT_LEASE_SECONDS", "600");

    @TempDir
    Path workDir;

    @AfterEach
    void stop() {
        workload.close();
    }

    @Test
    void sigtermMidEnrichmentReleasesEveryClaimAndARestartFinishesWithNothingDoneTwice() throws Exception {
        workload.keyword("garden lights", 4, 0);
        workload.keyword("patio heaters", 4, 0);
        workload.slowHunter(700);
        String discoverJob = workload.submitDiscover("garden lights, patio heaters");

        try (JarProcess daemon = JarProcess.start(workDir, workload.env(), "run")) {
            await().atMost(START)
                    .until(() -> workload.allSearches() >= 2
                                    && workload.db.count(
                                                    "SELECT count(*) FROM prospects WHERE outreach_status = 'enriching'")
                                            > 0
                            || !daemon.err().isEmpty() && daemon.err().contains("failed:"));
            assertThat(daemon.err()).doesNotContain("failed:");

            int exit = daemon.terminate(SHUTDOWN);

            // 143: the JVM ended on SIGTERM after its shutdown hook ran to the end (not killed)
            assertThat(exit).as(daemon.err()).isEqualTo(143);
            assertThat(daemon.err())
                    .contains("goes back to the queue: the daemon is stopping")
                    .contains("The daemon has stopped")
                    .doesNotContain("did not stop within")
                    .doesNotContain("still running after");
            // an orderly stop is no error: no ERROR line and no stack trace once the stop was asked for, no route list
            String stopping = daemon.err().substring(daemon.err().indexOf("Stop requested"));
            assertThat(stopping)
                    .doesNotContain(" ERROR ")
                    .doesNotContain("\tat ")
                    .doesNotContain("Stacktrace");
            assertThat(daemon.err()).doesNotContain("    Started ").doesNotContain("    Stopped ");
        }
        assertThat(workload.claimedRows())
                .as("rows left claimed by the stopped daemon")
                .isZero();
        assertThat(workload.db.count("SELECT count(*) FROM jobs WHERE job_type = 'enrich' AND status = 'pending'"
                        + " AND claimed_by IS NULL"))
                .isEqualTo(1);
        long enrichedBefore = workload.db.count("SELECT count(*) FROM prospects WHERE outreach_status <> 'pending'");
        assertThat(enrichedBefore).as("enriched before the stop").isBetween(1L, 7L);
        assertThat(workload.allSearches())
                .as("every answered search was recorded")
                .isEqualTo((int) enrichedBefore);

        workload.slowHunter(0);
        try (JarProcess restarted = JarProcess.start(workDir, workload.env(), "run", "--once")) {
            assertThat(restarted.waitFor(START)).as(restarted.err()).isZero();
        }

        assertThat(workload.db.count("SELECT count(*) FROM jobs WHERE status <> 'completed'"))
                .isZero();
        assertThat(workload.db.count(
                        "SELECT count(*) FROM jobs WHERE id = '" + discoverJob + "' AND status = 'completed'"))
                .isEqualTo(1);
        assertThat(workload.db.count("SELECT count(*) FROM prospects")).isEqualTo(8);
        assertThat(workload.db.count("SELECT count(*) FROM prospects WHERE outreach_status = 'drafted'"))
                .isEqualTo(8);
        for (String keyword : workload.keywords) {
            assertThat(workload.serpCalls(keyword))
                    .as("SERP calls for " + keyword)
                    .isEqualTo(1);
        }
        for (String domain : workload.domains) {
            assertThat(workload.searches(domain))
                    .as("Hunter searches for " + domain)
                    .isEqualTo(1);
        }
        assertThat(workload.claimedRows()).isZero();
    }
}

package dev.outreachpipeline.enrichment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outreachpipeline.testsupport.Fixtures;
import dev.outreachpipeline.testsupport.JarProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Hunter key, which travels in every request's query string, never reaches a log, an error or a row. */
class KeyStaysOutOfLogsIT {

    private final EnrichmentTestBed bed = new EnrichmentTestBed();

    @TempDir
    Path workDir;

    @AfterEach
    void stop() {
        bed.close();
    }

    @Test
    void theKeyAppearsNowhereEvenAtDebugLevelAndThroughFailures() throws Exception {
        bed.prospect("flaky.example", 1);
        bed.prospect("gardenblog.com", 2);
        bed.hunter.stubFor(EnrichmentTestBed.search("flaky.example")
                .willReturn(aResponse().withStatus(500).withBody(Fixtures.read("hunter/hunter-error-500.json"))));
        bed.searchAnswers("gardenblog.com", 200, "hunter/domain-search-mixed.json");
        bed.enrichJob();
        var env = new HashMap<>(bed.env());
        env.put("LOG_LEVEL", "DEBUG");
        env.put("OUTREACH_HUNTER_MAX_RETRIES", "2");

        try (JarProcess run = JarProcess.start(workDir, env, "run", "--once")) {
            assertThat(run.waitFor(Duration.ofSeconds(120))).as(run.err()).isZero();
            assertThat(run.err()).contains("flaky.example").doesNotContain(EnrichmentTestBed.KEY);
            assertThat(run.out()).doesNotContain(EnrichmentTestBed.KEY);
        }
        try (JarProcess show = JarProcess.start(workDir, env, "config", "show")) {
            assertThat(show.waitFor(Duration.ofSeconds(60))).isZero();
            assertThat(show.out()).contains("outreach.hunter.api-key = ****").doesNotContain(EnrichmentTestBed.KEY);
        }
        assertThat(bed.db.count("SELECT count(*) FROM prospects WHERE outreach_status = 'enrich_failed'"))
                .isEqualTo(1);
        assertThat(bed.db.count(
                        "SELECT count(*) FROM prospects WHERE concat(hunter_payload::text, last_error, contact_reason)"
                                + " LIKE '%" + EnrichmentTestBed.KEY + "%'"))
                .isZero();
        assertThat(bed.db.count("SELECT count(*) FROM jobs WHERE concat(result::text, error_message) LIKE '%"
                        + EnrichmentTestBed.KEY + "%'"))
                .isZero();
    }
}

package dev.outreachpipeline.enrichment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.outreachpipeline.testsupport.CapturedLogs;
import dev.outreachpipeline.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What an operator reads in the log when Hunter refuses: an expected outcome is one line, with no
 * stack trace, and starting and stopping the daemon does not list every route.
 */
class EnrichmentLogsIT {

    private final EnrichmentTestBed bed = new EnrichmentTestBed();

    @AfterEach
    void stop() {
        bed.close();
    }

    @Test
    void aRejectedKeyIsOneLineWithoutAStackTrace() {
        for (String domain : new String[] {"alpha.com", "beta.com", "gamma.com"}) {
            bed.prospect(domain, 1);
        }
        bed.hunter.stubFor(get(urlPathEqualTo(EnrichmentTestBed.SEARCH))
                .willReturn(aResponse()
                        .withStatus(401)
                        .withBody(Fixtures.read("hunter/hunter-error-401-authentication-failed.json"))));

        try (CapturedLogs logs = CapturedLogs.start()) {
            assertThat(bed.runOnceWithEnrichJob().exitCode()).isZero();

            assertThat(logs.withStackTrace())
                    .as(String.join("\n", logs.lines()))
                    .isEmpty();
            assertThat(logs.atLeast(Level.ERROR))
                    .as(String.join("\n", logs.lines()))
                    .isEmpty();
            assertThat(logs.lines())
                    .filteredOn(l -> l.contains("rejected the API key"))
                    .singleElement()
                    .satisfies(l -> assertThat(l)
                            .startsWith("WARN dev.outreachpipeline.jobs - Job ")
                            .contains("(enrich) failed: Hunter rejected the API key (HTTP 401"));
            assertNoRouteList(logs);
        }
    }

    @Test
    void aSpentQuotaIsOneLineWithoutAStackTrace() {
        bed.prospect("alpha.com", 1);
        bed.prospect("beta.com", 2);
        bed.hunter.stubFor(get(urlPathEqualTo(EnrichmentTestBed.SEARCH))
                .willReturn(aResponse()
                        .withStatus(429)
                        .withBody(Fixtures.read("hunter/hunter-error-429-usage-limit.json"))));

        try (CapturedLogs logs = CapturedLogs.start()) {
            assertThat(bed.runOnceWithEnrichJob().exitCode()).isZero();

            assertThat(logs.withStackTrace())
                    .as(String.join("\n", logs.lines()))
                    .isEmpty();
            assertThat(logs.atLeast(Level.ERROR))
                    .as(String.join("\n", logs.lines()))
                    .isEmpty();
            assertThat(logs.lines())
                    .filteredOn(l -> l.contains("quota for the billing period is spent"))
                    .singleElement()
                    .satisfies(l -> assertThat(l).contains("(enrich) waits until"));
        }
    }

    @Test
    void aRetriedAnswerIsOneWarningThatGivesHuntersReason() {
        bed.prospect("gardenblog.com", 1);
        bed.hunter.stubFor(EnrichmentTestBed.search("gardenblog.com")
                .inScenario("hiccup")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500).withBody(Fixtures.read("hunter/hunter-error-500.json")))
                .willSetStateTo("answered"));
        bed.hunter.stubFor(EnrichmentTestBed.search("gardenblog.com")
                .inScenario("hiccup")
                .whenScenarioStateIs("answered")
                .willReturn(aResponse().withStatus(200).withBody(Fixtures.read("hunter/domain-search-mixed.json"))));

        try (CapturedLogs logs = CapturedLogs.start()) {
            assertThat(bed.runOnceWithEnrichJob().exitCode()).isZero();

            assertThat(logs.lines())
                    .filteredOn(l -> l.contains("retry 1 of"))
                    .singleElement()
                    .satisfies(l -> assertThat(l)
                            .startsWith("WARN ")
                            .contains("Hunter, domain search for gardenblog.com: Hunter")
                            .doesNotContain("Retry[")
                            .doesNotContain("reason="));
            assertThat(logs.withStackTrace())
                    .as(String.join("\n", logs.lines()))
                    .isEmpty();
        }
    }

    /** One summary line at start and at stop; the route list only when asked for. */
    private static void assertNoRouteList(CapturedLogs logs) {
        assertThat(logs.events())
                .filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.INFO))
                .extracting(e -> e.getFormattedMessage())
                .noneMatch(m -> m.startsWith("    Started ") || m.startsWith("    Stopped "))
                .noneMatch(m -> m.contains("Property-placeholders summary"))
                .anyMatch(m -> m.startsWith("Routes startup"));
    }
}

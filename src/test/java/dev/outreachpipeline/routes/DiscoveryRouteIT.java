package dev.outreachpipeline.routes;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.outreachpipeline.testsupport.CliRun;
import dev.outreachpipeline.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves routes/20-discovery.camel.yaml (live mode): a discover job's query is answered by DataForSEO
 * (WireMock serving a recorded SERP) and its new prospects and query row are written. The
 * between-steps job check (10-jobs) is not under test: a mock stands in.
 */
class DiscoveryRouteIT extends RouteTestSupport {

    private final WireMockServer dataForSeo = started();

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
        return new String[] {"DATAFORSEO_BASE_URL", dataForSeo.baseUrl(), "DATAFORSEO_LOGIN", "ops@example.test",
                "DATAFORSEO_PASSWORD", "s3cret-dfs", "OUTREACH_DISCOVERY_CHAIN_ENRICH", "false"};
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
        dataForSeo.stubFor(post(urlEqualTo("/v3/serp/google/organic/live/advanced")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(Fixtures.read("dataforseo/serp-live-mixed.json"))));
        CliRun submit = CliRun.run(testDb.env(environment()), "job", "submit", "discover", "--keywords", "vegan meal prep",
                "--locations", "uk");
        assertThat(submit.exitCode()).as(submit.err()).isZero();
        String job = submit.out().trim();
        testDb.execute("UPDATE jobs SET status = 'running', claimed_by = 'worker-1' WHERE id = '" + job + "'");
        String params = testDb.rowsOf("SELECT params::text AS p FROM jobs").get(0).get("p").toString();

        runAsJob("direct:discover-job", Map.of("jobId", job, "worker", "worker-1", "jobParams", params));

        assertThat(testDb.count("SELECT count(*) FROM prospects WHERE page_url IS NOT NULL AND dataforseo_payload IS NOT NULL"))
                .isEqualTo(9);
        assertThat(testDb.rowsOf("SELECT status, results_saved FROM discovery_queries"))
                .containsExactly(Map.of("status", "success", "results_saved", 9));
    }
}

package dev.outreachpipeline.discovery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import dev.outreachpipeline.testsupport.CliRun;
import dev.outreachpipeline.testsupport.Fixtures;
import dev.outreachpipeline.testsupport.TestDatabase;
import dev.outreachpipeline.testsupport.TestPostgres;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A migrated database and a WireMock DataForSEO, and the CLI pointed at both: what every
 * discovery integration test starts from.
 */
final class DiscoveryTestBed implements AutoCloseable {

    static final String LIVE = "/v3/serp/google/organic/live/advanced";
    static final String LOGIN = "ops@example.test";
    static final String PASSWORD = "s3cret-dfs";

    final TestDatabase db = TestPostgres.newDatabase();
    final WireMockServer dataForSeo = new WireMockServer(options().dynamicPort());
    private final Map<String, String> extraEnv = new HashMap<>();

    DiscoveryTestBed() {
        dataForSeo.start();
        CliRun migrate = CliRun.run(env(), "db", "migrate");
        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
    }

    DiscoveryTestBed with(String name, String value) {
        extraEnv.put(name, value);
        return this;
    }

    Map<String, String> env() {
        var env = new HashMap<>(db.env(
                "DATAFORSEO_BASE_URL", dataForSeo.baseUrl(),
                "DATAFORSEO_LOGIN", LOGIN,
                "DATAFORSEO_PASSWORD", PASSWORD,
                "OUTREACH_JOBS_POLL_INTERVAL_MS", "100",
                "OUTREACH_DATAFORSEO_RETRY_DELAY_MS", "20",
                "OUTREACH_DATAFORSEO_MAX_RETRY_DELAY_MS", "100",
                "OUTREACH_DATAFORSEO_POLL_SECONDS", "1"));
        env.putAll(extraEnv);
        return env;
    }

    /** A live SERP stub for one keyword: a fixture file, with HTTP 200. */
    void liveSerp(String keyword, String fixture) {
        dataForSeo.stubFor(liveCall(keyword)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.read(fixture))));
    }

    static MappingBuilder liveCall(String keyword) {
        return post(urlEqualTo(LIVE))
                .withRequestBody(matchingJsonPath(
                        "$[0].keyword", com.github.tomakehurst.wiremock.client.WireMock.equalTo(keyword)));
    }

    int liveCallsFor(String keyword) {
        return dataForSeo
                .countRequestsMatching(postRequestedFor(urlEqualTo(LIVE))
                        .withRequestBody(matchingJsonPath(
                                "$[0].keyword", com.github.tomakehurst.wiremock.client.WireMock.equalTo(keyword)))
                        .build())
                .getCount();
    }

    /** Submits a discover job through the CLI and returns its id. */
    String submit(String... args) {
        var all = new ArrayList<>(List.of("job", "submit", "discover"));
        all.addAll(List.of(args));
        CliRun submit = CliRun.run(env(), all.toArray(String[]::new));
        assertThat(submit.exitCode()).as(submit.err()).isZero();
        return submit.out().trim();
    }

    CliRun runOnce() {
        return CliRun.run(env(), "run", "--once");
    }

    Map<String, Object> job(String id) {
        return dev.outreachpipeline.testsupport.Rows.of(
                        db, "(SELECT id, status, error_message, result::text AS result FROM jobs)")
                .get(id);
    }

    Map<String, Map<String, Object>> queries(String jobId) {
        var all = dev.outreachpipeline.testsupport.Rows.of(
                db,
                "(SELECT id, job_id, keyword, status, results_found,"
                        + " results_saved, results_skipped_duplicate, results_skipped_existing, query_metadata::text AS meta,"
                        + " api_calls, error_message FROM discovery_queries)");
        var mine = new HashMap<String, Map<String, Object>>();
        all.values().stream()
                .filter(q -> jobId.equals(q.get("job_id")))
                .forEach(q -> mine.put((String) q.get("keyword"), q));
        return mine;
    }

    @Override
    public void close() {
        dataForSeo.stop();
    }
}

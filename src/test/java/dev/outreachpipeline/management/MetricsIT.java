package dev.outreachpipeline.management;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.outreachpipeline.testsupport.CliRun;
import dev.outreachpipeline.testsupport.Fixtures;
import dev.outreachpipeline.testsupport.TestDatabase;
import dev.outreachpipeline.testsupport.TestPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** /metrics in Prometheus' text format, and the figures moving when the daemon does work. */
class MetricsIT {

    /** A sample line of the text exposition format: name, optional labels, a value, an optional timestamp. */
    private static final Pattern SAMPLE = Pattern.compile(
            "[a-zA-Z_:][a-zA-Z0-9_:]*(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"([^\"\\\\\\n]|\\\\[\\\\\"n])*\",?)*})?"
                    + " (-?[0-9.]+([eE][-+]?[0-9]+)?|NaN|[+-]Inf)( -?[0-9]+)?");

    private static final Pattern COMMENT = Pattern.compile("# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .*");

    private final TestDatabase db = TestPostgres.newDatabase();
    private final WireMockServer dataForSeo = new WireMockServer(options().dynamicPort());
    private final WireMockServer hunter = new WireMockServer(options().dynamicPort());

    @AfterEach
    void stop() {
        dataForSeo.stop();
        hunter.stop();
    }

    @Test
    void metricsAreValidPrometheusTextWithJvmAndPoolMetricsAndMoveWhenADiscoveryRuns() throws Exception {
        dataForSeo.start();
        hunter.start();
        hunter.stubFor(get(urlPathEqualTo("/v2/domain-search"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.read("hunter/hunter-domain-search-no-emails.json"))));
        dataForSeo.stubFor(post(urlEqualTo("/v3/serp/google/organic/live/advanced"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.read("dataforseo/serp-live-mixed.json"))));
        String[] env = {
            "DATAFORSEO_BASE_URL",
            dataForSeo.baseUrl(),
            "DATAFORSEO_LOGIN",
            "ops@example.test",
            "DATAFORSEO_PASSWORD",
            "s3cret-dfs",
            "OUTREACH_JOBS_POLL_INTERVAL_MS",
            "100",
            "HUNTER_BASE_URL",
            hunter.baseUrl(),
            "HUNTER_API_KEY",
            "test-hunter-key",
            "OUTREACH_HUNTER_VERIFY",
            "false",
            "OUTREACH_ENRICHMENT_CHAIN_DRAFT",
            "false"
        };
        assertThat(CliRun.run(db.env(env), "db", "migrate").exitCode()).isZero();

        try (ManagedDaemon daemon = ManagedDaemon.start(db, env)) {
            var first = daemon.get("/metrics");
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
            assertWellFormed(first.body());
            assertThat(first.body())
                    .contains(
                            "jvm_memory_used_bytes{",
                            "jvm_gc_",
                            "jvm_threads_live_threads ",
                            "process_cpu_usage ",
                            "process_uptime_seconds ",
                            "hikaricp_connections{pool=\"outreach\"}",
                            "hikaricp_connections_max{pool=\"outreach\"}",
                            "outreach_database_up 1.0",
                            "outreach_send_cap_headroom{cap=\"daily\"} 30.0",
                            "outreach_send_cap_headroom{cap=\"hourly\"} 10.0");
            assertThat(
                            value(
                                    first.body(),
                                    "outreach_provider_calls_total{endpoint=\"live\",outcome=\"results\",provider=\"dataforseo\"}"))
                    .isEmpty();

            CliRun submit = CliRun.run(
                    db.env(env),
                    "job",
                    "submit",
                    "discover",
                    "--keywords",
                    "vegan meal prep blog",
                    "--locations",
                    "uk");
            assertThat(submit.exitCode()).as(submit.err()).isZero();
            await().atMost(Duration.ofSeconds(60))
                    .until(() ->
                            db.count("SELECT count(*) FROM jobs WHERE job_type = 'discover' AND status = 'completed'")
                                    == 1);

            // the database figures are reused for a few seconds between scrapes
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                String body = daemon.get("/metrics").body();
                assertWellFormed(body);
                assertThat(value(body, "outreach_jobs{status=\"completed\",type=\"discover\"}"))
                        .hasValue(1.0);
                long saved = db.count("SELECT count(*) FROM prospects");
                assertThat(saved).isPositive();
                assertThat(sum(body, "outreach_prospects{", "status=")).isEqualTo((double) saved);
            });
            String body = daemon.get("/metrics").body();
            assertThat(
                            value(
                                    body,
                                    "outreach_provider_calls_total{endpoint=\"live\",outcome=\"results\",provider=\"dataforseo\"}"))
                    .hasValue(1.0);
            assertThat(value(body, "outreach_provider_cost_usd_total{provider=\"dataforseo\"}"))
                    .hasValue(0.004);

            // the discovery chains an enrich job: Hunter is asked once per saved domain, each outcome recorded
            await().atMost(Duration.ofSeconds(60))
                    .until(() ->
                            db.count("SELECT count(*) FROM jobs WHERE job_type = 'enrich' AND status = 'completed'")
                                    == 1);
            long looked = db.count("SELECT count(*) FROM prospects WHERE enriched_at IS NOT NULL");
            assertThat(looked).isPositive();
            String after = daemon.get("/metrics").body();
            assertThat(sum(after, "outreach_stage_items_total{", "stage=\"enrichment\""))
                    .isEqualTo((double) looked);
            assertThat(sum(after, "outreach_provider_calls_total{endpoint=\"domain-search\"", "provider=\"hunter\""))
                    .isEqualTo((double) hunter.getAllServeEvents().size());
        }
    }

    private static void assertWellFormed(String body) {
        var bad = new ArrayList<String>();
        for (String line : body.split("\n")) {
            if (line.startsWith("#")
                    ? !COMMENT.matcher(line).matches()
                    : !line.isEmpty() && !SAMPLE.matcher(line).matches()) {
                bad.add(line);
            }
        }
        assertThat(bad).as("lines not in the Prometheus text format").isEmpty();
        assertThat(body).endsWith("\n");
    }

    /** The sum of the samples whose line starts with {@code prefix} and contains {@code label}. */
    private static double sum(String body, String prefix, String label) {
        return body.lines()
                .filter(l -> l.startsWith(prefix) && l.contains(label))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** The value of one sample, given its name and labels exactly as exposed. */
    private static OptionalDouble value(String body, String series) {
        List<String> lines =
                body.lines().filter(l -> l.startsWith(series + " ")).toList();
        return lines.isEmpty()
                ? OptionalDouble.empty()
                : OptionalDouble.of(Double.parseDouble(
                        lines.get(0).substring(series.length() + 1).split(" ")[0]));
    }
}

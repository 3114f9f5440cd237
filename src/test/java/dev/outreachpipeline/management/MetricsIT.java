package dev.outreachpipeline.management;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.outreachpipeline.testsupport.CliRun;
import dev.outreachpipeline.testsupport.Fixtures;
import dev.outreachpipeline.testsupport.TestDatabase;
import dev.outreachpipeline.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** /metrics in Prometheus' text format, and the figures moving when the daemon does work. */
class MetricsIT {

    /** A sample line of the text exposition format: name, optional labels, a value, an optional timestamp. */
    private static final Pattern SAMPLE = Pattern.compile(
            "[a-zA-Z_:][a-zA-Z0-9_:]*(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"([^\"\\\\\\n]|\\\\[\\\\\"n])*\",?)*})?"
                    + " (-?[0-9.]+([eE][-+]?[0-9]+)?|NaN|[+-]Inf)( -?[0-9]+)?");
    private static final Pattern COMMENT = Pattern.compile("# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .*");

    private final TestDatabase db = TestPostgres.newDatabase();
    private final WireMockServer dataForSeo = new WireMockServer(options().dynamicPort());

    @AfterEach
    void stop() {
        dataForSeo.stop();
    }

    @Test
    void metricsAreValidPrometheusTextWithJvmAndPoolMetricsAndMoveWhenADiscoveryRuns() throws Exception {
        dataForSeo.start();
        dataForSeo.stubFor(post(urlEqualTo("/v3/serp/google/organic/live/advanced")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(Fixtures.read("dataforseo/serp-live-mixed.json"))));
        String[] env = {"DATAFORSEO_BASE_URL", dataForSeo.baseUrl(), "DATAFORSEO_LOGIN", "ops@example.test",
                "DATAFORSEO_PASSWORD", "s3cret-dfs", "OUTREACH_JOBS_POLL_INTERVAL_MS", "100",
                "OUTREACH_DISCOVERY_CHAIN_ENRICH", "false"};
        assertThat(CliRun.run(db.env(env), "db", "migrate").exitCode()).isZero();

        try (ManagedDaemon daemon = ManagedDaemon.start(db, env)) {
            var first = daemon.get("/metrics");
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
            assertWellFormed(first.body());
            assertThat(first.body()).contains("jvm_memory_used_bytes{", "jvm_gc_", "jvm_threads_live_threads ",
                    "process_cpu_usage ", "process_uptime_seconds ", "hikaricp_connections{pool=\"outreach\"}",
                    "hikaricp_connections_max{pool=\"outreach\"}", "outreach_database_up 1.0",
                    "outreach_send_cap_headroom{cap=\"daily\"} 30.0", "outreach_send_cap_headroom{cap=\"hourly\"} 10.0");
            assertThat(value(first.body(), "outreach_provider_calls_total{endpoint=\"live\",outcome=\"results\",provider=\"dataforseo\"}"))
                    .isEmpty();

            CliRun submit = CliRun.run(db.env(env), "job", "submit", "discover", "--keywords", "vegan meal prep blog",
                    "--locations", "uk");
            assertThat(submit.exitCode()).as(submit.err()).isZero();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> db.count("SELECT count(*) FROM jobs WHERE job_type = 'discover' AND status = 'completed'") == 1);

            // the database figures are reused for a few seconds between scrapes
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                String body = daemon.get("/metrics").body();
                assertWellFormed(body);
                assertThat(value(body, "outreach_jobs{status=\"completed\",type=\"discover\"}")).hasValue(1.0);
                long saved = db.count("SELECT count(*) FROM prospects WHERE outreach_status = 'pending'");
                assertThat(saved).isPositive();
                assertThat(value(body, "outreach_prospects{status=\"pending\"}")).hasValue((double) saved);
            });
            String body = daemon.get("/metrics").body();
            assertThat(value(body, "outreach_provider_calls_total{endpoint=\"live\",outcome=\"results\",provider=\"dataforseo\"}"))
                    .hasValue(1.0);
            assertThat(value(body, "outreach_provider_cost_usd_total{provider=\"dataforseo\"}")).hasValue(0.004);
        }
    }

    private static void assertWellFormed(String body) {
        var bad = new ArrayList<String>();
        for (String line : body.split("\n")) {
            if (line.startsWith("#") ? !COMMENT.matcher(line).matches() : !line.isEmpty() && !SAMPLE.matcher(line).matches()) {
                bad.add(line);
            }
        }
        assertThat(bad).as("lines not in the Prometheus text format").isEmpty();
        assertThat(body).endsWith("\n");
    }

    /** The value of one sample, given its name and labels exactly as exposed. */
    private static OptionalDouble value(String body, String series) {
        List<String> lines = body.lines().filter(l -> l.startsWith(series + " ")).toList();
        return lines.isEmpty() ? OptionalDouble.empty()
                : OptionalDouble.of(Double.parseDouble(lines.get(0).substring(series.length() + 1).split(" ")[0]));
    }
}

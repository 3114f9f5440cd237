package dev.outreachpipeline.bench;

import dev.outreachpipeline.simulators.Call;
import dev.outreachpipeline.simulators.DataForSeoSimulator;
import dev.outreachpipeline.simulators.HunterSimulator;
import dev.outreachpipeline.simulators.SimulatorSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Workload 2: how close the daemon comes to a provider's rate limit without passing it. The simulators
 * refuse calls over the limit with the provider's rate-limit error, so a limiter that overshoots shows.
 */
final class ThroughputBench {

    private final int hunterRate = Integer.getInteger("bench.throughput.hunter-rate", 15);
    private final int hunterLatencyMs = Integer.getInteger("bench.throughput.hunter-latency-ms", 250);
    private final int domains = Integer.getInteger("bench.throughput.domains", 900);
    private final int serpPerMinute = Integer.getInteger("bench.throughput.serp-per-minute", 120);
    private final int serpLatencyMs = Integer.getInteger("bench.throughput.serp-latency-ms", 300);
    private final int serpQueries = Integer.getInteger("bench.throughput.serp-queries", 160);

    BenchReport.Section run(Path workDir) throws Exception {
        var section = new BenchReport.Section("2. Rate-limited throughput");
        hunter(section, workDir.resolve("hunter"));
        dataForSeo(section, workDir.resolve("dataforseo"));
        return section;
    }

    private void hunter(BenchReport.Section section, Path dir) throws Exception {
        Files.createDirectories(dir);
        var settings = SimulatorSettings.instant()
                .withLatency(Duration.ofMillis(hunterLatencyMs), Duration.ofMillis(50))
                .withCallsPerSecond(hunterRate);
        try (var providers = new SimulatedProviders(SimulatorSettings.instant(), settings);
                var db = BenchDatabase.start(dir)) {
            db.execute(
                    "INSERT INTO prospects (domain, page_url, outreach_status) SELECT 'bench-site-' || g || '.example', "
                            + "'https://bench-site-' || g || '.example/', 'pending' FROM generate_series(1, " + domains
                            + ") g");
            db.execute(
                    "INSERT INTO jobs (job_type, params, status, origin) VALUES ('enrich', '{}', 'pending', 'bench')");
            Map<String, String> env = db.env(providers.env(
                    "OUTREACH_HUNTER_REQUESTS_PER_SECOND",
                    String.valueOf(hunterRate),
                    "OUTREACH_HUNTER_REQUESTS_PER_MINUTE",
                    String.valueOf(hunterRate * 60),
                    "OUTREACH_HUNTER_VERIFY",
                    "false",
                    "OUTREACH_ENRICHMENT_CHAIN_DRAFT",
                    "false"));
            DaemonRuns.runOnce(dir, env);
            var rates = CallRates.of(providers.hunter.calls().calls(), HunterSimulator.DOMAIN_SEARCH);
            section.setup(String.format(
                    "Hunter domain search: %,d domains, simulated latency %d–%d ms, limit %d calls/s configured"
                            + " (`OUTREACH_HUNTER_REQUESTS_PER_SECOND`) and enforced by the simulator (403 over it)",
                    domains, hunterLatencyMs, hunterLatencyMs + 50, hunterRate));
            section.figure(BenchReport.Figure.atLeast(
                            "Hunter: achieved calls/s ÷ limit", rates.perSecond() / hunterRate, 0.95, "%.3f"))
                    .figure(BenchReport.Figure.atMost(
                            "Hunter: most calls in any one-second window",
                            rates.mostIn(Duration.ofSeconds(1)),
                            hunterRate,
                            "%.0f"))
                    .figure(BenchReport.Figure.exactly(
                            "Hunter: calls refused by the simulator's rate limit",
                            providers.hunter.calls().count(Call.Outcome.RATE_LIMITED),
                            0,
                            "%.0f"))
                    .figure(BenchReport.Figure.reported(
                            "Hunter: searches answered / achieved calls/s",
                            rates.count() + " / " + String.format("%.2f", rates.perSecond())));
        }
    }

    private void dataForSeo(BenchReport.Section section, Path dir) throws Exception {
        Files.createDirectories(dir);
        var settings =
                SimulatorSettings.instant().withLatency(Duration.ofMillis(serpLatencyMs), Duration.ofMillis(100));
        int perLocation = serpQueries / 4;
        String keywords = IntStream.rangeClosed(1, perLocation)
                .mapToObj(i -> "garden idea " + i)
                .collect(Collectors.joining(", "));
        try (var providers = new SimulatedProviders(settings, SimulatorSettings.instant());
                var db = BenchDatabase.start(dir)) {
            Map<String, String> env = db.env(providers.env(
                    "OUTREACH_DATAFORSEO_MODE", "live",
                    "OUTREACH_DATAFORSEO_CALLS_PER_MINUTE", String.valueOf(serpPerMinute),
                    "OUTREACH_DISCOVERY_MAX_QUERIES_PER_LOCATION", "1000",
                    "OUTREACH_DISCOVERY_CHAIN_ENRICH", "false"));
            DaemonRuns.submitDiscover(dir, env, keywords, "usa,uk,canada,australia", 1000);
            DaemonRuns.runOnce(dir, env);
            var rates = CallRates.of(providers.dataForSeo.calls().calls(), DataForSeoSimulator.LIVE);
            section.setup(String.format(
                    "DataForSEO live: %d queries in one discover job, simulated latency %d–%d ms, limit scaled"
                            + " down to %d calls/min (`OUTREACH_DATAFORSEO_CALLS_PER_MINUTE`)",
                    rates.count(), serpLatencyMs, serpLatencyMs + 100, serpPerMinute));
            section.figure(BenchReport.Figure.atLeast(
                            "DataForSEO: achieved calls/min ÷ limit",
                            rates.perSecond() * 60 / serpPerMinute,
                            0.95,
                            "%.3f"))
                    .figure(BenchReport.Figure.atMost(
                            "DataForSEO: most calls in any 60-second window",
                            rates.mostIn(Duration.ofSeconds(60)),
                            serpPerMinute,
                            "%.0f"))
                    .figure(BenchReport.Figure.reported(
                            "DataForSEO: most calls in any one-second window",
                            String.valueOf(rates.mostIn(Duration.ofSeconds(1)))));
        }
    }
}

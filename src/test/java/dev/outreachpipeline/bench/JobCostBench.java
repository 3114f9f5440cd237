package dev.outreachpipeline.bench;

import dev.outreachpipeline.simulators.HunterSimulator;
import dev.outreachpipeline.simulators.SimulatorSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Workload 5: what a job costs, for the sandbox's workload, in DataForSEO's live and standard modes: calls to
 * each provider and the cost DataForSEO reported, per saved prospect and per prospect with a contact.
 */
final class JobCostBench {

    private final String keywords = System.getProperty("bench.cost.keywords", "garden design, home decor");
    private final String locations = System.getProperty("bench.cost.locations", "usa,uk");
    private final int maxResults = Integer.getInteger("bench.cost.max-results", 25);

    BenchReport.Section run(Path workDir) throws Exception {
        var section = new BenchReport.Section("5. Cost of a job");
        section.setup("the sandbox's workload: keywords `" + keywords + "`, locations `" + locations + "`, max-results "
                        + maxResults + "; discovery, then enrichment with verification, through `run --once`")
                .setup(
                        "cost is what DataForSEO reported in its answers (`cost`, USD), summed from `discovery_queries.cost`;"
                                + " Hunter reports no money per call, so its calls (searches and verifications, each a credit) are counted");
        for (String mode : new String[] {"live", "standard"}) {
            measure(section, workDir.resolve(mode), mode);
        }
        return section;
    }

    private void measure(BenchReport.Section section, Path dir, String mode) throws Exception {
        Files.createDirectories(dir);
        var settings = SimulatorSettings.instant().withLatency(Duration.ofMillis(50), Duration.ofMillis(50));
        try (var providers = new SimulatedProviders(settings, settings);
                var db = BenchDatabase.start(dir)) {
            Map<String, String> env = db.env(providers.env("OUTREACH_DATAFORSEO_MODE", mode));
            DaemonRuns.submitDiscover(dir, env, keywords, locations, maxResults);
            DaemonRuns.runOnce(dir, env);
            long saved = db.count("SELECT count(*) FROM prospects");
            long withContact = db.count("SELECT count(*) FROM prospects WHERE contact_email IS NOT NULL");
            double cost = db.number("SELECT coalesce(sum(cost), 0) FROM discovery_queries");
            int serpCalls = providers.dataForSeo.calls().total();
            var hunterCalls = providers.hunter.calls().callsPerEndpoint();
            int searches = hunterCalls.getOrDefault(HunterSimulator.DOMAIN_SEARCH, 0);
            int verifications = hunterCalls.getOrDefault(HunterSimulator.EMAIL_VERIFIER, 0);
            section.figure(BenchReport.Figure.reported(
                            mode + ": DataForSEO calls ("
                                    + providers.dataForSeo.calls().callsPerEndpoint().keySet().stream()
                                            .map(e -> e.substring(e.lastIndexOf('/') + 1))
                                            .toList()
                                    + ")",
                            String.valueOf(serpCalls)))
                    .figure(BenchReport.Figure.reported(
                            mode + ": Hunter searches / verifications", searches + " / " + verifications))
                    .figure(BenchReport.Figure.reported(
                            mode + ": prospects saved / with a contact", saved + " / " + withContact))
                    .figure(BenchReport.Figure.reported(mode + ": reported cost (USD)", String.format("%.4f", cost)))
                    .figure(BenchReport.Figure.reported(
                            mode + ": per saved prospect: USD / DataForSEO calls / Hunter calls",
                            String.format(
                                    "%.5f / %.2f / %.2f",
                                    cost / saved,
                                    (double) serpCalls / saved,
                                    (double) (searches + verifications) / saved)))
                    .figure(BenchReport.Figure.reported(
                            mode + ": per prospect with a contact: USD / DataForSEO calls / Hunter calls",
                            String.format(
                                    "%.5f / %.2f / %.2f",
                                    cost / withContact,
                                    (double) serpCalls / withContact,
                                    (double) (searches + verifications) / withContact)));
        }
    }
}

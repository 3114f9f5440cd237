package dev.outreachpipeline.bench;

import static org.awaitility.Awaitility.await;

import dev.outreachpipeline.simulators.Call;
import dev.outreachpipeline.simulators.CallLog;
import dev.outreachpipeline.simulators.DataForSeoSimulator;
import dev.outreachpipeline.simulators.HunterSimulator;
import dev.outreachpipeline.simulators.SimulatorSettings;
import dev.outreachpipeline.testsupport.JarProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Workload 1: a discovery of overlapping (query, location) pairs, then enrichment, through the packaged
 * daemon; every call a simulator answered with results counts as paid. Once straight through, once with
 * kill -9 in the middle of discovery and again in the middle of enrichment.
 */
final class PaidCallsBench {

    private final String keywords = System.getProperty(
            "bench.paid.keywords",
            "garden design, garden tools, home decor ideas, kitchen storage, travel tips, craft projects, outdoor furniture, wellness routine");
    private final String locations = System.getProperty("bench.paid.locations", "usa,uk,canada,australia");

    /** What one run paid for. */
    record Paid(
            int pairs,
            int serpPaid,
            int serpCalls,
            long saved,
            int hunterPaid,
            int hunterCalls,
            int domainsAsked,
            int verifications) {}

    BenchReport.Section run(Path workDir) throws Exception {
        var section = new BenchReport.Section("1. Paid calls");
        Paid clean = measure(workDir.resolve("straight"), false);
        Paid crashed = measure(workDir.resolve("crashed"), true);
        section.setup("keywords: " + keywords + "; locations: " + locations + " (live mode); simulated providers with"
                        + " 100–200 ms latency and 5 % retryable errors")
                .setup(
                        "straight: `job submit discover` then `run --once` with the packaged jar; crashed: `run`, kill -9 once half"
                                + " the pairs are paid, `run` again, kill -9 once half the domains are looked up, then `run --once`")
                .setup(
                        "paid = calls the simulator answered with results; retries of errors are not paid and are reported apart");
        report(section, "straight", clean);
        report(section, "after two kill -9", crashed);
        return section;
    }

    private void report(BenchReport.Section section, String label, Paid p) {
        section.figure(BenchReport.Figure.exactly(
                        "SERP calls ÷ unique pairs, " + label, (double) p.serpPaid() / p.pairs(), 1.0, "%.3f"))
                .figure(BenchReport.Figure.exactly(
                        "Hunter domain searches ÷ new unique domains, " + label,
                        (double) p.hunterPaid() / p.saved(),
                        1.0,
                        "%.3f"))
                .figure(BenchReport.Figure.reported(
                        "pairs / paid SERP calls / all SERP calls, " + label,
                        p.pairs() + " / " + p.serpPaid() + " / " + p.serpCalls()))
                .figure(BenchReport.Figure.reported(
                        "prospects saved / domains asked / paid searches / all searches / verifications, " + label,
                        p.saved() + " / " + p.domainsAsked() + " / " + p.hunterPaid() + " / " + p.hunterCalls() + " / "
                                + p.verifications()));
    }

    private Paid measure(Path dir, boolean crash) throws Exception {
        Files.createDirectories(dir);
        var settings = SimulatorSettings.instant()
                .withLatency(Duration.ofMillis(100), Duration.ofMillis(100))
                .withErrorRate(0.05);
        try (var providers = new SimulatedProviders(settings, settings.withSeed(2));
                var db = BenchDatabase.start(dir)) {
            Map<String, String> env = db.env(providers.env(
                    "OUTREACH_JOBS_LEASE_SECONDS",
                    "5",
                    "OUTREACH_JOBS_HEARTBEAT_SECONDS",
                    "1",
                    "OUTREACH_ENRICHMENT_LEASE_SECONDS",
                    "10",
                    "OUTREACH_DATAFORSEO_MODE",
                    "live"));
            DaemonRuns.submitDiscover(dir, env, keywords, locations, 1000);
            long planned = keywords.split(",").length * (long) locations.split(",").length;
            if (crash) {
                try (var first = JarProcess.start(dir, env, "run")) {
                    await().atMost(Duration.ofMinutes(5))
                            .until(() -> paid(providers.dataForSeo.calls(), DataForSeoSimulator.LIVE) >= planned / 2);
                    first.kill();
                }
                try (var second = JarProcess.start(dir, env, "run")) {
                    await().atMost(Duration.ofMinutes(5))
                            .until(() -> db.count(
                                            "SELECT count(*) FROM jobs WHERE job_type = 'discover' AND status = 'completed'")
                                    == 1);
                    long saved = db.count("SELECT count(*) FROM prospects");
                    await().atMost(Duration.ofMinutes(5))
                            .until(() -> paid(providers.hunter.calls(), HunterSimulator.DOMAIN_SEARCH) >= saved / 2);
                    second.kill();
                }
            }
            DaemonRuns.runOnce(dir, env);
            long unfinished = db.count(
                    "SELECT count(*) FROM jobs WHERE status NOT IN ('completed') AND job_type IN ('discover', 'enrich')");
            if (unfinished > 0) {
                throw new IllegalStateException(unfinished + " discover/enrich job(s) did not complete");
            }
            return new Paid(
                    providers.dataForSeo.uniqueQueries(),
                    paid(providers.dataForSeo.calls(), DataForSeoSimulator.LIVE),
                    providers.dataForSeo.calls().callsPerEndpoint().getOrDefault(DataForSeoSimulator.LIVE, 0),
                    db.count("SELECT count(*) FROM prospects"),
                    paid(providers.hunter.calls(), HunterSimulator.DOMAIN_SEARCH),
                    providers.hunter.calls().callsPerEndpoint().getOrDefault(HunterSimulator.DOMAIN_SEARCH, 0),
                    providers.hunter.uniqueDomains(),
                    paid(providers.hunter.calls(), HunterSimulator.EMAIL_VERIFIER));
        }
    }

    static int paid(CallLog log, String endpoint) {
        return (int) log.calls().stream()
                .filter(c -> c.endpoint().equals(endpoint) && c.outcome() == Call.Outcome.OK)
                .count();
    }
}

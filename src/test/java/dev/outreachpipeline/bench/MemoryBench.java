package dev.outreachpipeline.bench;

import static org.awaitility.Awaitility.await;

import dev.outreachpipeline.simulators.SimulatorSettings;
import dev.outreachpipeline.testsupport.JarProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Workload 4: the packaged daemon's resident memory when idle and at its peak while it enriches and drafts
 * a large batch of prospects, and the time from starting the JVM to serving jobs. The database server is a
 * process of its own and is not counted.
 */
final class MemoryBench {

    /** The launcher's default (bin/outreach) and the README's recommendation for a small server. */
    static final String RECOMMENDED_JVM_OPTIONS = "-Xms32m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"
            + " -XX:ReservedCodeCacheSize=32m -Xss512k -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30";

    private final List<String> jvmOptions =
            Arrays.asList(System.getProperty("bench.memory.jvm-options", RECOMMENDED_JVM_OPTIONS)
                    .split(" "));
    private final int prospects = Integer.getInteger("bench.memory.prospects", 100_000);
    private final int idleSeconds = Integer.getInteger("bench.memory.idle-seconds", 20);

    BenchReport.Section run(Path workDir) throws Exception {
        var section = new BenchReport.Section("4. Memory and startup");
        Files.createDirectories(workDir);
        try (var providers = new SimulatedProviders(SimulatorSettings.instant(), SimulatorSettings.instant());
                var db = BenchDatabase.start(workDir)) {
            Map<String, String> env = db.env(providers.env(
                    "OUTREACH_HUNTER_REQUESTS_PER_SECOND", "1000",
                    "OUTREACH_HUNTER_REQUESTS_PER_MINUTE", "60000",
                    "OUTREACH_HUNTER_VERIFY", "false",
                    "OUTREACH_ENRICHMENT_BATCH_SIZE", "200"));
            int managementPort;
            try (var probe = new java.net.ServerSocket(0)) {
                managementPort = probe.getLocalPort();
            }
            env.put("OUTREACH_MANAGEMENT_PORT", String.valueOf(managementPort));
            var ready = java.net.URI.create("http://127.0.0.1:" + managementPort + "/health/ready");
            var http = java.net.http.HttpClient.newHttpClient();
            long start = System.nanoTime();
            try (var daemon = JarProcess.start(workDir, env, jvmOptions, "run");
                    var memory = new ProcessMemory(daemon.pid())) {
                await().atMost(Duration.ofMinutes(2))
                        .pollInterval(Duration.ofMillis(50))
                        .ignoreExceptions()
                        .until(() -> !daemon.isAlive()
                                || http.send(
                                                        java.net.http.HttpRequest.newBuilder(ready)
                                                                .build(),
                                                        java.net.http.HttpResponse.BodyHandlers.discarding())
                                                .statusCode()
                                        == 200);
                if (!daemon.isAlive()) {
                    throw new IllegalStateException("the daemon ended while starting: " + daemon.err());
                }
                double startupSeconds = (System.nanoTime() - start) / 1e9;
                // the idle figure is read after a fixed quiet spell (queue polls, heartbeats, a few collections)
                java.util.concurrent.TimeUnit.SECONDS.sleep(idleSeconds);
                double idle = memory.rssMb();
                double idlePeak = memory.peakMb();

                db.execute(
                        "INSERT INTO prospects (domain, page_url, outreach_status) SELECT 'bench-site-' || g || '.example', "
                                + "'https://bench-site-' || g || '.example/', 'pending' FROM generate_series(1, "
                                + prospects + ") g");
                long workStart = System.nanoTime();
                db.execute(
                        "INSERT INTO jobs (job_type, params, status, origin) VALUES ('enrich', '{}', 'pending', 'bench')");
                await().atMost(Duration.ofHours(1))
                        .pollInterval(Duration.ofSeconds(2))
                        .until(() -> db.count(
                                                "SELECT count(*) FROM jobs WHERE job_type = 'draft' AND status = 'completed'")
                                        > 0
                                && db.count("SELECT count(*) FROM jobs WHERE status IN ('pending', 'running')") == 0);
                double workSeconds = (System.nanoTime() - workStart) / 1e9;
                double peak = memory.peakMb();
                long drafted = db.count("SELECT count(*) FROM prospects WHERE draft_body IS NOT NULL");
                long enriched = db.count("SELECT count(*) FROM prospects WHERE enriched_at IS NOT NULL");
                daemon.terminate(Duration.ofMinutes(2));

                section.setup("the packaged jar, `java " + String.join(" ", jvmOptions)
                                + " -jar target/outreach-pipeline.jar run`"
                                + " (the heap settings the README recommends), two job workers")
                        .setup(String.format(
                                "then %,d prospects inserted as pending and one enrich job: every prospect looked up at"
                                        + " the simulated Hunter (answering at once), scored, then drafted",
                                prospects));
                section.figure(BenchReport.Figure.atMost("RSS idle (MiB)", idle, 150, "%.0f"))
                        .figure(BenchReport.Figure.atMost("RSS peak through the run (MiB)", peak, 256, "%.0f"))
                        .figure(BenchReport.Figure.reported(
                                "RSS peak before the run (MiB)", String.format("%.0f", idlePeak)))
                        .figure(BenchReport.Figure.reported(
                                "time from JVM start to /health/ready answering 200",
                                String.format("%.1f s", startupSeconds)))
                        .figure(BenchReport.Figure.reported(
                                "prospects enriched / drafted",
                                String.format(
                                        "%,d / %,d in %.0f s (%.0f prospects/s)",
                                        enriched, drafted, workSeconds, enriched / workSeconds)));
            }
        }
        return section;
    }
}

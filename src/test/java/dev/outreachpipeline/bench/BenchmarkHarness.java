package dev.outreachpipeline.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs the benchmark workloads against the real daemon on a real PostgreSQL and writes the report:
 * {@code ./mvnw -Pbench verify} (all workloads) or {@code ./mvnw -Pbench verify -Dbench.workloads=dedup,memory}.
 */
public final class BenchmarkHarness {

    static final List<String> ALL = List.of("paid-calls", "throughput", "dedup", "memory", "cost");

    private BenchmarkHarness() {}

    public static void main(String[] args) throws Exception {
        Set<String> chosen = new LinkedHashSet<>();
        Path report = Path.of("docs/benchmarks.md");
        for (String arg : args) {
            if (arg.startsWith("--workloads=")) {
                String value = arg.substring("--workloads=".length()).trim();
                chosen.addAll(value.isEmpty() || value.equals("all") ? ALL : Arrays.asList(value.split(",")));
            } else if (arg.startsWith("--set=")) {
                // knobs of the workloads, read as system properties bench.<name>
                for (String pair : arg.substring("--set=".length()).split(",")) {
                    if (pair.isBlank()) {
                        continue;
                    }
                    int eq = pair.indexOf('=');
                    if (eq < 1) {
                        throw new IllegalArgumentException(
                                "--set takes name=value pairs separated by commas, not " + pair);
                    }
                    System.setProperty(
                            "bench." + pair.substring(0, eq).trim(),
                            pair.substring(eq + 1).trim());
                }
            } else if (arg.startsWith("--report=")) {
                report = Path.of(arg.substring("--report=".length()));
            } else {
                throw new IllegalArgumentException(
                        "unknown argument " + arg + " (--workloads=" + String.join(",", ALL) + " --report=FILE)");
            }
        }
        if (chosen.isEmpty()) {
            chosen.addAll(ALL);
        }
        for (String name : chosen) {
            if (!ALL.contains(name)) {
                throw new IllegalArgumentException("unknown workload " + name + "; known: " + String.join(", ", ALL));
            }
        }
        Path work = Files.createTempDirectory("outreach-bench");
        var command = "./mvnw -Pbench verify"
                + (chosen.size() == ALL.size() ? "" : " -Dbench.workloads=" + String.join(",", chosen));
        var reportBuilder = new BenchReport(command);
        String postgres = "";
        for (String name : chosen) {
            System.err.println("== benchmark " + name);
            Path dir = work.resolve(name);
            BenchReport.Section section = switch (name) {
                case "paid-calls" -> new PaidCallsBench().run(dir);
                case "throughput" -> new ThroughputBench().run(dir);
                case "dedup" -> new DedupInsertBench().run(dir);
                case "memory" -> new MemoryBench().run(dir);
                case "cost" -> new JobCostBench().run(dir);
                default -> throw new IllegalStateException("not yet: " + name);
            };
            reportBuilder.add(section);
        }
        try (var db = BenchDatabase.start(work.resolve("version"))) {
            postgres = db.serverVersion();
        }
        reportBuilder.write(report, new Machine(postgres));
        System.err.println("Report written to " + report.toAbsolutePath());
    }
}

package dev.outreachpipeline.bench;

import dev.outreachpipeline.testsupport.CliRun;
import dev.outreachpipeline.testsupport.JarProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** The packaged program as an operator runs it, for the workloads. */
final class DaemonRuns {

    private DaemonRuns() {}

    /** {@code outreach run --once}: every runnable job and the jobs they enqueue; fails the benchmark on a non-zero exit. */
    static void runOnce(Path dir, Map<String, String> env) throws Exception {
        try (var daemon = JarProcess.start(dir, env, "run", "--once")) {
            int code = daemon.waitFor(Duration.ofMinutes(30));
            if (code != 0) {
                throw new IllegalStateException("run --once exited " + code + ": " + daemon.err());
            }
        }
    }

    /** {@code outreach job submit discover …} in-process; returns the job id. */
    static String submitDiscover(Path dir, Map<String, String> env, String keywords, String locations, int maxResults) {
        CliRun submit = CliRun.run(
                env,
                dir,
                "job",
                "submit",
                "discover",
                "--keywords",
                keywords,
                "--locations",
                locations,
                "--max-results",
                String.valueOf(maxResults));
        if (submit.exitCode() != 0) {
            throw new IllegalStateException("job submit failed: " + submit.err());
        }
        return submit.out().trim();
    }
}

package dev.outreachpipeline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** A process's resident memory, read from /proc: now, the highest seen, and the kernel's high-water mark. */
final class ProcessMemory implements AutoCloseable {

    private final long pid;
    private final AtomicLong highestSampledKb = new AtomicLong();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rss-sampler");
        t.setDaemon(true);
        return t;
    });

    ProcessMemory(long pid) {
        this.pid = pid;
        sampler.scheduleAtFixedRate(
                () -> highestSampledKb.accumulateAndGet(kb("VmRSS"), Math::max), 0, 100, TimeUnit.MILLISECONDS);
    }

    /** Resident set size now, in MiB. */
    double rssMb() {
        return kb("VmRSS") / 1024.0;
    }

    /** The kernel's peak resident set size of the process (VmHWM), in MiB. */
    double peakMb() {
        return Math.max(kb("VmHWM"), highestSampledKb.get()) / 1024.0;
    }

    private long kb(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process has ended; keep what was sampled
        }
        return 0;
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}

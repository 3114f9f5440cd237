package dev.outreachpipeline.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.zaxxer.hikari.HikariDataSource;
import dev.outreachpipeline.testsupport.CliRun;
import dev.outreachpipeline.testsupport.TestDatabase;
import dev.outreachpipeline.testsupport.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two limiters over two pools on one database stand for two daemons: together they keep the
 * configured rate, not twice it.
 */
class SharedRateLimiterIT {

    private static final int THREADS_PER_PROCESS = 4;

    private final TestDatabase db = TestPostgres.newDatabase();

    @BeforeEach
    void migrate() {
        assertThat(CliRun.run(db.env(), "db", "migrate").exitCode()).isZero();
    }

    private HikariDataSource pool() {
        var ds = new HikariDataSource();
        ds.setJdbcUrl(db.jdbcUrl());
        ds.setUsername("postgres");
        ds.setMaximumPoolSize(THREADS_PER_PROCESS);
        return ds;
    }

    /** Runs {@code perThread} on THREADS_PER_PROCESS threads of each of two processes at once. */
    private void fromTwoProcessesAtOnce(
            String limiter, Duration spacing, int timesPerThread, Consumer<SharedRateLimiter> perThread)
            throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2 * THREADS_PER_PROCESS);
        try (HikariDataSource one = pool();
                HikariDataSource two = pool()) {
            var tasks = new ArrayList<Callable<Void>>();
            for (HikariDataSource process : List.of(one, two)) {
                var sharedLimiter = new SharedRateLimiter(process, limiter, spacing);
                for (int t = 0; t < THREADS_PER_PROCESS; t++) {
                    tasks.add(() -> {
                        for (int i = 0; i < timesPerThread; i++) {
                            perThread.accept(sharedLimiter);
                        }
                        return null;
                    });
                }
            }
            for (Future<Void> f : threads.invokeAll(tasks)) {
                f.get();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void twoProcessesReservingAtOnceNeverGetTwoSlotsCloserThanTheSpacing() throws Exception {
        Duration spacing = RateSpacing.of(20, Duration.ofSeconds(1));
        List<Instant> slots = Collections.synchronizedList(new ArrayList<>());

        fromTwoProcessesAtOnce(
                "reserve-only",
                spacing,
                25,
                limiter -> slots.add(limiter.reserve().at()));

        List<Instant> sorted = new ArrayList<>(slots);
        Collections.sort(sorted);
        assertThat(sorted).hasSize(2 * THREADS_PER_PROCESS * 25);
        for (int i = 1; i < sorted.size(); i++) {
            assertThat(Duration.between(sorted.get(i - 1), sorted.get(i)))
                    .as("gap before slot " + i)
                    .isGreaterThanOrEqualTo(spacing);
        }
        // so no one-second window holds more than 20 of them
        for (int i = 0; i + 20 < sorted.size(); i++) {
            assertThat(Duration.between(sorted.get(i), sorted.get(i + 20))).isGreaterThan(Duration.ofSeconds(1));
        }
    }

    @Test
    void twoProcessesCallingAsFastAsTheyMayTogetherKeepTheConfiguredRate() throws Exception {
        Duration spacing = RateSpacing.of(20, Duration.ofSeconds(1));
        List<Long> callTimes = Collections.synchronizedList(new ArrayList<>());

        fromTwoProcessesAtOnce("paced", spacing, 6, limiter -> {
            limiter.acquire(() -> {});
            callTimes.add(System.nanoTime());
        });

        List<Long> sorted = new ArrayList<>(callTimes);
        Collections.sort(sorted);
        int calls = sorted.size();
        assertThat(calls).isEqualTo(2 * THREADS_PER_PROCESS * 6);
        // n calls take n - 1 spacings: 19.8 calls a second together, not twice that
        double rate = (calls - 1) / ((sorted.get(calls - 1) - sorted.get(0)) / 1e9);
        assertThat(rate).isCloseTo(1e9 / spacing.toNanos(), within(2.0));
    }

    @Test
    void aStoppedJobStopsWaitingForItsSlot() throws Exception {
        try (HikariDataSource pool = pool()) {
            var limiter = new SharedRateLimiter(pool, "slow", Duration.ofMinutes(10));
            limiter.acquire(() -> {});
            var stop = new IllegalStateException("the job was cancelled");

            var thrown = org.assertj.core.api.Assertions.catchThrowable(() -> limiter.acquire(() -> {
                throw stop;
            }));

            assertThat(thrown).isSameAs(stop);
        }
    }
}

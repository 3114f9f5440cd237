package dev.outreachpipeline.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreachpipeline.testsupport.CliRun;
import dev.outreachpipeline.testsupport.RunningDaemon;
import dev.outreachpipeline.testsupport.TestDatabase;
import dev.outreachpipeline.testsupport.TestPostgres;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

/**
 * Two discover jobs (the daemon's two workers) saving SERPs that share domains at the same moment, one in
 * the other's order reversed: each SERP's prospects are inserted in one statement, and two such statements
 * taking the same unique-index entries in opposite orders would deadlock and lose a SERP. The jobs work
 * for two campaigns, and each domain the other job stored first is counted as existing under the other's
 * campaign, whether it was seen before the insert or lost to the other's insert.
 */
class ConcurrentSavesIT {

    private static final int ROUNDS = 30;
    private static final int DOMAINS = 60;

    @Test
    void twoJobsSavingOverlappingSerpsAtOnceNeverDeadlockAndSaveEachDomainOnce() throws Exception {
        TestDatabase db = TestPostgres.newDatabase();
        assertThat(CliRun.run(db.env(), "db", "migrate").exitCode()).isZero();
        String jobA = runningJob(db, "worker-a", "default");
        db.execute("INSERT INTO campaigns (name) VALUES ('b')");
        String jobB = runningJob(db, "worker-b", "b");
        List<String> queriesA = queries(db, jobA);
        List<String> queriesB = queries(db, jobB);

        ExecutorService two = Executors.newFixedThreadPool(2);
        try (var daemon = RunningDaemon.start(
                db.config("OUTREACH_JOBS_POLL_INTERVAL_MS", "600000"), db.open(), Path.of("target"))) {
            ProducerTemplate producer = daemon.context().createProducerTemplate();
            for (int round = 0; round < ROUNDS; round++) {
                List<String> domains = new ArrayList<>();
                for (int i = 0; i < DOMAINS; i++) {
                    domains.add("r" + round + "-site-" + i + ".example.com");
                }
                Future<?> a = two.submit(save(producer, jobA, "worker-a", queriesA.get(round), domains));
                Future<?> b = two.submit(save(producer, jobB, "worker-b", queriesB.get(round), reversed(domains)));
                a.get();
                b.get();
            }
        } finally {
            two.shutdownNow();
        }

        assertThat(db.count("SELECT count(*) FROM prospects")).isEqualTo((long) ROUNDS * DOMAINS);
        assertThat(db.count("SELECT count(*) FROM discovery_queries WHERE status = 'success'"))
                .isEqualTo(2L * ROUNDS);
        assertThat(db.count("SELECT sum(results_saved) FROM discovery_queries")).isEqualTo((long) ROUNDS * DOMAINS);
        assertThat(db.count("SELECT count(*) FROM discovery_queries WHERE results_saved + results_skipped_duplicate"
                        + " + results_skipped_existing <> results_found"))
                .isZero();
        assertThat(db.count("SELECT sum(results_skipped_existing) FROM discovery_queries"))
                .isEqualTo((long) ROUNDS * DOMAINS);
        assertThat(db.count("""
                        SELECT count(*) FROM discovery_queries q
                         WHERE results_skipped_existing <> coalesce((SELECT sum(e.value::text::int)
                                 FROM json_each(q.query_metadata -> 'existing_by_campaign') e), 0)"""))
                .as("every existing result is counted under its owner's campaign")
                .isZero();
        assertThat(db.count("SELECT count(*) FROM discovery_queries q"
                        + " CROSS JOIN LATERAL json_each(q.query_metadata -> 'existing_by_campaign') e"
                        + " JOIN campaigns c ON c.id::text = e.key"
                        + " WHERE (q.job_id = '" + jobA + "' AND c.name <> 'b')"
                        + " OR (q.job_id = '" + jobB + "' AND c.name <> 'default')"))
                .as("the owner is the other job's campaign")
                .isZero();
    }

    private static java.util.concurrent.Callable<Void> save(
            ProducerTemplate producer, String jobId, String worker, String queryId, List<String> domains) {
        List<SerpItem> items = new ArrayList<>();
        for (String domain : domains) {
            int rank = items.size() + 1;
            items.add(new SerpItem(
                    "organic", rank, rank, "https://" + domain + "/", domain, "{\"domain\":\"" + domain + "\"}"));
        }
        var call = new SerpCall(new SerpOutcome.Results(null, items, BigDecimal.ZERO), 1, BigDecimal.ZERO);
        return () -> {
            // the job's state travels as exchange variables, as the job worker hands it to the route
            var done = producer.send("direct:save-serp-results", ex -> {
                ex.getIn().setBody(call);
                Map.<String, Object>of("jobId", jobId, "queryId", queryId, "worker", worker, "maxResults", 1_000_000)
                        .forEach(ex::setVariable);
            });
            if (done.getException() != null) {
                throw done.getException();
            }
            return null;
        };
    }

    private static List<String> reversed(List<String> domains) {
        var copy = new ArrayList<>(domains);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private static String runningJob(TestDatabase db, String worker, String campaign) {
        return String.valueOf(db.rowsOf(
                        "INSERT INTO jobs (job_type, params, status, origin, claimed_by, started_at, deadline_at, campaign_id)"
                                + " SELECT 'discover', '{}', 'running', 'test', '" + worker
                                + "', now(), now() + interval '1 hour', id FROM campaigns WHERE name = '" + campaign
                                + "' RETURNING id")
                .get(0)
                .get("id"));
    }

    private static List<String> queries(TestDatabase db, String jobId) {
        return db
                .rowsOf("INSERT INTO discovery_queries (job_id, keyword, location, location_code, position, status)"
                        + " SELECT '" + jobId + "', 'keyword ' || g, 'usa', 2840, g, 'pending' FROM generate_series(1, "
                        + ROUNDS + ") g"
                        + " RETURNING id, position")
                .stream()
                .sorted(java.util.Comparator.comparingInt(r -> ((Number) r.get("position")).intValue()))
                .map(r -> String.valueOf(r.get("id")))
                .toList();
    }
}

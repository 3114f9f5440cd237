package dev.outreachpipeline.bench;

import dev.outreachpipeline.discovery.SerpCall;
import dev.outreachpipeline.discovery.SerpItem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.postgresql.PGConnection;

/**
 * Workload 3: SERP results through the real discovery write path ({@code direct:save-serp-results}: the
 * job-row lock, the known-domain lookup, classification, the ON CONFLICT insert and the counters, one
 * transaction per SERP), beside a plain COPY of the same rows into a table without indexes.
 */
final class DedupInsertBench {

    static final String WORKER = "bench-worker";

    private final int results = Integer.getInteger("bench.dedup.results", 200_000);
    private final int pageSize = Integer.getInteger("bench.dedup.page-size", 100);
    private final double duplicateShare = Double.parseDouble(System.getProperty("bench.dedup.duplicate-share", "0.4"));

    BenchReport.Section run(Path workDir) throws Exception {
        var section = new BenchReport.Section("3. Dedup insert");
        int pages = results / pageSize;
        var serps = new SyntheticSerps(42, duplicateShare);
        List<SerpCall> calls = new ArrayList<>(pages);
        for (int i = 0; i < pages; i++) {
            calls.add(serps.page(pageSize));
        }
        section.setup(String.format(
                "%,d organic results in %,d SERPs of %d, %.0f %% of them repeating a domain handed out earlier"
                        + " (%,d distinct domains); one job, one worker, one transaction per SERP, as a live discover job saves them",
                pages * pageSize, pages, pageSize, 100.0 * serps.repeats() / (pages * pageSize), serps.distinct()));

        int workers = Integer.getInteger("bench.dedup.workers", 2);
        section.setup("the same SERPs through one worker (one job), then through " + workers + " workers (" + workers
                + " jobs side by side, the daemon's default of outreach.jobs.workers), each on a fresh database");
        double oneWorker = 0;
        for (int w : new int[] {1, workers}) {
            try (var db = BenchDatabase.start(workDir.resolve("workers-" + w))) {
                double seconds = saveThroughWritePath(db, calls, w, workDir);
                long saved = db.count("SELECT count(*) FROM prospects");
                long found = db.count("SELECT sum(results_found) FROM discovery_queries");
                long accounted = db.count(
                        "SELECT sum(results_saved + results_skipped_duplicate + results_skipped_existing) FROM discovery_queries");
                if (saved != serps.distinct() || found != (long) pages * pageSize || accounted != found) {
                    throw new IllegalStateException("the write path lost or invented rows: saved " + saved + " of "
                            + serps.distinct() + " distinct, found " + found + ", accounted " + accounted);
                }
                double rate = found / seconds;
                String label = w == 1 ? "one worker" : w + " workers";
                section.figure(BenchReport.Figure.atLeast(
                                "results/s through the discovery write path, " + label, rate, 50_000, "%,.0f"))
                        .figure(BenchReport.Figure.reported(
                                "time for all results, " + label, String.format("%.1f s", seconds)))
                        .figure(BenchReport.Figure.reported(
                                "prospects saved (= distinct domains), " + label, String.format("%,d", saved)));
                if (w == 1) {
                    oneWorker = rate;
                    double copyRate = found / copyReference(db, calls);
                    section.figure(BenchReport.Figure.reported(
                                    "rows/s of a plain COPY of the same rows (no indexes)",
                                    String.format("%,.0f", copyRate)))
                            .figure(BenchReport.Figure.reported(
                                    "write path (one worker) ÷ COPY", String.format("%.2f", oneWorker / copyRate)))
                            .figure(BenchReport.Figure.reported(
                                    "one SERP through the write path, one worker (ms)",
                                    String.format("%.1f", seconds * 1000 / pages)))
                            .figure(BenchReport.Figure.reported(
                                    "its insert statement, EXPLAIN ANALYZE of 100 new rows (ms): "
                                            + "reading the rows' JSON / inserting (unique index and 6 more) / foreign-key checks / whole statement",
                                    insertBreakdown(db)));
                }
            }
        }
        return section;
    }

    /** Seconds to save every SERP through direct:save-serp-results, split over {@code workers} jobs saving side by side. */
    private static double saveThroughWritePath(BenchDatabase db, List<SerpCall> calls, int workers, Path workDir)
            throws Exception {
        var jobs = new ArrayList<String>();
        var queries = new ArrayList<List<String>>();
        for (int w = 0; w < workers; w++) {
            String worker = WORKER + "-" + w;
            String jobId =
                    db.text("INSERT INTO jobs (job_type, params, status, origin, claimed_by, started_at, deadline_at) "
                            + "VALUES ('discover', '{}', 'running', 'bench', '" + worker
                            + "', now(), now() + interval '1 day') RETURNING id");
            jobs.add(jobId);
            queries.add(queryIds(db, jobId, (calls.size() + workers - 1) / workers));
        }
        var config = dev.outreachpipeline.config.OutreachConfig.load(
                null, db.env("OUTREACH_JOBS_POLL_INTERVAL_MS", "600000"), workDir);
        try (var daemon = dev.outreachpipeline.testsupport.RunningDaemon.start(
                config, dev.outreachpipeline.db.Database.open(config), workDir)) {
            var pool = java.util.concurrent.Executors.newFixedThreadPool(workers);
            try {
                long start = System.nanoTime();
                var done = new ArrayList<java.util.concurrent.Future<?>>();
                for (int w = 0; w < workers; w++) {
                    int lane = w;
                    ProducerTemplate producer = daemon.context().createProducerTemplate();
                    done.add(pool.submit(() -> {
                        for (int i = lane, n = 0; i < calls.size(); i += workers, n++) {
                            var call = calls.get(i);
                            var variables = Map.<String, Object>of(
                                    "jobId",
                                    jobs.get(lane),
                                    "queryId",
                                    queries.get(lane).get(n),
                                    "worker",
                                    WORKER + "-" + lane,
                                    "maxResults",
                                    Integer.MAX_VALUE);
                            var saved = producer.send("direct:save-serp-results", ex -> {
                                ex.getIn().setBody(call);
                                variables.forEach(ex::setVariable);
                            });
                            if (saved.getException() != null) {
                                throw saved.getException();
                            }
                        }
                        return null;
                    }));
                }
                for (var f : done) {
                    f.get();
                }
                return (System.nanoTime() - start) / 1e9;
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** Where the insert statement of the write path spends its time, for one SERP of 100 rows none of which exists. */
    private static String insertBreakdown(BenchDatabase db) throws Exception {
        // 100 domains no earlier run handed out (another seed's prefix), as the write path builds the rows
        var batch = dev.outreachpipeline.discovery.SerpBatch.of(
                new SyntheticSerps(7, 0, "explain-site-").page(100),
                java.util.Set.of("organic"),
                dev.outreachpipeline.discovery.DedupeMode.HOST);
        batch.classify(Map.of(), Long.MAX_VALUE);
        String rows = batch.rowsJson();
        String sql = new String(
                        DedupInsertBench.class
                                .getResourceAsStream("/sql/insert-prospects.sql")
                                .readAllBytes(),
                        StandardCharsets.UTF_8)
                .replaceAll("(?m)^--.*$", "")
                .replace("CAST(:#queryId AS uuid)", "(SELECT id FROM discovery_queries ORDER BY position LIMIT 1)")
                .replace("CAST(:#jobId AS uuid)", "NULL::uuid")
                .replace(":#rows", "?");
        try (Connection c = db.database().connection();
                var st = c.prepareStatement("EXPLAIN (ANALYZE, FORMAT JSON) " + sql)) {
            c.setAutoCommit(false);
            st.setString(1, rows);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                var plan = new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(rs.getString(1))
                        .get(0);
                double total = plan.path("Execution Time").asDouble();
                double triggers = 0;
                for (var t : plan.path("Triggers")) {
                    triggers += t.path("Time").asDouble();
                }
                double reading = functionScanTime(plan.path("Plan"));
                double inserting = plan.path("Plan").path("Actual Total Time").asDouble() - reading;
                return String.format("%.1f / %.1f / %.1f / %.1f", reading, inserting, triggers, total);
            } finally {
                c.rollback();
            }
        }
    }

    private static double functionScanTime(com.fasterxml.jackson.databind.JsonNode node) {
        if ("Function Scan".equals(node.path("Node Type").asText())) {
            return node.path("Actual Total Time").asDouble();
        }
        for (var child : node.path("Plans")) {
            double t = functionScanTime(child);
            if (t > 0) {
                return t;
            }
        }
        return 0;
    }

    private static List<String> queryIds(BenchDatabase db, String jobId, int pages) throws Exception {
        var ids = new ArrayList<String>(pages);
        try (Connection c = db.database().connection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "INSERT INTO discovery_queries (job_id, keyword, location, location_code, position, status) "
                                + "SELECT '" + jobId
                                + "', 'keyword ' || g, 'usa', 2840, g, 'pending' FROM generate_series(1, " + pages
                                + ") g "
                                + "RETURNING id, position")) {
            var byPosition = new java.util.TreeMap<Integer, String>();
            while (rs.next()) {
                byPosition.put(rs.getInt(2), rs.getString(1));
            }
            ids.addAll(byPosition.values());
        }
        return ids;
    }

    /** Seconds to COPY every result (duplicates included) into a scratch table shaped like prospects, without its indexes. */
    private static double copyReference(BenchDatabase db, List<SerpCall> calls) throws Exception {
        db.execute("CREATE SCHEMA bench_scratch");
        db.execute("CREATE TABLE bench_scratch.copy_reference (LIKE public.prospects INCLUDING DEFAULTS)");
        var csv = new ByteArrayOutputStream();
        for (SerpCall call : calls) {
            for (SerpItem item : call.results().items()) {
                String domain =
                        item.url().substring("https://".length(), item.url().indexOf('/', "https://".length()));
                csv.writeBytes((quote(domain) + ',' + quote(item.url()) + ',' + quote(item.title()) + ','
                                + quote(item.rawJson()) + ",pending\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] bytes = csv.toByteArray();
        try (Connection c = db.database().connection()) {
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            long start = System.nanoTime();
            copy.copyIn(
                    "COPY bench_scratch.copy_reference (domain, page_url, page_title, dataforseo_payload, outreach_status) "
                            + "FROM STDIN WITH (FORMAT csv)",
                    new ByteArrayInputStream(bytes));
            return (System.nanoTime() - start) / 1e9;
        }
    }

    private static String quote(String value) {
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}

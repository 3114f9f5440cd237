package dev.outreachpipeline.cli;

import dev.outreachpipeline.jobs.JobRow;
import dev.outreachpipeline.jobs.JobStore;
import dev.outreachpipeline.jobs.JobStore.QueryRow;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * {@code --wait}: follows a job with one progress line (rewritten in place on a terminal, a new
 * line on each change otherwise) until it ends, then prints its result.
 */
final class JobFollower {

    private static final Set<String> ENDED = Set.of("completed", "failed", "cancelled");

    private final JobStore store;
    private final CliContext context;

    JobFollower(JobStore store, CliContext context) {
        this.store = store;
        this.context = context;
    }

    int follow(UUID id) throws SQLException, InterruptedException {
        boolean terminal = System.console() != null;
        String last = "";
        while (true) {
            JobRow row = store.find(id).orElseThrow();
            String line = progress(row, store.queries(id));
            if (!line.equals(last)) {
                context.err().print(terminal ? "\r" + line + "   " : line + "\n");
                context.err().flush();
                last = line;
            }
            if (ENDED.contains(row.status())) {
                if (terminal) {
                    context.err().println();
                }
                JobView.print(row, store.queries(id), context.out());
                return "completed".equals(row.status()) ? ExitCodes.OK : ExitCodes.FAILURE;
            }
            Thread.sleep(1000);
        }
    }

    private static String progress(JobRow row, List<QueryRow> queries) {
        long done = queries.stream().filter(q -> !q.status().equals("pending") && !q.status().startsWith("post")).count();
        long saved = queries.stream().mapToLong(QueryRow::saved).sum();
        return "Job " + row.id() + ": " + row.status()
                + (queries.isEmpty() ? "" : ", " + done + "/" + queries.size() + " queries done, " + saved + " prospects saved");
    }
}

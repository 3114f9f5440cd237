package dev.outreachpipeline.cli;

import dev.outreachpipeline.jobs.JobRow;
import dev.outreachpipeline.jobs.JobStore;
import dev.outreachpipeline.jobs.JobStore.QueryRow;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * {@code --wait}: follows a job with a {@link Progress} (a bar redrawn in place on a terminal, a line
 * on each change of status and at most every few seconds otherwise) until it ends, then prints its
 * result.
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
        Progress progress = Progress.on(context.err(), context.env());
        progress.line("Following job " + id + " (Ctrl-C stops following; the job goes on)");
        while (true) {
            JobRow row = store.find(id).orElseThrow();
            List<QueryRow> queries = store.queries(id);
            progress.update(row.status(), done(queries), queries.size(), progress(row, queries));
            if (ENDED.contains(row.status())) {
                progress.finish();
                JobView.print(row, queries, store.existingByCampaign(id), context.out());
                return "completed".equals(row.status()) ? ExitCodes.OK : ExitCodes.FAILURE;
            }
            Thread.sleep(1000);
        }
    }

    private static long done(List<QueryRow> queries) {
        return queries.stream()
                .filter(q -> !q.status().equals("pending") && !q.status().startsWith("post"))
                .count();
    }

    private static String progress(JobRow row, List<QueryRow> queries) {
        long done = done(queries);
        long saved = queries.stream().mapToLong(QueryRow::saved).sum();
        // No job id here: the line must fit a terminal's width to be redrawn in place.
        return row.status()
                + (queries.isEmpty()
                        ? ""
                        : ", " + done + "/" + queries.size() + " queries done, " + saved + " prospects saved");
    }
}

package dev.outreachpipeline.cli;

import dev.outreachpipeline.jobs.JobProgress;
import dev.outreachpipeline.jobs.JobRow;
import dev.outreachpipeline.jobs.JobStore;
import dev.outreachpipeline.jobs.JobStore.QueryRow;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * {@code --wait}: follows a job with a {@link Progress} (a bar redrawn in place on a terminal, a line
 * on each change of status and at most every few seconds otherwise) until it ends, then prints its
 * result.
 */
final class JobFollower {

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
            JobProgress now = JobProgress.of(row, queries);
            // No job id in the line: it must fit a terminal's width to be redrawn in place.
            progress.update(row.status(), now.done(), queries.size(), now.line());
            if (now.ended()) {
                progress.finish();
                JobView.print(row, queries, store.existingByCampaign(id), context.out());
                return "completed".equals(row.status()) ? ExitCodes.OK : ExitCodes.FAILURE;
            }
            Thread.sleep(1000);
        }
    }
}

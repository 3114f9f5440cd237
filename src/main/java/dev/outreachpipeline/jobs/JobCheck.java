package dev.outreachpipeline.jobs;

import dev.outreachpipeline.db.NamedParameters;
import dev.outreachpipeline.db.SqlStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Asks the database whether a worker may go on with its job (the job's row, judged by
 * {@link JobGuard#checkBetweenSteps}); for code that waits or retries between database steps
 * (provider calls), so that a cancellation or a passed deadline is seen within one attempt rather
 * than at the end of a long wait. Routes use {@code direct:check-job} for the same check.
 */
public final class JobCheck {

    private static final NamedParameters JOB_STATE = SqlStatement.JOB_STATE.jdbc();

    private final DataSource dataSource;
    private final JobGuard guard;

    public JobCheck(DataSource dataSource, JobGuard guard) {
        this.dataSource = dataSource;
        this.guard = guard;
    }

    /** @throws JobStopped when the worker must stop */
    public void verify(String jobId, String worker) {
        guard.checkBetweenSteps(row(jobId), worker);
    }

    public Runnable of(String jobId, String worker) {
        return () -> verify(jobId, worker);
    }

    private Map<String, Object> row(String jobId) {
        // autocommit: the row lock of FOR UPDATE ends with the statement, as it does in check-job
        try {
            List<Map<String, Object>> rows = JOB_STATE.rows(dataSource, Map.of("jobId", jobId));
            return rows.isEmpty() ? null : rows.get(0);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the state of job " + jobId + ": " + e.getMessage(), e);
        }
    }
}

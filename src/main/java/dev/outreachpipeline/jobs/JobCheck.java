package dev.outreachpipeline.jobs;

import dev.outreachpipeline.db.NamedParameters;
import dev.outreachpipeline.db.SqlStatement;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

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
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(JOB_STATE.jdbcText())) {
            JOB_STATE.bind(ps, Map.of("jobId", jobId));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                var row = new HashMap<String, Object>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                }
                return row;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the state of job " + jobId + ": " + e.getMessage(), e);
        }
    }
}

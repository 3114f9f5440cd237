package dev.outreachpipeline.discovery;

import dev.outreachpipeline.db.NamedParameters;
import dev.outreachpipeline.db.SqlStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * A discover job's rows of discovery_queries as standard mode reads and writes them between its
 * provider calls, each statement committed on its own (as the routes' own statements outside a
 * unit of work are): a posted task's id must be on record before anything else can go wrong.
 * The statements are the sql/ files the routes share; their {@code :#name} parameters are bound by name.
 */
final class DiscoveryQueries {

    private static final NamedParameters OPEN = SqlStatement.OPEN_DISCOVERY_QUERIES.jdbc();
    private static final NamedParameters UNCOLLECTED = SqlStatement.UNCOLLECTED_QUERIES.jdbc();
    private static final NamedParameters SAVED = SqlStatement.SAVED_BY_JOB.jdbc();
    private static final NamedParameters MARK_POSTING = SqlStatement.MARK_QUERIES_POSTING.jdbc();
    private static final NamedParameters RECORD_POSTED = SqlStatement.RECORD_POSTED_TASKS.jdbc();
    private static final NamedParameters RECORD_REJECTED = SqlStatement.RECORD_REJECTED_TASKS.jdbc();
    private static final NamedParameters FAIL = SqlStatement.FAIL_QUERIES.jdbc();
    private static final NamedParameters FOUND_TASK = SqlStatement.RECORD_FOUND_TASK.jdbc();
    private static final NamedParameters RECORD_FAILURE = SqlStatement.RECORD_QUERY_FAILURE.jdbc();

    private final DataSource dataSource;

    DiscoveryQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The job's queries still to run (pending, posting, posted), in plan order. */
    List<Map<String, Object>> open(String jobId) {
        return rows(OPEN, Map.of("jobId", jobId));
    }

    /** The job's queries posted (or being posted) and not collected yet, in plan order. */
    List<Map<String, Object>> uncollected(String jobId) {
        return rows(UNCOLLECTED, Map.of("jobId", jobId));
    }

    /** Prospects the job has saved so far. */
    long saved(String jobId) {
        return ((Number) rows(SAVED, Map.of("jobId", jobId)).get(0).get("saved")).longValue();
    }

    /** @param queryIds a JSON array of query ids */
    void markPosting(String queryIds) {
        update(MARK_POSTING, Map.of("queryIds", queryIds));
    }

    /** @param posted a JSON array of {id, task_id, cost} */
    void recordPosted(String posted) {
        update(RECORD_POSTED, Map.of("posted", posted));
    }

    /** @param rejected a JSON array of {id, error} */
    void recordRejected(String rejected) {
        update(RECORD_REJECTED, Map.of("rejected", rejected));
    }

    void fail(String queryIds, String errorMessage) {
        update(FAIL, Map.of("queryIds", queryIds, "errorMessage", errorMessage));
    }

    /** A query whose post was never recorded, found among the finished tasks by its tag. */
    void recordFoundTask(String queryId, String taskId) {
        update(FOUND_TASK, Map.of("queryId", queryId, "taskId", taskId));
    }

    void recordFailure(String queryId, String errorMessage, String cost) {
        update(RECORD_FAILURE, Map.of("queryId", queryId, "errorMessage", errorMessage, "cost", cost));
    }

    private void update(NamedParameters statement, Map<String, ?> values) {
        try {
            statement.update(dataSource, values);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot write the discovery queries " + values.keySet() + ": " + e.getMessage(), e);
        }
    }

    private List<Map<String, Object>> rows(NamedParameters statement, Map<String, ?> values) {
        try {
            return statement.rows(dataSource, values);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the discovery queries: " + e.getMessage(), e);
        }
    }
}

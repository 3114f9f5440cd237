package dev.outreachpipeline.jobs;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The jobs table as the command line uses it: enqueue, look up, cancel. Workers never come
 * through here; they claim and finish jobs through the routes.
 */
public final class JobStore {

    public enum CancelOutcome { CANCELLED, CANCEL_REQUESTED, ALREADY_FINISHED, NOT_FOUND }

    private static final String COLUMNS = """
            id, job_type, status, origin, params::text, result::text, error_message, attempts, claimed_by,
            created_at, updated_at, started_at, finished_at, cancel_requested_at""";

    private final DataSource dataSource;

    public JobStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Enqueues a pending job and returns its id. */
    public UUID submit(String type, String paramsJson, String origin) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO jobs (job_type, params, status, origin) VALUES (?, CAST(? AS json), 'pending', ?) RETURNING id")) {
            ps.setString(1, type);
            ps.setString(2, paramsJson);
            ps.setString(3, origin);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1, UUID.class);
            }
        }
    }

    public Optional<JobRow> find(UUID id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM jobs WHERE id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    /** Newest first; type and status may be null (any). */
    public List<JobRow> list(String type, String status, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM jobs WHERE (? IS NULL OR job_type = ?) AND (? IS NULL OR status = ?)"
                        + " ORDER BY created_at DESC NULLS LAST, id LIMIT ?")) {
            ps.setString(1, type);
            ps.setString(2, type);
            ps.setString(3, status);
            ps.setString(4, status);
            ps.setInt(5, limit);
            var rows = new ArrayList<JobRow>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
            return rows;
        }
    }

    /**
     * A pending job is cancelled at once; a running one is asked to stop, and its worker does so
     * at its next step, keeping what it already committed.
     */
    public CancelOutcome cancel(UUID id) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE jobs SET status = 'cancelled', cancel_requested_at = now(), finished_at = now(),
                                    error_message = 'cancelled by an operator before it started'
                     WHERE id = ? AND status = 'pending'""")) {
                ps.setObject(1, id);
                if (ps.executeUpdate() == 1) {
                    return CancelOutcome.CANCELLED;
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE jobs SET cancel_requested_at = coalesce(cancel_requested_at, now()) WHERE id = ? AND status = 'running'")) {
                ps.setObject(1, id);
                if (ps.executeUpdate() == 1) {
                    return CancelOutcome.CANCEL_REQUESTED;
                }
            }
            return find(id).isPresent() ? CancelOutcome.ALREADY_FINISHED : CancelOutcome.NOT_FOUND;
        }
    }

    /**
     * Jobs of these types not finished yet: pending, or running anywhere (a running job whose
     * worker died is taken over once its lease expires). Rows without an origin (left by the
     * predecessor) are never run and not counted, nor are jobs waiting for a later run_after.
     */
    public int unfinished(List<String> types) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT count(*) FROM jobs
                 WHERE origin IS NOT NULL AND job_type = ANY (?) AND status IN ('pending', 'running')
                   AND (run_after IS NULL OR run_after <= now())""")) {
            ps.setArray(1, c.createArrayOf("varchar", types.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** One discovery query of a job, as `job show` lists it. */
    public record QueryRow(String keyword, String location, Integer locationCode, String category, String status,
                           int found, int saved, int duplicate, int existing, int invalid, int apiCalls,
                           java.math.BigDecimal cost, String errorMessage) {
    }

    public List<QueryRow> queries(UUID jobId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT keyword, location, location_code, category, status, results_found, results_saved,
                       results_skipped_duplicate, results_skipped_existing,
                       coalesce((query_metadata ->> 'skipped_invalid')::int, 0), api_calls, cost, error_message
                  FROM discovery_queries WHERE job_id = ? ORDER BY position NULLS LAST, created_at, id""")) {
            ps.setObject(1, jobId);
            var rows = new ArrayList<QueryRow>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new QueryRow(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3), rs.getString(4),
                            rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10),
                            rs.getInt(11), rs.getBigDecimal(12), rs.getString(13)));
                }
            }
            return rows;
        }
    }

    private static JobRow row(ResultSet rs) throws SQLException {
        return new JobRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getInt(8), rs.getString(9), rs.getObject(10, OffsetDateTime.class),
                rs.getObject(11, OffsetDateTime.class), rs.getObject(12, OffsetDateTime.class),
                rs.getObject(13, OffsetDateTime.class), rs.getObject(14, OffsetDateTime.class));
    }
}

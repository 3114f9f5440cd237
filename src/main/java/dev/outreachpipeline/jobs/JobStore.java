package dev.outreachpipeline.jobs;

import dev.outreachpipeline.db.NamedParameters;
import dev.outreachpipeline.db.SqlStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The jobs table as the command line uses it: enqueue, look up, cancel. Workers never come
 * through here; they claim and finish jobs through the routes.
 */
public final class JobStore {

    public enum CancelOutcome {
        CANCELLED,
        CANCEL_REQUESTED,
        ALREADY_FINISHED,
        NOT_FOUND;

        /** What `job cancel` and the API say of job {@code id}. */
        public String sentence(String id) {
            return switch (this) {
                case CANCELLED -> "Job " + id + " cancelled.";
                case CANCEL_REQUESTED ->
                    "Job " + id + " is running; it was asked to stop and will"
                            + " do so at its next step, keeping what it already saved.";
                case ALREADY_FINISHED -> "Job " + id + " has already ended; nothing to cancel.";
                case NOT_FOUND -> notFound(id);
            };
        }
    }

    /** The job types the daemon runs (a route {@code direct:<type>-job} each). */
    public static final List<String> TYPES =
            List.of("discover", "enrich", "draft", "send", "followup", "check_replies", "check_links");

    /** The statuses a job can be in. */
    public static final List<String> STATUSES = List.of("pending", "running", "completed", "failed", "cancelled");

    /** The sentence for an id no job has. */
    public static String notFound(String id) {
        return "No job with id " + id + ".";
    }

    /** The id {@code text} names; empty when it is not a UUID. */
    public static Optional<UUID> parseId(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(UUID.fromString(text.trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The sentence for text that is not a job id. */
    public static String notAnId(String text) {
        return "'" + text + "' is not a job id (a UUID such as 3f0c…-…).";
    }

    private static final NamedParameters CANCEL_PENDING = SqlStatement.CANCEL_PENDING_JOB.jdbc();
    private static final NamedParameters REQUEST_CANCEL = SqlStatement.REQUEST_JOB_CANCEL.jdbc();

    private final DataSource dataSource;

    public JobStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Enqueues a pending job and returns its id. */
    public UUID submit(String type, String paramsJson, String origin) throws SQLException {
        NamedParameters sql = SqlStatement.ENQUEUE_JOB.jdbc();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql.jdbcText())) {
            sql.bind(ps, Map.of("newJobType", type, "newJobParams", paramsJson, "newJobOrigin", origin));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return UUID.fromString(rs.getString(1));
            }
        }
    }

    public Optional<JobRow> find(UUID id) throws SQLException {
        NamedParameters sql = SqlStatement.JOB_BY_ID.jdbc();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql.jdbcText())) {
            sql.bind(ps, Map.of("id", id));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    /** Newest first; type and status may be null (any). */
    public List<JobRow> list(String type, String status, int limit) throws SQLException {
        NamedParameters sql = SqlStatement.LIST_JOBS.jdbc();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql.jdbcText())) {
            var values = new HashMap<String, Object>();
            values.put("type", type);
            values.put("status", status);
            values.put("limit", limit);
            sql.bind(ps, values);
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
            try (PreparedStatement ps = c.prepareStatement(CANCEL_PENDING.jdbcText())) {
                CANCEL_PENDING.bind(ps, Map.of("id", id));
                if (ps.executeUpdate() == 1) {
                    return CancelOutcome.CANCELLED;
                }
            }
            try (PreparedStatement ps = c.prepareStatement(REQUEST_CANCEL.jdbcText())) {
                REQUEST_CANCEL.bind(ps, Map.of("id", id));
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
        NamedParameters sql = SqlStatement.COUNT_UNFINISHED_JOBS.jdbc();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql.jdbcText())) {
            sql.bind(ps, Map.of("types", c.createArrayOf("varchar", types.toArray())));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** One discovery query of a job, as `job show` lists it. */
    public record QueryRow(
            String keyword,
            String location,
            Integer locationCode,
            String category,
            String status,
            int found,
            int saved,
            int duplicate,
            int existing,
            int invalid,
            int apiCalls,
            java.math.BigDecimal cost,
            String errorMessage) {}

    public List<QueryRow> queries(UUID jobId) throws SQLException {
        NamedParameters sql = SqlStatement.JOB_QUERIES.jdbc();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql.jdbcText())) {
            sql.bind(ps, Map.of("jobId", jobId));
            var rows = new ArrayList<QueryRow>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new QueryRow(
                            rs.getString(1),
                            rs.getString(2),
                            (Integer) rs.getObject(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getInt(6),
                            rs.getInt(7),
                            rs.getInt(8),
                            rs.getInt(9),
                            rs.getInt(10),
                            rs.getInt(11),
                            rs.getBigDecimal(12),
                            rs.getString(13)));
                }
            }
            return rows;
        }
    }

    /**
     * The results a discover job counted as existing, by the campaign owning each domain, most
     * first; empty when it counted none.
     */
    public Map<String, Long> existingByCampaign(UUID jobId) throws SQLException {
        var byCampaign = new LinkedHashMap<String, Long>();
        for (Map<String, Object> row :
                SqlStatement.JOB_EXISTING_BY_CAMPAIGN.jdbc().rows(dataSource, Map.of("jobId", jobId))) {
            byCampaign.put((String) row.get("campaign"), ((Number) row.get("existing")).longValue());
        }
        return byCampaign;
    }

    private static JobRow row(ResultSet rs) throws SQLException {
        return new JobRow(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getInt(8),
                rs.getString(9),
                rs.getObject(10, OffsetDateTime.class),
                rs.getObject(11, OffsetDateTime.class),
                rs.getObject(12, OffsetDateTime.class),
                rs.getObject(13, OffsetDateTime.class),
                rs.getObject(14, OffsetDateTime.class),
                rs.getString(15));
    }
}

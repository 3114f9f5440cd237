package dev.outreachpipeline.prospects;

import dev.outreachpipeline.db.NamedParameters;
import dev.outreachpipeline.db.SqlStatement;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Prospects as the command line and the API read and steer them: list, look at, export and approve ({@link
 * HandBack} sends them back to an earlier stage). The stages themselves change prospects only
 * through the routes.
 */
public final class ProspectStore {

    private final DataSource dataSource;

    public ProspectStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    private static final NamedParameters LIST = SqlStatement.LIST_PROSPECTS.jdbc();

    /** Best score first; status, minimum score, campaign and limit may be null (any, all). */
    public List<Map<String, Object>> list(String status, BigDecimal minScore, UUID campaignId, Integer limit)
            throws SQLException {
        return page(status, minScore, campaignId, null, null, limit);
    }

    /**
     * One page of {@link #list}, narrowed to those whose domain, page title or contact contains
     * {@code q} (any case; null for all), starting after {@code after} (null for the top).
     */
    public List<Map<String, Object>> page(
            String status, BigDecimal minScore, UUID campaignId, String q, ProspectCursor after, Integer limit)
            throws SQLException {
        var values = new java.util.HashMap<String, Object>();
        values.put("status", status);
        values.put("minScore", minScore);
        values.put("campaignId", campaignId);
        values.put("q", q);
        values.put("afterScore", after == null ? null : after.score());
        values.put("afterCreated", after == null ? null : after.createdAt().toString());
        values.put("afterId", after == null ? null : after.id());
        values.put("limit", limit);
        return LIST.rows(dataSource, values);
    }

    public Optional<Map<String, Object>> find(UUID id) throws SQLException {
        var rows = query(SqlStatement.PROSPECT_DETAIL.text(), id);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /**
     * Drafted prospects become approved: the given ids, or all (at or above a score, of one campaign
     * or, with a null campaign, any); a send job is enqueued for them unless one is waiting already.
     */
    public int approve(List<UUID> ids, boolean all, BigDecimal minScore, UUID campaignId) throws SQLException {
        int approved =
                update(SqlStatement.APPROVE_PROSPECTS.text(), all, ids, minScore, minScore, campaignId, campaignId);
        if (approved > 0) {
            update(SqlStatement.ENQUEUE_SEND_AFTER_APPROVAL.text());
        }
        return approved;
    }

    /**
     * The statuses a prospect can be asked for: every one the pipeline sets, then any other found
     * in the database (rows older than the code).
     */
    public List<String> statuses() throws SQLException {
        var all = new java.util.LinkedHashSet<>(ProspectStatuses.ALL);
        for (Map<String, Object> row : query(SqlStatement.PROSPECT_STATUSES.text())) {
            all.add(String.valueOf(row.get("outreach_status")));
        }
        return List.copyOf(all);
    }

    /** Every prospect for export, best score first; status and campaign may be null (any). */
    public List<Map<String, Object>> export(String status, UUID campaignId) throws SQLException {
        return list(status, null, campaignId, null);
    }

    private List<Map<String, Object>> query(String sql, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = prepare(c, sql, params);
                ResultSet rs = ps.executeQuery()) {
            return NamedParameters.rowsOf(rs);
        }
    }

    private int update(String sql, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = prepare(c, sql, params)) {
            return ps.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof List<?> list) {
                ps.setArray(i + 1, c.createArrayOf("uuid", list.toArray()));
            } else {
                ps.setObject(i + 1, p);
            }
        }
        return ps;
    }
}

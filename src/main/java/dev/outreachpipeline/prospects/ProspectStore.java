package dev.outreachpipeline.prospects;

import dev.outreachpipeline.db.SqlStatement;
import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Prospects as the command line reads and steers them: list, look at, export and approve ({@link
 * HandBack} sends them back to an earlier stage). The stages themselves change prospects only
 * through the routes.
 */
public final class ProspectStore {

    /** Columns the CLI lists and exports, in order. */
    public static final String LIST_COLUMNS = """
            id::text AS id, domain, page_url, page_title, contact_email, contact_method, score, outreach_status,
            last_sent, followups_sent, draft_subject, created_at""";

    private final DataSource dataSource;

    public ProspectStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Best score first; status and minimum score may be null (any). */
    public List<Map<String, Object>> list(String status, BigDecimal minScore, int limit) throws SQLException {
        return query("SELECT " + LIST_COLUMNS + " FROM prospects WHERE (CAST(? AS text) IS NULL OR outreach_status = ?)"
                + " AND (CAST(? AS numeric) IS NULL OR score >= CAST(? AS numeric))"
                + " ORDER BY score DESC NULLS LAST, created_at, id LIMIT ?", status, status, minScore, minScore, limit);
    }

    public Optional<Map<String, Object>> find(UUID id) throws SQLException {
        var rows = query("""
                SELECT p.id::text AS id, p.domain, p.page_url, p.page_title, p.outreach_status, p.score, p.da_est,
                       p.contact_email, p.contact_method, p.contact_name, p.contact_reason, p.contact_verification,
                       p.draft_subject, p.draft_body, p.last_error, p.last_sent, p.followups_sent,
                       p.created_at, p.enriched_at, p.drafted_at, p.approved_at,
                       q.keyword, q.location, p.dataforseo_payload ->> 'rank_absolute' AS serp_rank,
                       json_array_length(p.hunter_payload -> 'emails') AS hunter_emails,
                       p.hunter_payload ->> 'organization' AS organization
                  FROM prospects p LEFT JOIN discovery_queries q ON q.id = p.discovery_query_id
                 WHERE p.id = ?""", id);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /**
     * Drafted prospects become approved: the given ids, or all (at or above a score); a send job is
     * enqueued for them unless one is waiting already.
     */
    public int approve(List<UUID> ids, boolean all, BigDecimal minScore) throws SQLException {
        int approved = update("""
                UPDATE prospects SET outreach_status = 'approved', approved_at = now()
                 WHERE outreach_status = 'drafted'
                   AND (CAST(? AS boolean) OR id = ANY (?))
                   AND (CAST(? AS numeric) IS NULL OR score >= CAST(? AS numeric))""", all, ids, minScore, minScore);
        if (approved > 0) {
            update("""
                    INSERT INTO jobs (job_type, params, status, origin)
                    SELECT 'send', CAST('{}' AS json), 'pending', 'approval'
                     WHERE NOT EXISTS (SELECT 1 FROM jobs WHERE job_type = 'send' AND status IN ('pending', 'running')
                                          AND origin IS NOT NULL)""");
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

    /** Every prospect for export, best score first; status may be null (any). */
    public List<Map<String, Object>> export(String status) throws SQLException {
        return query("SELECT " + LIST_COLUMNS + " FROM prospects WHERE (CAST(? AS text) IS NULL OR outreach_status = ?)"
                + " ORDER BY score DESC NULLS LAST, created_at, id", status, status);
    }

    private List<Map<String, Object>> query(String sql, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = prepare(c, sql, params);
             ResultSet rs = ps.executeQuery()) {
            var rows = new ArrayList<Map<String, Object>>();
            var meta = rs.getMetaData();
            while (rs.next()) {
                var row = new LinkedHashMap<String, Object>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i), rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    private int update(String sql, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = prepare(c, sql, params)) {
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

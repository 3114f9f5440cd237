package dev.outreachpipeline.links;

import dev.outreachpipeline.db.SqlStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code link_placements} and {@code link_checks} tables for the command and the API; the
 * 70-links route runs the same statement files itself. Every statement is a file under sql/.
 */
public final class LinkStore {

    private final DataSource dataSource;

    public LinkStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The prospect a placement would be for: id, domain, campaign, campaign_site_url; empty when there is none. */
    public Optional<Map<String, Object>> prospect(String prospectId) throws SQLException {
        List<Map<String, Object>> rows =
                SqlStatement.LINK_PROSPECT.jdbc().rows(dataSource, Map.of("prospectId", prospectId));
        return rows.stream().findFirst();
    }

    /** The new placement's id; empty when the prospect already has one on that page. */
    public Optional<String> insert(String prospectId, String url, String target, String anchorExpected)
            throws SQLException {
        var p = new HashMap<String, Object>();
        p.put("prospectId", prospectId);
        p.put("url", url);
        p.put("target", target);
        p.put("anchorExpected", anchorExpected);
        return SqlStatement.INSERT_LINK.jdbc().rows(dataSource, p).stream()
                .findFirst()
                .map(r -> (String) r.get("id"));
    }

    /** Rows of sql/list-links.sql; each filter may be null. */
    public List<Map<String, Object>> list(String campaign, String status) throws SQLException {
        return rows(campaign, status, null);
    }

    public Optional<Map<String, Object>> find(String linkId) throws SQLException {
        return rows(null, null, linkId).stream().findFirst();
    }

    private List<Map<String, Object>> rows(String campaign, String status, String linkId) throws SQLException {
        var p = new HashMap<String, Object>();
        p.put("campaign", campaign);
        p.put("status", status);
        p.put("linkId", linkId);
        return SqlStatement.LIST_LINKS.jdbc().rows(dataSource, p);
    }

    /** The removed placement's URL; empty when there was none. */
    public Optional<String> remove(String linkId) throws SQLException {
        return SqlStatement.DELETE_LINK.jdbc().rows(dataSource, Map.of("linkId", linkId)).stream()
                .findFirst()
                .map(r -> (String) r.get("url"));
    }

    /**
     * The placements to check, as the check_links job chooses them.
     *
     * @param paramsJson {"ids": [...]}, {"all": true}, or {} for those due at {@code now}
     */
    public List<Map<String, Object>> toCheck(String paramsJson, OffsetDateTime now) throws SQLException {
        var p = new HashMap<String, Object>();
        p.put("jobParams", paramsJson);
        p.put("now", now);
        return SqlStatement.LINKS_TO_CHECK.jdbc().rows(dataSource, p);
    }

    public void record(LinkCheck check) throws SQLException {
        SqlStatement.RECORD_LINK_CHECK.jdbc().update(dataSource, check.parameters());
    }
}

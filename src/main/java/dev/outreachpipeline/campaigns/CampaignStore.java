package dev.outreachpipeline.campaigns;

import dev.outreachpipeline.db.NamedParameters;
import dev.outreachpipeline.db.SqlStatement;
import dev.outreachpipeline.prospects.ProspectStatuses;
import java.sql.Array;
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
 * The {@code campaigns} table, for the commands that manage campaigns and the ones that narrow to
 * one. Every statement is a file under sql/; nothing here checks settings (see {@link CampaignValidator}).
 */
public final class CampaignStore {

    /** PostgreSQL's SQLSTATE for a unique violation: the name is taken. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;

    public CampaignStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A campaign listed with how many prospects it has. */
    public record Listed(Campaign campaign, long prospects) {}

    /**
     * What a campaign has come to.
     *
     * @param prospects         prospects by status
     * @param messages          messages handed to the SMTP server for its prospects
     * @param prospectsMessaged how many of its prospects those went to
     * @param replies           its prospects that replied
     * @param stages            how many reached each step from discovered to replied ({@link StageFunnel})
     */
    public record Funnel(
            Map<String, Long> prospects, long messages, long prospectsMessaged, long replies, StageFunnel stages) {

        /** Prospects by status in the order a prospect passes through them; any the code no longer sets after. */
        public Map<String, Long> inPipelineOrder() {
            var ordered = new LinkedHashMap<String, Long>();
            ProspectStatuses.ALL.forEach(s -> {
                if (prospects.containsKey(s)) {
                    ordered.put(s, prospects.get(s));
                }
            });
            prospects.keySet().stream().sorted().forEach(s -> ordered.putIfAbsent(s, prospects.get(s)));
            return ordered;
        }

        public long prospectCount() {
            return prospects.values().stream().mapToLong(Long::longValue).sum();
        }

        /** As JSON shows it (`campaign show --json`, the API), in a fixed order: the keys scripts read. */
        public Map<String, Object> json() {
            var f = new LinkedHashMap<String, Object>();
            f.put("prospects", prospectCount());
            f.put("prospects_by_status", inPipelineOrder());
            f.put("messages_sent", messages);
            f.put("prospects_messaged", prospectsMessaged);
            f.put("replies", replies);
            f.put("stages", stages.json());
            return f;
        }
    }

    /** The name is taken (by a campaign created a moment ago, if it was free when checked). */
    public static final class NameTaken extends Exception {
        public NameTaken(String name) {
            super("A campaign named '" + name
                    + "' exists already; choose another name, or change it with `outreach campaign update " + name
                    + "`.");
        }
    }

    public Optional<Campaign> find(String name) throws SQLException {
        List<Campaign> rows = query(SqlStatement.CAMPAIGN_BY_NAME, Map.of("name", name), CampaignStore::campaign);
        return rows.stream().findFirst();
    }

    public List<Listed> list() throws SQLException {
        return query(SqlStatement.LIST_CAMPAIGNS, Map.of(), rs -> new Listed(campaign(rs), rs.getLong("prospects")));
    }

    public List<String> names() throws SQLException {
        return query(SqlStatement.CAMPAIGN_NAMES, Map.of(), rs -> rs.getString(1));
    }

    /** The sentence for a name that is no campaign, naming the ones there are (the API's and the console's). */
    public String unknown(String name) throws SQLException {
        List<String> names = names();
        return "no campaign is named '" + name + "'"
                + (names.isEmpty() ? "" : "; the campaigns are: " + String.join(", ", names));
    }

    public Campaign create(Campaign c) throws SQLException, NameTaken {
        try {
            return query(SqlStatement.INSERT_CAMPAIGN, settings(c), CampaignStore::campaign)
                    .get(0);
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new NameTaken(c.name());
            }
            throw e;
        }
    }

    /** Stores every setting of {@code c} (found by its id); empty when the campaign is gone. */
    public Optional<Campaign> update(Campaign c) throws SQLException {
        var params = settings(c);
        params.put("id", c.id());
        return query(SqlStatement.UPDATE_CAMPAIGN, params, CampaignStore::campaign).stream()
                .findFirst();
    }

    /** Moves the campaign to {@code status} if it is in one of {@code from}; empty when it is not. */
    public Optional<Campaign> setStatus(UUID id, String status, List<String> from) throws SQLException {
        var params = new HashMap<String, Object>();
        params.put("id", id);
        params.put("status", status);
        params.put("from", from);
        return query(SqlStatement.SET_CAMPAIGN_STATUS, params, CampaignStore::campaign).stream()
                .findFirst();
    }

    public Funnel funnel(UUID campaignId) throws SQLException {
        Map<String, Object> params = Map.of("campaignId", campaignId);
        var byStatus = new LinkedHashMap<String, Long>();
        query(SqlStatement.CAMPAIGN_PROSPECT_STATUSES, params, rs -> byStatus.put(rs.getString(1), rs.getLong(2)));
        long[] messages = query(SqlStatement.CAMPAIGN_MESSAGES, params, rs -> new long[] {rs.getLong(1), rs.getLong(2)})
                .get(0);
        return new Funnel(
                byStatus,
                messages[0],
                messages[1],
                byStatus.getOrDefault("replied", 0L),
                StageFunnel.read(dataSource, campaignId, null));
    }

    private static Map<String, Object> settings(Campaign c) {
        var m = new HashMap<String, Object>();
        m.put("name", c.name());
        m.put("siteUrl", c.siteUrl());
        m.put("keywords", c.keywords());
        m.put("categories", c.categories());
        m.put("locations", c.locations());
        m.put("maxResults", c.maxResults());
        m.put("schedule", c.schedule());
        m.put("templatesDir", c.templatesDir());
        m.put("mailbox", c.mailbox());
        return m;
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(SqlStatement statement, Map<String, ?> values, RowReader<T> reader) throws SQLException {
        NamedParameters sql = statement.jdbc();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql.jdbcText())) {
            sql.bind(ps, asSqlValues(c, values));
            try (ResultSet rs = ps.executeQuery()) {
                var rows = new ArrayList<T>();
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
                return rows;
            }
        }
    }

    /** Lists become text[] arrays (the saved search's columns, the statuses a change may start from). */
    private static Map<String, Object> asSqlValues(Connection c, Map<String, ?> values) throws SQLException {
        var out = new HashMap<String, Object>();
        for (Map.Entry<String, ?> e : values.entrySet()) {
            Object v = e.getValue();
            out.put(e.getKey(), v instanceof List<?> list ? c.createArrayOf("text", list.toArray()) : v);
        }
        return out;
    }

    private static Campaign campaign(ResultSet rs) throws SQLException {
        return new Campaign(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("status"),
                rs.getString("site_url"),
                strings(rs.getArray("keywords")),
                strings(rs.getArray("categories")),
                strings(rs.getArray("locations")),
                (Integer) rs.getObject("max_results"),
                rs.getString("schedule"),
                rs.getString("templates_dir"),
                rs.getString("mailbox"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}

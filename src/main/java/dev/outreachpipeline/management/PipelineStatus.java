package dev.outreachpipeline.management;

import dev.outreachpipeline.db.SqlStatement;
import dev.outreachpipeline.sending.SentCounts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * {@code outreach status}: a one-screen overview read from the database alone, so it works with the
 * daemon stopped. Days and months are calendar days and months in UTC. Figures the database does not
 * hold are named as unknown rather than guessed.
 */
public final class PipelineStatus {

    /** The periods the spend statements take: since the start of the calendar day or month in UTC. */
    private static final String DAY = "day";

    private static final String MONTH = "month";
    private static final int TIMEOUT_SECONDS = 30;

    private final String mailbox;
    private final int dailyCap;
    private final int hourlyCap;
    private final UUID campaignId;

    public PipelineStatus(String mailbox, int dailyCap, int hourlyCap) {
        this(mailbox, dailyCap, hourlyCap, null);
    }

    /**
     * @param campaignId narrows jobs, prospects and today's sends to one campaign; null for all. The
     *                   caps, provider spend, suppressions and schedules are shared by every campaign
     *                   and stay whole.
     */
    public PipelineStatus(String mailbox, int dailyCap, int hourlyCap, UUID campaignId) {
        this.mailbox = mailbox;
        this.dailyCap = dailyCap;
        this.hourlyCap = hourlyCap;
        this.campaignId = campaignId;
    }

    /** Everything as nested maps in a fixed order: the --json answer, and what the text is printed from. */
    public Map<String, Object> read(Connection c) throws SQLException {
        var status = new LinkedHashMap<String, Object>();
        status.put("jobs", jobs(c));
        status.put("prospects", countsBy(c, SqlStatement.STATUS_PROSPECTS, campaignId));
        status.put("links", countsBy(c, SqlStatement.LINKS_BY_STATUS, campaignId));
        status.put("sends", sends(c));
        var providers = new LinkedHashMap<String, Object>();
        providers.put("dataforseo", dataForSeo(c));
        providers.put("hunter", hunter(c));
        providers.put("llm", llm(c));
        status.put("providers", providers);
        status.put("suppressions", single(c, SqlStatement.STATUS_SUPPRESSIONS));
        status.put("schedules", schedules(c));
        return status;
    }

    private Map<String, Object> jobs(Connection c) throws SQLException {
        var byStatus = new TreeMap<String, Object>();
        var byType = new TreeMap<String, Map<String, Object>>();
        try (PreparedStatement ps = statement(c, SqlStatement.STATUS_JOBS, campaignId, campaignId);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long n = rs.getLong(3);
                byStatus.merge(rs.getString(2), n, (a, b) -> (Long) a + (Long) b);
                byType.computeIfAbsent(rs.getString(1), t -> new TreeMap<>()).put(rs.getString(2), n);
            }
        }
        var jobs = new LinkedHashMap<String, Object>();
        jobs.put("by_status", byStatus);
        jobs.put("by_type", byType);
        return jobs;
    }

    private Map<String, Object> sends(Connection c) throws SQLException {
        SentCounts sent = SentCounts.of(c, mailbox, TIMEOUT_SECONDS);
        var sends = new LinkedHashMap<String, Object>();
        sends.put("mailbox", mailbox.isEmpty() ? null : mailbox);
        sends.put("sent_today", single(c, SqlStatement.STATUS_SENT_TODAY, campaignId, campaignId));
        sends.put("last_24h", sent.last24h());
        sends.put("daily_cap", dailyCap);
        sends.put("daily_headroom", SentCounts.headroom(dailyCap, sent.last24h()));
        sends.put("last_hour", sent.lastHour());
        sends.put("hourly_cap", hourlyCap);
        sends.put("hourly_headroom", SentCounts.headroom(hourlyCap, sent.lastHour()));
        return sends;
    }

    private static Map<String, Object> dataForSeo(Connection c) throws SQLException {
        var d = new LinkedHashMap<String, Object>();
        d.put("today", spent(c, DAY));
        d.put("month", spent(c, MONTH));
        d.put(
                "source",
                "discovery_queries.api_calls and cost (as DataForSEO reported it), by the day a query was last updated");
        return d;
    }

    private static Map<String, Object> spent(Connection c, String since) throws SQLException {
        try (PreparedStatement ps = statement(c, SqlStatement.STATUS_DATAFORSEO_SPEND, since);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            var m = new LinkedHashMap<String, Object>();
            m.put("calls", rs.getLong(1));
            m.put("cost_usd", rs.getBigDecimal(2).stripTrailingZeros().toPlainString());
            return m;
        }
    }

    private static Map<String, Object> hunter(Connection c) throws SQLException {
        var h = new LinkedHashMap<String, Object>();
        h.put("today", lookups(c, DAY));
        h.put("month", lookups(c, MONTH));
        h.put("cost_usd", null);
        h.put(
                "source",
                "calls: provider_calls in the results of enrich jobs, by the day a job was last updated;"
                        + " cost: unknown, Hunter reports no price per call (its plan counts credits)");
        return h;
    }

    private static Map<String, Object> lookups(Connection c, String since) throws SQLException {
        var m = new LinkedHashMap<String, Object>();
        m.put("calls", single(c, SqlStatement.STATUS_HUNTER_CALLS, since));
        m.put("domains_enriched", single(c, SqlStatement.STATUS_DOMAINS_ENRICHED, since));
        return m;
    }

    private static Map<String, Object> llm(Connection c) throws SQLException {
        var l = new LinkedHashMap<String, Object>();
        l.put("today", llmUsage(c, DAY));
        l.put("month", llmUsage(c, MONTH));
        l.put(
                "source",
                "llm_usage, one row per draft the LLM writer was asked for; cost as the endpoint reported it"
                        + " (usage.cost), null when it reported none");
        return l;
    }

    private static Map<String, Object> llmUsage(Connection c, String since) throws SQLException {
        try (PreparedStatement ps = statement(c, SqlStatement.STATUS_LLM_USAGE, since);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            var m = new LinkedHashMap<String, Object>();
            m.put("drafts_asked", rs.getLong("drafts_asked"));
            m.put("llm_drafts", rs.getLong("llm_drafts"));
            m.put("calls", rs.getLong("calls"));
            m.put("tokens_in", rs.getLong("tokens_in"));
            m.put("tokens_out", rs.getLong("tokens_out"));
            java.math.BigDecimal cost = rs.getBigDecimal("cost_usd");
            m.put("cost_usd", cost == null ? null : cost.stripTrailingZeros().toPlainString());
            return m;
        }
    }

    private static java.util.List<Map<String, Object>> schedules(Connection c) throws SQLException {
        var list = new java.util.ArrayList<Map<String, Object>>();
        try (PreparedStatement ps = statement(c, SqlStatement.STATUS_SCHEDULES);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                var m = new LinkedHashMap<String, Object>();
                m.put("trigger", rs.getString(1));
                m.put("state", rs.getString(2));
                long next = rs.getLong(3);
                m.put(
                        "next_fire",
                        rs.wasNull() || next <= 0
                                ? null
                                : Instant.ofEpochMilli(next).toString());
                list.add(m);
            }
        }
        return list;
    }

    private static Map<String, Object> countsBy(Connection c, SqlStatement sql, UUID campaignId) throws SQLException {
        var counts = new TreeMap<String, Object>();
        try (PreparedStatement ps = statement(c, sql, campaignId, campaignId);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }

    private static long single(Connection c, SqlStatement sql, Object... parameters) throws SQLException {
        try (PreparedStatement ps = statement(c, sql, parameters);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static PreparedStatement statement(Connection c, SqlStatement sql, Object... parameters)
            throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql.text());
        ps.setQueryTimeout(TIMEOUT_SECONDS);
        for (int i = 0; i < parameters.length; i++) {
            ps.setObject(i + 1, parameters[i]);
        }
        return ps;
    }
}

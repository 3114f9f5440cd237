package dev.outreachpipeline.campaigns;

import dev.outreachpipeline.db.NamedParameters;
import dev.outreachpipeline.db.SqlStatement;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * What outreach achieved and what it cost, per campaign and per discovery keyword: the sums come from
 * sql/outcomes-report.sql (which says what each counts); this adds the Hunter cost (calls × the price
 * per call setting, Hunter reports no price), the total, the reply rate and the cost per prospect, per
 * reply and per live link. A rate or a cost per unit is null when there is nothing to divide by.
 */
public final class OutcomesReport {

    /** The columns of a row in order, as JSON and CSV name them. */
    public static final List<String> COLUMNS = List.of(
            "campaign",
            "level",
            "keyword",
            "prospects",
            "contacted",
            "replied",
            "interested",
            "replies_interested",
            "replies_not_interested",
            "replies_out_of_office",
            "replies_unsubscribe_request",
            "replies_bounce",
            "replies_auto_reply",
            "replies_needs_review",
            "links_live",
            "links_lost",
            "reply_rate",
            "dataforseo_calls",
            "dataforseo_cost_usd",
            "hunter_calls",
            "hunter_cost_usd",
            "llm_cost_usd",
            "total_cost_usd",
            "cost_per_prospect_usd",
            "cost_per_reply_usd",
            "cost_per_live_link_usd");

    private static final List<String> COUNTS = List.of(
            "prospects",
            "contacted",
            "replied",
            "interested",
            "replies_interested",
            "replies_not_interested",
            "replies_out_of_office",
            "replies_unsubscribe_request",
            "replies_bounce",
            "replies_auto_reply",
            "replies_needs_review",
            "links_live",
            "links_lost",
            "dataforseo_calls",
            "hunter_calls");

    /** Dollars are shown to the cent's hundredth: DataForSEO bills fractions of a cent per query. */
    private static final int MONEY_SCALE = 4;

    private static final NamedParameters SQL = SqlStatement.OUTCOMES_REPORT.jdbc();

    private OutcomesReport() {}

    /**
     * The rows, each campaign's total first and then its keywords.
     *
     * @param campaignId        one campaign, or null for every one
     * @param since             only prospects created (and queries run) at or after it, or null for all
     * @param hunterCostPerCall the dollars one Hunter call costs (0 when unknown)
     */
    public static List<Map<String, Object>> read(
            DataSource dataSource, UUID campaignId, OffsetDateTime since, BigDecimal hunterCostPerCall)
            throws SQLException {
        var values = new HashMap<String, Object>();
        values.put("campaignId", campaignId);
        values.put("since", since);
        var rows = new ArrayList<Map<String, Object>>();
        for (Map<String, Object> sums : SQL.rows(dataSource, values)) {
            rows.add(row(sums, hunterCostPerCall));
        }
        return List.copyOf(rows);
    }

    /** One report row from one row of sums: every column of {@link #COLUMNS}, in that order. */
    static Map<String, Object> row(Map<String, Object> sums, BigDecimal hunterCostPerCall) {
        var row = new LinkedHashMap<String, Object>();
        boolean perKeyword = Boolean.TRUE.equals(sums.get("per_keyword"));
        row.put("campaign", sums.get("campaign"));
        row.put("level", perKeyword ? "keyword" : "campaign");
        row.put("keyword", perKeyword ? sums.get("keyword") : null);
        var counts = new HashMap<String, Long>();
        for (String c : COUNTS) {
            counts.put(c, ((Number) sums.get(c)).longValue());
        }
        BigDecimal dataforseo = money(sums.get("dataforseo_cost_usd"));
        BigDecimal hunter = hunterCostPerCall
                .multiply(BigDecimal.valueOf(counts.get("hunter_calls")))
                .setScale(MONEY_SCALE, RoundingMode.HALF_UP);
        BigDecimal llm = money(sums.get("llm_cost_usd"));
        BigDecimal total = dataforseo.add(hunter).add(llm);
        for (String column : COLUMNS) {
            if (counts.containsKey(column)) {
                row.put(column, counts.get(column));
            }
        }
        row.put("reply_rate", StageFunnel.rate(counts.get("replied"), counts.get("contacted")));
        row.put("dataforseo_cost_usd", dataforseo);
        row.put("hunter_cost_usd", hunter);
        row.put("llm_cost_usd", llm);
        row.put("total_cost_usd", total);
        row.put("cost_per_prospect_usd", per(total, counts.get("prospects")));
        row.put("cost_per_reply_usd", per(total, counts.get("replied")));
        row.put("cost_per_live_link_usd", per(total, counts.get("links_live")));
        var ordered = new LinkedHashMap<String, Object>();
        COLUMNS.forEach(c -> ordered.put(c, row.get(c)));
        return ordered;
    }

    private static BigDecimal money(Object value) {
        return value == null
                ? BigDecimal.ZERO.setScale(MONEY_SCALE)
                : new BigDecimal(value.toString()).setScale(MONEY_SCALE, RoundingMode.HALF_UP);
    }

    /** {@code total ÷ n} in dollars; null when n is 0. */
    static BigDecimal per(BigDecimal total, long n) {
        return n == 0 ? null : total.divide(BigDecimal.valueOf(n), MONEY_SCALE, RoundingMode.HALF_UP);
    }
}

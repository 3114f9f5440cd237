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
 * How many prospects reached each step from discovery to a live link, with each step's rate of the step
 * before and of discovered: what {@code campaign show}, {@code GET /api/v1/funnel} and the console's
 * overview show, all counted by sql/funnel-stages.sql (which says what each step counts). A prospect
 * counts in every step it reached, so each step is at most the one before (link_live may exceed replied:
 * a placement can follow a reply that reached us another way).
 */
public record StageFunnel(List<Step> steps) {

    /** The steps in order, as sql/funnel-stages.sql names its columns. */
    public static final List<String> STEPS =
            List.of("discovered", "enriched", "drafted", "approved", "sent", "replied", "link_live");

    /** What each step counts, for a reader of the JSON (the SQL file's comment is the definition). */
    static final Map<String, String> COUNTS = Map.of(
            "discovered", "every prospect discovery saved",
            "enriched", "a contact address was found",
            "drafted", "a draft was written",
            "approved", "approved by the operator (including those skipped or suppressed before sending)",
            "sent", "at least one message was accepted by the SMTP server (send_unknown alone is not)",
            "replied", "a person answered",
            "link_live", "a link placement of it was live at its last check (links list)");

    private static final NamedParameters SQL = SqlStatement.FUNNEL_STAGES.jdbc();

    /**
     * @param ofPrevious   count ÷ the step before's count, null for discovered or when that is 0
     * @param ofDiscovered count ÷ discovered, null when nothing was discovered
     */
    public record Step(String name, long count, BigDecimal ofPrevious, BigDecimal ofDiscovered) {

        public String counts() {
            return COUNTS.get(name);
        }
    }

    /**
     * @param campaignId one campaign's prospects, or null for every campaign's
     * @param since      only prospects discovered at or after this time, or null for all
     */
    public static StageFunnel read(DataSource dataSource, UUID campaignId, OffsetDateTime since) throws SQLException {
        var values = new HashMap<String, Object>();
        values.put("campaignId", campaignId);
        values.put("since", since);
        Map<String, Object> row = SQL.rows(dataSource, values).get(0);
        var steps = new ArrayList<Step>();
        long discovered = ((Number) row.get("discovered")).longValue();
        long previous = -1;
        for (String name : STEPS) {
            long n = ((Number) row.get(name)).longValue();
            steps.add(new Step(name, n, previous < 0 ? null : rate(n, previous), rate(n, discovered)));
            previous = n;
        }
        return new StageFunnel(List.copyOf(steps));
    }

    /** {@code n ÷ of}, a fraction with four decimals (0.1234 is 12.34 %); null when {@code of} is 0. */
    static BigDecimal rate(long n, long of) {
        return of == 0 ? null : BigDecimal.valueOf(n).divide(BigDecimal.valueOf(of), 4, RoundingMode.HALF_UP);
    }

    public long count(String step) {
        return steps.stream()
                .filter(s -> s.name().equals(step))
                .mapToLong(Step::count)
                .findFirst()
                .orElseThrow();
    }

    /** As JSON shows it: the steps in order, each with its count, rates and what it counts. */
    public List<Map<String, Object>> json() {
        var out = new ArrayList<Map<String, Object>>();
        for (Step s : steps) {
            var m = new LinkedHashMap<String, Object>();
            m.put("step", s.name());
            m.put("count", s.count());
            m.put("rate_of_previous", s.ofPrevious());
            m.put("rate_of_discovered", s.ofDiscovered());
            m.put("counts", s.counts());
            out.add(m);
        }
        return out;
    }

    /** One line for a terminal: {@code discovered 10 → enriched 8 (80%) → …}. */
    public String line() {
        var text = new StringBuilder();
        for (Step s : steps) {
            if (text.length() > 0) {
                text.append(" → ");
            }
            text.append(s.name()).append(' ').append(s.count());
            if (s.ofPrevious() != null) {
                text.append(" (").append(percent(s.ofPrevious())).append(')');
            }
        }
        return text.toString();
    }

    /** A rate as a percentage with at most one decimal: 0.8 → "80%", 0.3333 → "33.3%"; null → "–". */
    public static String percent(BigDecimal rate) {
        if (rate == null) {
            return "–";
        }
        return rate.movePointRight(2)
                        .setScale(1, RoundingMode.HALF_UP)
                        .stripTrailingZeros()
                        .toPlainString() + "%";
    }
}

package dev.outreachpipeline.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outreachpipeline.testsupport.CliRun;
import dev.outreachpipeline.testsupport.TestDatabase;
import dev.outreachpipeline.testsupport.TestPostgres;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code outreach report} on a real database with a known set of rows: two campaigns, two keywords
 * (one of them hostile text), replies of several classes, links live, live_nofollow and lost,
 * DataForSEO, Hunter and LLM costs. It proves the exact sums of sql/outcomes-report.sql per campaign
 * and per keyword, the reply rate and costs per unit of {@link OutcomesReport} (null where nothing to
 * divide by), that --since drops older prospects and queries, that --csv has its header and
 * neutralises a formula keyword, that the table escapes control characters, and that an unknown
 * campaign, --json with --csv and a negative Hunter price are refused.
 */
class OutcomesReportIT {

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** A keyword as a SERP could hand it back: a spreadsheet formula with a terminal escape. */
    private static final String HOSTILE = "=HYPERLINK(\"http://evil.example\",\"x\")\u001b[2J";

    private static TestDatabase db;
    private static Map<String, String> env;

    @BeforeAll
    static void seed() {
        db = TestPostgres.migratedDatabase();
        // each Hunter call costs 5 cents in this report
        env = db.env("OUTREACH_REPORT_HUNTER_COST_PER_CALL_USD", "0.05");
        String hostile = HOSTILE.replace("'", "''").replace("\u001b", "' || chr(27) || '");
        db.execute("""
                INSERT INTO campaigns (id, name) VALUES
                  ('00000000-0000-0000-0000-0000000000a1', 'alpha'),
                  ('00000000-0000-0000-0000-0000000000b1', 'beta');
                INSERT INTO jobs (id, job_type, params, status, campaign_id) VALUES
                  ('00000000-0000-0000-0000-00000000a0b1', 'discover', '{}', 'completed', '00000000-0000-0000-0000-0000000000a1'),
                  ('00000000-0000-0000-0000-00000000b0b1', 'discover', '{}', 'completed', '00000000-0000-0000-0000-0000000000b1');
                INSERT INTO discovery_queries (id, job_id, keyword, location, status, api_calls, cost, created_at) VALUES
                  ('00000000-0000-0000-0000-0000000000e1', '00000000-0000-0000-0000-00000000a0b1', 'garden blogs', 'usa', 'completed', 1, 0.60, now()),
                  ('00000000-0000-0000-0000-0000000000e2', '00000000-0000-0000-0000-00000000a0b1', '%s', 'usa', 'completed', 1, 0.40, now()),
                  ('00000000-0000-0000-0000-0000000000e3', '00000000-0000-0000-0000-00000000b0b1', 'garden blogs', 'usa', 'completed', 2, 1.00, now()),
                  ('00000000-0000-0000-0000-0000000000e4', '00000000-0000-0000-0000-00000000b0b1', 'old keyword', 'usa', 'completed', 1, 0.50, '2026-01-01T00:00:00Z');
                INSERT INTO prospects (id, domain, campaign_id, discovery_query_id, outreach_status, first_sent_at, stage, hunter_payload, created_at) VALUES
                  ('00000000-0000-0000-0000-0000000000f1', 'a1.example', '00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-0000000000e1', 'replied', now(), 'link_live', '{}', now()),
                  ('00000000-0000-0000-0000-0000000000f2', 'a2.example', '00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-0000000000e1', 'replied', now(), 'declined', '{}', now()),
                  ('00000000-0000-0000-0000-0000000000f3', 'a3.example', '00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-0000000000e1', 'replied', now(), 'link_lost', '{}', now()),
                  ('00000000-0000-0000-0000-0000000000f4', 'a4.example', '00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-0000000000e2', 'sent', now(), 'contacted', '{}', now()),
                  ('00000000-0000-0000-0000-0000000000f5', 'a5.example', '00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-0000000000e2', 'drafted', NULL, NULL, '{}', now()),
                  ('00000000-0000-0000-0000-0000000000f6', 'a6.example', '00000000-0000-0000-0000-0000000000a1', NULL, 'pending', NULL, NULL, NULL, '2026-01-01T00:00:00Z'),
                  ('00000000-0000-0000-0000-0000000000f7', 'b1.example', '00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-0000000000e3', 'replied', now(), 'interested', '{}', now()),
                  ('00000000-0000-0000-0000-0000000000f8', 'b2.example', '00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-0000000000e4', 'replied', now(), 'replied', NULL, '2026-01-01T00:00:00Z');
                INSERT INTO replies (prospect_id, class, message_id) VALUES
                  ('00000000-0000-0000-0000-0000000000f1', 'out_of_office', 'm1'),
                  ('00000000-0000-0000-0000-0000000000f1', 'interested', 'm2'),
                  ('00000000-0000-0000-0000-0000000000f2', 'not_interested', 'm3'),
                  ('00000000-0000-0000-0000-0000000000f3', 'interested', 'm4'),
                  ('00000000-0000-0000-0000-0000000000f4', 'auto_reply', 'm5'),
                  ('00000000-0000-0000-0000-0000000000f7', 'interested', 'm6'),
                  ('00000000-0000-0000-0000-0000000000f8', 'needs_review', 'm7');
                INSERT INTO link_placements (prospect_id, url, target, status) VALUES
                  ('00000000-0000-0000-0000-0000000000f1', 'https://a1.example/post', 'https://ours.example/', 'live'),
                  ('00000000-0000-0000-0000-0000000000f3', 'https://a3.example/post', 'https://ours.example/', 'lost'),
                  ('00000000-0000-0000-0000-0000000000f7', 'https://b1.example/post', 'https://ours.example/', 'live_nofollow');
                INSERT INTO llm_usage (prospect_id, calls, tokens_in, tokens_out, cost_usd, outcome) VALUES
                  ('00000000-0000-0000-0000-0000000000f1', 1, 100, 50, 0.04, 'fallback'),
                  ('00000000-0000-0000-0000-0000000000f1', 1, 100, 50, 0.06, 'llm'),
                  ('00000000-0000-0000-0000-0000000000f4', 1, 100, 50, NULL, 'llm');
                """.formatted(hostile));
    }

    @Test
    void sumsRatesAndCostsPerCampaignAndKeyword() throws Exception {
        CliRun run = CliRun.run(env, "report", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> rows = rows(run.out());
        // each campaign's total, then its keywords; default (nothing in it) does not appear
        assertThat(rows.stream()
                        .map(r -> r.get("campaign").asText() + "/"
                                + r.get("level").asText()))
                .containsExactly(
                        "alpha/campaign",
                        "alpha/keyword",
                        "alpha/keyword",
                        "alpha/keyword",
                        "beta/campaign",
                        "beta/keyword",
                        "beta/keyword");

        JsonNode alpha = rows.get(0);
        assertThat(alpha.get("keyword").isNull()).isTrue();
        assertCounts(alpha, 6, 4, 3, 2, 1, 1);
        assertThat(alpha.get("replies_interested").asLong()).isEqualTo(2);
        assertThat(alpha.get("replies_not_interested").asLong()).isEqualTo(1);
        assertThat(alpha.get("replies_out_of_office").asLong()).isEqualTo(1);
        assertThat(alpha.get("replies_auto_reply").asLong()).isEqualTo(1);
        assertThat(alpha.get("replies_unsubscribe_request").asLong()).isZero();
        assertThat(alpha.get("replies_bounce").asLong()).isZero();
        assertThat(alpha.get("replies_needs_review").asLong()).isZero();
        assertThat(alpha.get("dataforseo_calls").asLong()).isEqualTo(2);
        assertThat(alpha.get("hunter_calls").asLong()).isEqualTo(5);
        assertMoney(alpha, "dataforseo_cost_usd", "1.00");
        assertMoney(alpha, "hunter_cost_usd", "0.25");
        assertMoney(alpha, "llm_cost_usd", "0.10");
        assertMoney(alpha, "total_cost_usd", "1.35");
        assertMoney(alpha, "reply_rate", "0.75");
        assertMoney(alpha, "cost_per_prospect_usd", "0.225");
        assertMoney(alpha, "cost_per_reply_usd", "0.45");
        assertMoney(alpha, "cost_per_live_link_usd", "1.35");

        JsonNode garden = keyword(rows, "alpha", "garden blogs");
        assertCounts(garden, 3, 3, 3, 2, 1, 1);
        assertMoney(garden, "total_cost_usd", "0.85"); // 0.60 DataForSEO + 3 × 0.05 Hunter + 0.10 LLM
        assertMoney(garden, "reply_rate", "1");
        assertMoney(garden, "cost_per_reply_usd", "0.2833");
        assertMoney(garden, "cost_per_live_link_usd", "0.85");

        JsonNode hostile = keyword(rows, "alpha", HOSTILE);
        assertCounts(hostile, 2, 1, 0, 0, 0, 0);
        assertMoney(hostile, "total_cost_usd", "0.50");
        assertMoney(hostile, "reply_rate", "0");
        assertMoney(hostile, "cost_per_prospect_usd", "0.25");
        assertThat(hostile.get("cost_per_reply_usd").isNull())
                .as("no reply: nothing to divide by")
                .isTrue();
        assertThat(hostile.get("cost_per_live_link_usd").isNull()).isTrue();

        JsonNode imported = keyword(rows, "alpha", null);
        assertCounts(imported, 1, 0, 0, 0, 0, 0);
        assertThat(imported.get("reply_rate").isNull()).as("nobody contacted").isTrue();
        assertMoney(imported, "cost_per_prospect_usd", "0");

        JsonNode beta = rows.get(4);
        assertCounts(beta, 2, 2, 2, 1, 1, 0);
        assertThat(beta.get("replies_needs_review").asLong()).isEqualTo(1);
        assertThat(beta.get("dataforseo_calls").asLong()).isEqualTo(3);
        assertMoney(beta, "total_cost_usd", "1.55"); // 1.00 + 0.50 DataForSEO + 1 × 0.05 Hunter
        assertMoney(beta, "cost_per_live_link_usd", "1.55");
    }

    @Test
    void sinceKeepsNewerProspectsAndQueriesOnly() throws Exception {
        CliRun run = CliRun.run(env, "report", "--campaign", "beta", "--since", "2026-06-01", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> rows = rows(run.out());
        assertThat(rows).hasSize(2);
        JsonNode beta = rows.get(0);
        assertThat(beta.get("level").asText()).isEqualTo("campaign");
        assertCounts(beta, 1, 1, 1, 1, 1, 0);
        assertMoney(beta, "dataforseo_cost_usd", "1.00");
        assertMoney(beta, "total_cost_usd", "1.05");
        assertMoney(beta, "cost_per_live_link_usd", "1.05");
        assertThat(rows.get(1).get("keyword").asText()).isEqualTo("garden blogs");

        CliRun bad = CliRun.run(env, "report", "--since", "last week");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--since takes a day as YYYY-MM-DD");
    }

    @Test
    void csvHasItsHeaderAndNeutralisesAFormulaKeyword() throws Exception {
        CliRun run = CliRun.run(env, "report", "--campaign", "alpha", "--csv");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().findFirst().orElseThrow()).isEqualTo(String.join(",", OutcomesReport.COLUMNS));
        List<CSVRecord> records = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(run.out()))
                .getRecords();
        assertThat(records).hasSize(4);
        assertThat(records.stream().map(r -> r.get("keyword")))
                .contains("'" + HOSTILE, "garden blogs")
                .doesNotContain(HOSTILE);
        CSVRecord total = records.get(0);
        assertThat(total.get("level")).isEqualTo("campaign");
        assertThat(total.get("cost_per_live_link_usd")).isEqualTo("1.3500");
    }

    @Test
    void theTableEscapesControlCharacters() {
        CliRun run = CliRun.run(env, "report", "--campaign", "alpha");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("PER LIVE LINK")
                .contains("garden blogs")
                .contains("\\x1B[2J")
                .doesNotContain("\u001b")
                .containsPattern(
                        "alpha\\s+\\(all\\)\\s+6\\s+4\\s+3\\s+2\\s+2/1/1/0/0/1/0\\s+1\\s+1\\s+75%\\s+1\\.3500\\s+"
                                + "0\\.2250\\s+0\\.4500\\s+1\\.3500");
    }

    @Test
    void anUnknownCampaignBothFormatsAndANegativePriceAreRefused() {
        CliRun run = CliRun.run(env, "report", "--campaign", "nope");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("No campaign is named 'nope'")
                .contains("alpha")
                .contains("beta");

        CliRun both = CliRun.run(env, "report", "--json", "--csv");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");

        CliRun negative = CliRun.run(db.env("OUTREACH_REPORT_HUNTER_COST_PER_CALL_USD", "-0.01"), "report");
        assertThat(negative.exitCode()).isEqualTo(2);
        assertThat(negative.err())
                .contains("outreach.report.hunter-cost-per-call-usd")
                .contains("zero or more dollars");
    }

    private static List<JsonNode> rows(String json) throws Exception {
        var rows = new ArrayList<JsonNode>();
        JSON.readTree(json).forEach(rows::add);
        return rows;
    }

    private static JsonNode keyword(List<JsonNode> rows, String campaign, String keyword) {
        return rows.stream()
                .filter(r -> r.get("campaign").asText().equals(campaign)
                        && r.get("level").asText().equals("keyword"))
                .filter(r -> keyword == null
                        ? r.get("keyword").isNull()
                        : keyword.equals(r.get("keyword").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + campaign + "/" + keyword + " in " + rows));
    }

    private static void assertCounts(
            JsonNode row, long prospects, long contacted, long replied, long interested, long live, long lost) {
        assertThat(List.of(
                        row.get("prospects").asLong(),
                        row.get("contacted").asLong(),
                        row.get("replied").asLong(),
                        row.get("interested").asLong(),
                        row.get("links_live").asLong(),
                        row.get("links_lost").asLong()))
                .as("prospects, contacted, replied, interested, links live, links lost of %s", row)
                .containsExactly(prospects, contacted, replied, interested, live, lost);
    }

    private static void assertMoney(JsonNode row, String field, String expected) {
        assertThat(row.get(field).decimalValue())
                .as(field + " of " + row)
                .isEqualByComparingTo(new BigDecimal(expected));
    }
}

package dev.outreachpipeline.api;

import static dev.outreachpipeline.testsupport.ApiErrors.assertError;
import static dev.outreachpipeline.testsupport.ApiErrors.reasons;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outreachpipeline.testsupport.CliRun;
import dev.outreachpipeline.testsupport.ManagementListener;
import dev.outreachpipeline.testsupport.TestDatabase;
import dev.outreachpipeline.testsupport.TestPostgres;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v1/funnel} on a real database: each prospect counts in every step it reached and in
 * none after (one that stopped at skipped, send_unknown or a bounce at the SMTP server is approved but
 * not sent), the rates are of the step before and of discovered, {@code since} narrows by discovery
 * time, and {@code campaign show --json} prints the same steps.
 */
class FunnelApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "funnel-api-test-token-0123456789abcdefghijklmn";

    private static TestDatabase db;
    private static ManagementListener listener;

    @BeforeAll
    static void start() {
        db = TestPostgres.migratedDatabase();
        listener = ManagementListener.start(db, "OUTREACH_ADMIN_TOKEN", TOKEN);
        db.execute("INSERT INTO campaigns (name) VALUES ('funnel'), ('other')");
        // discovered only
        prospect("funnel", "pending.example", "pending", false, true);
        prospect("funnel", "noemail.example", "no_email", false, false);
        // enriched
        prospect("funnel", "enriched.example", "enriched", false, false);
        // drafted
        prospect("funnel", "drafted.example", "drafted", false, false);
        // approved, and stopped there
        prospect("funnel", "skipped.example", "skipped", false, false);
        prospect("funnel", "approved.example", "approved", false, false);
        prospect("funnel", "unknown.example", "send_unknown", false, false);
        prospect("funnel", "refused.example", "bounced", false, false);
        // sent
        prospect("funnel", "sent.example", "sent", true, true);
        prospect("funnel", "dsn.example", "bounced", true, false);
        prospect("funnel", "suppressed.example", "suppressed", true, false);
        // replied
        prospect("funnel", "replied.example", "replied", true, true);
        prospect("other", "elsewhere.example", "sent", true, false);
        // a link live on the replied prospect's page; a lost one on another's counts nowhere
        db.execute("INSERT INTO link_placements (prospect_id, url, target, status) SELECT id,"
                + " 'https://replied.example/post', 'https://oursite.example/', 'live' FROM prospects"
                + " WHERE domain = 'replied.example'");
        db.execute("INSERT INTO link_placements (prospect_id, url, target, status) SELECT id,"
                + " 'https://sent.example/post', 'https://oursite.example/', 'lost' FROM prospects"
                + " WHERE domain = 'sent.example'");
    }

    @AfterAll
    static void stop() {
        listener.close();
    }

    @Test
    void eachStepCountsTheProspectsThatReachedItWithItsRates() throws Exception {
        JsonNode body = funnel("campaign=funnel");
        assertThat(body.path("campaign").asText()).isEqualTo("funnel");
        assertThat(body.path("since").isNull()).isTrue();
        assertThat(steps(body))
                .containsExactly(
                        "discovered 12 - 1.0000",
                        "enriched 10 0.8333 0.8333",
                        "drafted 9 0.9000 0.7500",
                        "approved 8 0.8889 0.6667",
                        "sent 4 0.5000 0.3333",
                        "replied 1 0.2500 0.0833",
                        "link_live 1 1.0000 0.0833");
        assertThat(body.path("steps").get(6).path("counts").asText()).contains("live at its last check");
        assertThat(body.path("steps").get(4).path("counts").asText()).contains("send_unknown alone is not");
    }

    @Test
    void withoutACampaignEveryCampaignsProspectsCount() throws Exception {
        JsonNode body = funnel("");
        assertThat(body.path("campaign").isNull()).isTrue();
        assertThat(body.path("steps").get(0).path("count").asLong())
                .isEqualTo(db.count("SELECT count(*) FROM prospects"))
                .isEqualTo(13);
        assertThat(body.path("steps").get(4).path("count").asLong()).isEqualTo(5);
    }

    @Test
    void sinceTakesADateOrATimestampAndCountsOnlyProspectsDiscoveredFromThen() throws Exception {
        List<String> expected = List.of(
                "discovered 9 - 1.0000",
                "enriched 8 0.8889 0.8889",
                "drafted 7 0.8750 0.7778",
                "approved 6 0.8571 0.6667",
                "sent 2 0.3333 0.2222",
                "replied 0 0.0000 0.0000",
                "link_live 0 - 0.0000");
        JsonNode byDate = funnel("campaign=funnel&since=2025-01-01");
        assertThat(byDate.path("since").asText()).isEqualTo("2025-01-01T00:00Z");
        assertThat(steps(byDate)).containsExactlyElementsOf(expected);
        assertThat(steps(funnel("campaign=funnel&since=2024-12-31T23:00:00-01:00")))
                .containsExactlyElementsOf(expected);
        // nothing discovered since: no rates to give
        assertThat(steps(funnel("campaign=funnel&since=2999-01-01"))).startsWith("discovered 0 - -", "enriched 0 - -");
    }

    @Test
    void campaignShowPrintsTheSameSteps() throws Exception {
        CliRun show = CliRun.run(db.env(), "campaign", "show", "funnel", "--json");
        assertThat(show.exitCode()).as(show.err()).isZero();
        assertThat(JSON.readTree(show.out()).path("funnel").path("stages"))
                .isEqualTo(funnel("campaign=funnel").path("steps"));
        CliRun text = CliRun.run(db.env(), "campaign", "show", "funnel");
        assertThat(text.out())
                .contains("stages       discovered 12 → enriched 10 (83.3%) → drafted 9 (90%) → approved 8 (88.9%)"
                        + " → sent 4 (50%) → replied 1 (25%) → link_live 1 (100%)");
    }

    @Test
    void anUnknownCampaignAndABadSinceAreRefusedTogether() throws Exception {
        HttpResponse<String> bad = listener.call("GET", "/api/v1/funnel?campaign=nope&since=yesterday", TOKEN, null);
        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(422);
        assertError(bad, "the funnel was not counted");
        List<String> reasons = reasons(bad);
        assertThat(reasons).hasSize(2);
        assertThat(reasons.get(0)).startsWith("no campaign is named 'nope'; the campaigns are: ");
        assertThat(reasons.get(1))
                .isEqualTo("since must be a date (2026-05-01) or a timestamp with its offset (2026-05-01T08:00:00Z),"
                        + " not 'yesterday'");

        HttpResponse<String> noToken = listener.get("/api/v1/funnel");
        assertThat(noToken.statusCode()).isEqualTo(401);
    }

    private static JsonNode funnel(String query) throws Exception {
        HttpResponse<String> answer =
                listener.call("GET", "/api/v1/funnel" + (query.isEmpty() ? "" : "?" + query), TOKEN, null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    /** Each step as "name count rate_of_previous rate_of_discovered", a null as "-". */
    private static List<String> steps(JsonNode body) {
        var out = new ArrayList<String>();
        body.path("steps")
                .forEach(s -> out.add(s.path("step").asText() + " " + text(s.path("count")) + " "
                        + text(s.path("rate_of_previous")) + " " + text(s.path("rate_of_discovered"))));
        return out;
    }

    private static String text(JsonNode n) {
        return n.isNull()
                ? "-"
                : n.isBigDecimal() || n.isDouble()
                        ? n.decimalValue().setScale(4).toPlainString()
                        : n.asText();
    }

    /** A prospect of {@code campaign}; {@code sentOnce}: its first message went out; {@code old}: discovered in 2020. */
    private static void prospect(String campaign, String domain, String status, boolean sentOnce, boolean old) {
        db.execute(
                "INSERT INTO prospects (domain, outreach_status, contact_email, first_sent_at, created_at, campaign_id)"
                        + " SELECT '" + domain + "', '" + status + "', 'ann@" + domain + "', "
                        + (sentOnce ? "now()" : "NULL") + ", " + (old ? "'2020-01-01T00:00:00Z'" : "now()")
                        + ", id FROM campaigns WHERE name = '" + campaign + "'");
    }
}

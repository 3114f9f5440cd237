package dev.outreachpipeline.api;

import static dev.outreachpipeline.testsupport.ApiErrors.assertError;
import static dev.outreachpipeline.testsupport.ApiErrors.reasons;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.outreachpipeline.testsupport.CliRun;
import dev.outreachpipeline.testsupport.ManagementListener;
import dev.outreachpipeline.testsupport.TestDatabase;
import dev.outreachpipeline.testsupport.TestPostgres;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * /api/v1/prospects against the management listener on a real database: each answer is what the
 * matching {@code outreach prospects … --json} prints, its refusals are {error, reasons[]} with every
 * reason, and nothing answers without the admin token. Each test keeps to a campaign of its own.
 */
class ProspectsApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "prospects-api-test-token-0123456789abcdefghijkl";

    private static TestDatabase db;
    private static ManagementListener listener;

    @BeforeAll
    static void start() {
        db = TestPostgres.migratedDatabase();
        listener = ManagementListener.start(db, "OUTREACH_ADMIN_TOKEN", TOKEN);
    }

    @AfterAll
    static void stop() {
        listener.close();
    }

    @Test
    void pagesThroughTheRowsOfProspectsListJsonByTheirSortKey() throws Exception {
        db.execute("INSERT INTO campaigns (name) VALUES ('paging')");
        prospect("paging", "top.example", "drafted", "90", "A page");
        // three with one score and one created_at (one statement): the id breaks the tie
        db.execute("INSERT INTO prospects (domain, outreach_status, score, campaign_id) SELECT d, 'enriched', 80, c.id"
                + " FROM campaigns c, unnest(ARRAY['tie1.example', 'tie2.example', 'tie3.example']) d"
                + " WHERE c.name = 'paging'");
        prospect("paging", "unscored1.example", "pending", null, null);
        prospect("paging", "unscored2.example", "pending", null, null);

        CliRun cli = CliRun.run(db.env(), "prospects", "list", "--campaign", "paging", "--json");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode expected = JSON.readTree(cli.out());
        assertThat(expected).hasSize(6);

        ArrayNode paged = JSON.createArrayNode();
        String cursor = null;
        int pages = 0;
        do {
            HttpResponse<String> page = listener.call(
                    "GET",
                    "/api/v1/prospects?campaign=paging&limit=2" + (cursor == null ? "" : "&cursor=" + cursor),
                    TOKEN,
                    null);
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            JsonNode body = JSON.readTree(page.body());
            assertThat(body.path("prospects").size()).isLessThanOrEqualTo(2);
            paged.addAll((ArrayNode) body.path("prospects"));
            cursor = body.path("next_cursor").isNull()
                    ? null
                    : body.path("next_cursor").asText();
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(pages).isEqualTo(3);
        assertThat(paged).isEqualTo(expected);

        // a prospect added above the cursor meanwhile does not shift the next page
        HttpResponse<String> first = listener.call("GET", "/api/v1/prospects?campaign=paging&limit=2", TOKEN, null);
        String next = JSON.readTree(first.body()).path("next_cursor").asText();
        prospect("paging", "newcomer.example", "drafted", "95", null);
        JsonNode second = JSON.readTree(
                        listener.call("GET", "/api/v1/prospects?campaign=paging&limit=2&cursor=" + next, TOKEN, null)
                                .body())
                .path("prospects");
        assertThat(second.get(0)).isEqualTo(expected.get(2));
    }

    @Test
    void filtersByStatusScoreAndASearchOfDomainTitleAndContactInAnyCase() throws Exception {
        db.execute("INSERT INTO campaigns (name) VALUES ('search')");
        prospect("search", "garden-tools.example", "drafted", "70", "Best Spades");
        prospect("search", "kitchen.example", "drafted", "60", "Pots and PANS");
        prospect("search", "other.example", "enriched", "75", "Nothing");
        db.execute("UPDATE prospects SET contact_email = 'Jane@Spades.example' WHERE domain = 'other.example'");
        prospect("search", "under_score.example", "drafted", "65", "100% pure");

        assertThat(domains("campaign=search&q=SPADES")).containsExactly("other.example", "garden-tools.example");
        assertThat(domains("campaign=search&q=pans")).containsExactly("kitchen.example");
        assertThat(domains("campaign=search&q=GARDEN-")).containsExactly("garden-tools.example");
        assertThat(domains("campaign=search&q=100%25")).containsExactly("under_score.example");
        assertThat(domains("campaign=search&q=_")).containsExactly("under_score.example");
        assertThat(domains("campaign=search&status=drafted&min_score=65"))
                .containsExactly("garden-tools.example", "under_score.example");
    }

    @Test
    void badListParametersAreRefusedWith422AndEveryReason() throws Exception {
        HttpResponse<String> bad = listener.call(
                "GET", "/api/v1/prospects?campaign=nope&status=lost&min_score=high&limit=0&cursor=%21%21", TOKEN, null);
        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(422);
        assertError(bad, "the prospects were not listed");
        List<String> reasons = reasons(bad);
        assertThat(reasons).hasSize(5);
        assertThat(reasons.get(0)).startsWith("no campaign is named 'nope'; the campaigns are: ");
        assertThat(reasons.get(1)).startsWith("'lost' is not a prospect status; use one of pending, ");
        assertThat(reasons.subList(2, 5))
                .containsExactly(
                        "min_score must be a number between 0 and 100, not 'high'",
                        "limit must be a whole number from 1 to 500, not '0'",
                        "cursor is not one this API handed out; pass next_cursor as it came, or leave it out to start"
                                + " at the top");
        assertThat(bad.body()).doesNotContain("Exception");
    }

    @Test
    void showHasEveryFieldOfProspectsShowJson() throws Exception {
        db.execute("INSERT INTO campaigns (name) VALUES ('showing')");
        String id = prospect("showing", "shown.example", "drafted", "77", "<script>alert(1)</script>");

        HttpResponse<String> shown = listener.call("GET", "/api/v1/prospects/" + id, TOKEN, null);
        assertThat(shown.statusCode()).as(shown.body()).isEqualTo(200);
        CliRun cli = CliRun.run(db.env(), "prospects", "show", id, "--json");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        // the API adds the message as it would be sent; without sending settings it says why there is none
        var api = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(shown.body());
        assertThat(api.remove("message").isNull()).isTrue();
        assertThat(api.remove("message_problems").get(0).asText())
                .startsWith("mailbox default cannot send: no SMTP server is set");
        assertThat(api).isEqualTo(JSON.readTree(cli.out()));
        assertThat(api.path("page_title").asText()).isEqualTo("<script>alert(1)</script>");

        HttpResponse<String> unknown =
                listener.call("GET", "/api/v1/prospects/00000000-0000-0000-0000-00000000abcd", TOKEN, null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertError(unknown, "no such prospect");
        assertThat(reasons(unknown)).containsExactly("no prospect has the id 00000000-0000-0000-0000-00000000abcd");

        HttpResponse<String> notAnId = listener.call("GET", "/api/v1/prospects/12345", TOKEN, null);
        assertThat(notAnId.statusCode()).isEqualTo(422);
        assertError(notAnId, "no prospect was shown");
        assertThat(reasons(notAnId))
                .singleElement()
                .satisfies(r -> assertThat(r).startsWith("'12345' is not a prospect id"));
    }

    @Test
    void approveMovesADraftedProspectAndSays409WithTheReasonForAnyOther() throws Exception {
        db.execute("INSERT INTO campaigns (name) VALUES ('approving')");
        String drafted = prospect("approving", "ready.example", "drafted", "80", null);
        String pending = prospect("approving", "early.example", "pending", "80", null);

        HttpResponse<String> approved = listener.call("POST", "/api/v1/prospects/" + drafted + "/approve", TOKEN, null);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(JSON.readTree(approved.body()).path("outreach_status").asText())
                .isEqualTo("approved");
        assertThat(status(drafted)).isEqualTo("approved");
        assertThat(db.count("SELECT count(*) FROM jobs WHERE job_type = 'send' AND status = 'pending'"))
                .isEqualTo(1);
        // the answer and `prospects show --json` agree on where it stands now
        CliRun cli = CliRun.run(db.env(), "prospects", "show", drafted, "--json");
        assertThat(JSON.readTree(cli.out()).path("outreach_status").asText()).isEqualTo("approved");

        HttpResponse<String> again = listener.call("POST", "/api/v1/prospects/" + drafted + "/approve", TOKEN, null);
        assertThat(again.statusCode()).isEqualTo(409);
        assertError(again, "the prospect was not approved");
        assertThat(reasons(again)).containsExactly("it is approved; only drafted prospects can be approved");

        HttpResponse<String> early = listener.call("POST", "/api/v1/prospects/" + pending + "/approve", TOKEN, null);
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(reasons(early)).containsExactly("it is pending; only drafted prospects can be approved");
        assertThat(status(pending)).isEqualTo("pending");

        HttpResponse<String> unknown =
                listener.call("POST", "/api/v1/prospects/00000000-0000-0000-0000-00000000abcd/approve", TOKEN, null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertError(unknown, "no such prospect");

        HttpResponse<String> notAnId = listener.call("POST", "/api/v1/prospects/nope/approve", TOKEN, null);
        assertThat(notAnId.statusCode()).isEqualTo(422);
        assertThat(reasons(notAnId))
                .singleElement()
                .satisfies(r -> assertThat(r).startsWith("'nope' is not a prospect id"));
    }

    @Test
    void redraftHandsBackAsTheCliDoesAndNamesTheDraftJob() throws Exception {
        db.execute("INSERT INTO campaigns (name) VALUES ('redrafting')");
        String approved = prospect("redrafting", "again.example", "approved", "80", null);
        String pending = prospect("redrafting", "notyet.example", "pending", "80", null);

        HttpResponse<String> moved = listener.call("POST", "/api/v1/prospects/" + approved + "/redraft", TOKEN, null);
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(moved.body());
        assertThat(body.path("outreach_status").asText()).isEqualTo("enriched");
        assertThat(db.count("SELECT count(*) FROM jobs WHERE job_type = 'draft' AND status = 'pending' AND id = '"
                        + body.path("job").asText() + "'"))
                .isEqualTo(1);
        assertThat(status(approved)).isEqualTo("enriched");

        HttpResponse<String> refused = listener.call("POST", "/api/v1/prospects/" + pending + "/redraft", TOKEN, null);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertError(refused, "the prospect was not redrafted");
        // the reason `prospects redraft` prints for it
        CliRun cli = CliRun.run(db.env(), "prospects", "redraft", pending);
        assertThat(cli.err())
                .isEqualTo(pending + ": not redrafted: " + reasons(refused).get(0) + "." + System.lineSeparator());
        assertThat(reasons(refused))
                .containsExactly("it is pending; only drafted, approved and draft_failed prospects can be redrafted");
    }

    @Test
    void resendTakesOnlyASendUnknownProspect() throws Exception {
        db.execute("INSERT INTO campaigns (name) VALUES ('resending')");
        String unknown = prospect("resending", "lost.example", "send_unknown", "80", null);
        String sent = prospect("resending", "done.example", "sent", "80", null);

        HttpResponse<String> moved = listener.call("POST", "/api/v1/prospects/" + unknown + "/resend", TOKEN, null);
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(JSON.readTree(moved.body()).path("outreach_status").asText()).isEqualTo("approved");
        assertThat(JSON.readTree(moved.body()).path("job").asText()).isNotEmpty();
        assertThat(status(unknown)).isEqualTo("approved");

        HttpResponse<String> refused = listener.call("POST", "/api/v1/prospects/" + sent + "/resend", TOKEN, null);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertError(refused, "the prospect was not resent");
        assertThat(reasons(refused))
                .containsExactly("it was sent (status sent); only a send_unknown prospect, whose delivery is unknown,"
                        + " can be resent");
        assertThat(status(sent)).isEqualTo("sent");

        HttpResponse<String> notAnId = listener.call("POST", "/api/v1/prospects/x/resend", TOKEN, null);
        assertThat(notAnId.statusCode()).isEqualTo(422);
    }

    @Test
    void bulkApproveTakesTheDraftedProspectsOfACampaignAtOrAboveAScore() throws Exception {
        db.execute("INSERT INTO campaigns (name) VALUES ('bulk')");
        String high = prospect("bulk", "high.example", "drafted", "90", null);
        String edge = prospect("bulk", "edge.example", "drafted", "60", null);
        String low = prospect("bulk", "low.example", "drafted", "50", null);
        String other = prospect("default", "elsewhere.example", "drafted", "95", null);

        HttpResponse<String> bulk = listener.call(
                "POST", "/api/v1/prospects/approve", TOKEN, "{\"campaign\": \"bulk\", \"min_score\": 60}");
        assertThat(bulk.statusCode()).as(bulk.body()).isEqualTo(200);
        assertThat(JSON.readTree(bulk.body()).path("approved").asInt()).isEqualTo(2);
        assertThat(List.of(status(high), status(edge), status(low), status(other)))
                .containsExactly("approved", "approved", "drafted", "drafted");

        HttpResponse<String> bad = listener.call(
                "POST", "/api/v1/prospects/approve", TOKEN, "{\"campaign\": \"nope\", \"min_score\": \"lots\"}");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertError(bad, "nothing was approved");
        List<String> reasons = reasons(bad);
        assertThat(reasons).hasSize(2);
        assertThat(reasons.get(0)).startsWith("no campaign is named 'nope'; the campaigns are: ");
        assertThat(reasons.get(1)).isEqualTo("min_score must be a number between 0 and 100, not 'lots'");
        assertThat(status(low)).isEqualTo("drafted");

        HttpResponse<String> notJson = listener.call("POST", "/api/v1/prospects/approve", TOKEN, "{campaign");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).doesNotContain("Exception");
        assertThat(status(low)).isEqualTo("drafted");
    }

    @Test
    void noProspectEndpointAnswersWithoutTheToken() throws Exception {
        String id = prospect("default", "secret.example", "drafted", "50", null);
        for (String[] op : new String[][] {
            {"GET", "/api/v1/prospects"},
            {"GET", "/api/v1/prospects/" + id},
            {"POST", "/api/v1/prospects/" + id + "/approve"},
            {"POST", "/api/v1/prospects/" + id + "/redraft"},
            {"POST", "/api/v1/prospects/" + id + "/resend"},
            {"POST", "/api/v1/prospects/approve"},
        }) {
            HttpResponse<String> refused = listener.send(listener.request(op[1])
                    .method(op[0], HttpRequest.BodyPublishers.noBody())
                    .build());
            assertThat(refused.statusCode()).as("%s %s", op[0], op[1]).isEqualTo(401);
            assertError(refused, "the API needs the admin token");
            assertThat(refused.body()).doesNotContain("secret.example");
        }
        assertThat(status(id)).isEqualTo("drafted");
    }

    /** A prospect of the campaign (by name) with a score (null for none) and a title; its id. */
    private static String prospect(String campaign, String domain, String status, String score, String title) {
        return db.rowsOf("INSERT INTO prospects (domain, page_url, page_title, outreach_status, score, contact_email,"
                        + " contact_method, draft_subject, draft_body, drafted_at, hunter_payload, campaign_id)"
                        + " SELECT '" + domain + "', 'https://" + domain + "/p', "
                        + (title == null ? "NULL" : "'" + title.replace("'", "''") + "'") + ", '" + status + "', "
                        + (score == null ? "NULL" : score) + ", 'ann@" + domain + "', 'hunter_personal', "
                        + ("drafted".equals(status) ? "'A pitch', 'A body', now()" : "NULL, NULL, NULL")
                        + ", '{}', id FROM campaigns WHERE name = '" + campaign + "' RETURNING id::text AS id")
                .get(0)
                .get("id")
                .toString();
    }

    private static String status(String id) {
        return String.valueOf(db.rowsOf("SELECT outreach_status FROM prospects WHERE id = '" + id + "'")
                .get(0)
                .get("outreach_status"));
    }

    private List<String> domains(String query) throws Exception {
        HttpResponse<String> page = listener.call("GET", "/api/v1/prospects?" + query, TOKEN, null);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        var out = new ArrayList<String>();
        JSON.readTree(page.body())
                .path("prospects")
                .forEach(p -> out.add(p.path("domain").asText()));
        return out;
    }
}

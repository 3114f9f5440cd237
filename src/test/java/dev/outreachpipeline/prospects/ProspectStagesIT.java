package dev.outreachpipeline.prospects;

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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Stages after contact on a real database: the first send makes a prospect contacted; the operator
 * moves it with {@code prospects stage ID STAGE --note TEXT} and {@code POST /api/v1/prospects/{id}/stage};
 * every change is a history row with who and why; an unknown stage is refused with the valid ones
 * and changes nothing; an unknown id is exit code 1 / 404; show and the API show the stage.
 */
class ProspectStagesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "stage-api-test-token-0123456789abcdefghijklmn";

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
    void theFirstSendMakesAProspectContacted() {
        String id = prospect("firstsend.example", "approved");
        assertThat(stage(id)).isNull();

        db.execute("UPDATE prospects SET outreach_status = 'sent', first_sent_at = now(), last_sent = now()"
                + " WHERE id = '" + id + "'");

        assertThat(stage(id)).isEqualTo("contacted");
        assertThat(history(id)).containsExactly(Map.of("from", "", "to", "contacted", "by", "sender"));
    }

    @Test
    void theCliMovesAStageAndKeepsTheChange() throws Exception {
        String id = prospect("cli.example", "replied");
        db.execute("UPDATE prospects SET stage = 'replied' WHERE id = '" + id + "'");

        CliRun moved = CliRun.run(db.env(), "prospects", "stage", id, "negotiating", "--note", "asked for a price");
        assertThat(moved.exitCode()).as(moved.err()).isZero();
        assertThat(moved.out()).contains("moved from replied to negotiating");
        assertThat(stage(id)).isEqualTo("negotiating");
        var rows = db.rowsOf("SELECT from_stage, to_stage, changed_by, note FROM prospect_stage_history"
                + " WHERE prospect_id = '" + id + "'");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0))
                .containsEntry("from_stage", "replied")
                .containsEntry("to_stage", "negotiating")
                .containsEntry("changed_by", "cli")
                .containsEntry("note", "asked for a price");

        CliRun again = CliRun.run(db.env(), "prospects", "stage", id, "negotiating", "--json");
        assertThat(again.exitCode()).isZero();
        assertThat(JSON.readTree(again.out()).path("changed").asBoolean()).isFalse();
        assertThat(history(id)).as("no change, no row").hasSize(1);

        CliRun unknown = CliRun.run(db.env(), "prospects", "stage", id, "won");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err())
                .contains("'won' is not a stage")
                .contains(
                        "contacted, replied, interested, negotiating, agreed, link_placed, link_live, link_lost, declined");
        assertThat(stage(id)).isEqualTo("negotiating");

        CliRun nobody =
                CliRun.run(db.env(), "prospects", "stage", UUID.randomUUID().toString(), "agreed");
        assertThat(nobody.exitCode()).isEqualTo(1);
        assertThat(nobody.err()).contains("No prospect has the id");

        CliRun shown = CliRun.run(db.env(), "prospects", "show", id);
        assertThat(shown.out()).containsPattern("stage\\s+negotiating");
        CliRun shownJson = CliRun.run(db.env(), "prospects", "show", id, "--json");
        assertThat(JSON.readTree(shownJson.out()).path("stage").asText()).isEqualTo("negotiating");
    }

    @Test
    void theApiMovesAStageRefusesAnUnknownOneAndAnswers404ForAnUnknownProspect() throws Exception {
        String id = prospect("api.example", "replied");
        db.execute(
                "UPDATE prospects SET stage = 'interested', last_reply_class = 'interested' WHERE id = '" + id + "'");

        HttpResponse<String> moved = listener.call(
                "POST", "/api/v1/prospects/" + id + "/stage", TOKEN, "{\"stage\": \"agreed\", \"note\": \"50 EUR\"}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(moved.body());
        assertThat(body.path("from_stage").asText()).isEqualTo("interested");
        assertThat(body.path("stage").asText()).isEqualTo("agreed");
        assertThat(body.path("changed").asBoolean()).isTrue();
        assertThat(body.path("history").get(0).path("changed_by").asText()).isEqualTo("api");
        assertThat(body.path("history").get(0).path("note").asText()).isEqualTo("50 EUR");
        assertThat(history(id)).containsExactly(Map.of("from", "interested", "to", "agreed", "by", "api"));

        HttpResponse<String> unknown =
                listener.call("POST", "/api/v1/prospects/" + id + "/stage", TOKEN, "{\"stage\": \"won\"}");
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertError(unknown, "the prospect's stage was not changed");
        assertThat(reasons(unknown))
                .singleElement()
                .asString()
                .contains("'won' is not a stage")
                .contains("link_live");
        assertThat(stage(id)).isEqualTo("agreed");

        HttpResponse<String> missing = listener.call(
                "POST", "/api/v1/prospects/" + UUID.randomUUID() + "/stage", TOKEN, "{\"stage\": \"agreed\"}");
        assertThat(missing.statusCode()).isEqualTo(404);

        JsonNode shown = JSON.readTree(
                listener.call("GET", "/api/v1/prospects/" + id, TOKEN, null).body());
        assertThat(shown.path("stage").asText()).isEqualTo("agreed");
        assertThat(shown.path("last_reply_class").asText()).isEqualTo("interested");
        assertThat(history(id)).hasSize(1);
    }

    private static String prospect(String domain, String status) {
        return db.rowsOf("INSERT INTO prospects (domain, outreach_status, contact_email, contact_method, campaign_id)"
                        + " SELECT '" + domain + "', '" + status + "', 'ann@" + domain + "', 'hunter_personal', id"
                        + " FROM campaigns WHERE name = 'default' RETURNING id::text AS id")
                .get(0)
                .get("id")
                .toString();
    }

    private static String stage(String id) {
        return (String) db.rowsOf("SELECT stage FROM prospects WHERE id = '" + id + "'")
                .get(0)
                .get("stage");
    }

    private static List<Map<String, String>> history(String id) {
        return db
                .rowsOf("SELECT coalesce(from_stage, '') AS f, to_stage, changed_by FROM prospect_stage_history"
                        + " WHERE prospect_id = '" + id + "' ORDER BY id")
                .stream()
                .map(r -> Map.of("from", (String) r.get("f"), "to", (String) r.get("to_stage"), "by", (String)
                        r.get("changed_by")))
                .toList();
    }
}

package dev.outreachpipeline.api;

import static dev.outreachpipeline.testsupport.ApiErrors.assertError;
import static dev.outreachpipeline.testsupport.ApiErrors.reasons;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outreachpipeline.db.NamedParameters;
import dev.outreachpipeline.drafting.HtmlFromText;
import dev.outreachpipeline.testsupport.CliRun;
import dev.outreachpipeline.testsupport.ManagementListener;
import dev.outreachpipeline.testsupport.TestDatabase;
import dev.outreachpipeline.testsupport.TestPostgres;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v1/prospects/{id}}'s message, {@code PUT /api/v1/prospects/{id}/draft}, {@code POST
 * …/reject} and {@code …/unapprove} against the management listener on a real database, with the
 * sending settings of a real mailbox: the message is the send stage's, every refusal names each
 * reason and changes nothing, and a rejected prospect is taken by no stage.
 */
class DraftApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "draft-api-test-token-0123456789abcdefghijklmn";
    private static final String SECRET = "an-unsubscribe-secret-of-at-least-32-chars";

    private static TestDatabase db;
    private static ManagementListener listener;

    @BeforeAll
    static void start() {
        db = TestPostgres.migratedDatabase();
        listener = ManagementListener.start(
                db,
                "OUTREACH_ADMIN_TOKEN",
                TOKEN,
                "SMTP_HOST",
                "127.0.0.1",
                "MAIL_FROM",
                "sam@sender.example",
                "MAIL_FROM_NAME",
                "Sam Sender",
                "SENDER_POSTAL_ADDRESS",
                "1 Main Street, Springfield",
                "OUTREACH_UNSUBSCRIBE_SECRET",
                SECRET,
                "OUTREACH_HTTP_PUBLIC_BASE_URL",
                "https://outreach.example");
    }

    @AfterAll
    static void stop() {
        listener.close();
    }

    @Test
    void showRendersTheFirstMessageAsTheSendStageWouldSendItNow() throws Exception {
        String id = prospect("shown.example", "drafted");
        db.execute("UPDATE prospects SET draft_html = '<p>A <b>body</b></p>' WHERE id = '" + id + "'");
        String noDraft = prospect("early.example", "enriched");

        HttpResponse<String> shown = listener.call("GET", "/api/v1/prospects/" + id, TOKEN, null);
        assertThat(shown.statusCode()).as(shown.body()).isEqualTo(200);
        JsonNode message = JSON.readTree(shown.body()).path("message");
        assertThat(message.path("subject").asText()).isEqualTo("A pitch");
        String token = new dev.outreachpipeline.sending.UnsubscribeTokens(SECRET.getBytes())
                .tokenFor(java.util.UUID.fromString(id));
        assertThat(message.path("text").asText())
                .isEqualTo("A body\n\n--\n1 Main Street, Springfield\n"
                        + "We found your address in a public listing of contacts for your website.\n"
                        + "Unsubscribe: \nhttps://outreach.example/u/" + token + "\n");
        assertThat(message.path("html").asText())
                .startsWith("<p>A <b>body</b></p>")
                .contains("href=\"https://outreach.example/u/" + token + "\"");
        JsonNode headers = message.path("headers");
        assertThat(headers.path("From").asText()).isEqualTo("Sam Sender <sam@sender.example>");
        assertThat(headers.path("To").asText()).isEqualTo("ann@shown.example");
        assertThat(headers.path("Subject").asText()).isEqualTo("A pitch");
        assertThat(headers.path("List-Unsubscribe").asText())
                .isEqualTo("<https://outreach.example/u/" + token
                        + ">, <mailto:unsubscribe@sender.example?subject=unsubscribe>");
        assertThat(headers.path("List-Unsubscribe-Post").asText()).isEqualTo("List-Unsubscribe=One-Click");
        // in any case of the name: Jakarta Mail writes the placeholder id as Message-Id
        assertThat(headers.fieldNames())
                .toIterable()
                .noneMatch(name -> name.equalsIgnoreCase("Date") || name.equalsIgnoreCase("Message-ID"));
        assertThat(message.path("set_at_send").toString()).isEqualTo("[\"Date\",\"Message-ID\"]");
        assertThat(message.path("mailbox").asText()).isEqualTo("default");
        assertThat(JSON.readTree(shown.body()).path("message_problems")).isEmpty();

        JsonNode early = JSON.readTree(listener.call("GET", "/api/v1/prospects/" + noDraft, TOKEN, null)
                .body());
        assertThat(early.path("message").isNull()).isTrue();
        assertThat(early.path("message_problems")).isEmpty();
    }

    @Test
    void aDraftEditIsSavedAndAChangedTextClearsTheHtmlPart() throws Exception {
        String id = prospect("edit.example", "approved");
        db.execute("UPDATE prospects SET draft_html = '<p>Old words</p>' WHERE id = '" + id + "'");

        HttpResponse<String> subjectOnly = put(id, "A better subject", "A body");
        assertThat(subjectOnly.statusCode()).as(subjectOnly.body()).isEqualTo(200);
        assertThat(JSON.readTree(subjectOnly.body()).path("outreach_status").asText())
                .isEqualTo("approved");
        assertThat(JSON.readTree(subjectOnly.body()).has("note")).isFalse();
        assertThat(row(id))
                .containsEntry("draft_subject", "A better subject")
                .containsEntry("draft_html", "<p>Old words</p>");

        HttpResponse<String> newText = put(id, "A better subject", "New words,\r\nsecond line.");
        assertThat(newText.statusCode()).as(newText.body()).isEqualTo(200);
        assertThat(JSON.readTree(newText.body()).path("note").asText())
                .contains("HTML template", "dropped", "text only");
        assertThat(row(id))
                .containsEntry("draft_body", "New words,\nsecond line.")
                .containsEntry("draft_html", null)
                .containsEntry("outreach_status", "approved");
        // the footer is added when it is sent, not stored
        JsonNode message = JSON.readTree(listener.call("GET", "/api/v1/prospects/" + id, TOKEN, null)
                        .body())
                .path("message");
        assertThat(message.path("text").asText()).startsWith("New words,\nsecond line.\n\n--\n1 Main Street");
        assertThat(message.path("html").isNull()).isTrue();
    }

    @Test
    void aChangedTextMakesAnHtmlPartThatWasMadeFromTheTextAnew() throws Exception {
        String id = prospect("generated.example", "drafted");
        db.execute(
                "UPDATE prospects SET draft_html = $h$" + HtmlFromText.html("A body") + "$h$ WHERE id = '" + id + "'");

        HttpResponse<String> edited = put(id, "A pitch", "New words, see https://acme.example/guide.\n\nSam");
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(JSON.readTree(edited.body()).path("note").asText()).contains("made anew from the edited text");
        assertThat(row(id))
                .containsEntry("draft_html", HtmlFromText.html("New words, see https://acme.example/guide.\n\nSam"));
        JsonNode message = JSON.readTree(listener.call("GET", "/api/v1/prospects/" + id, TOKEN, null)
                        .body())
                .path("message");
        assertThat(message.path("html").asText())
                .contains(
                        "<p>New words, see <a href=\"https://acme.example/guide\">https://acme.example/guide</a>.</p>")
                .contains("<p>Sam</p>")
                .doesNotContain("A body");
    }

    @Test
    void aBadDraftIsRefusedWithEveryReasonAndNothingIsSaved() throws Exception {
        String id = prospect("bad.example", "drafted");

        HttpResponse<String> bad = put(id, "Hi\r\nBcc: everyone@else.example " + "x".repeat(995), "Hello\u0000there");
        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(422);
        assertError(bad, "the draft was not saved");
        List<String> reasons = reasons(bad);
        assertThat(reasons).hasSize(4);
        assertThat(reasons.get(0))
                .contains("line break or control character")
                .contains("\\r\\n")
                .doesNotContain("\r");
        assertThat(reasons.get(1)).startsWith("the subject is 1026 characters long; the limit is 998");
        assertThat(reasons.get(2)).startsWith("the subject has a run of 995 characters without a space");
        assertThat(reasons.get(3))
                .isEqualTo("the text body contains the control character \\u0000 on line 1; only line breaks and tabs"
                        + " may be in it");

        HttpResponse<String> empty = put(id, " ", "");
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(reasons(empty)).containsExactly("the subject is empty", "the text body is empty");

        HttpResponse<String> missing =
                listener.call("PUT", "/api/v1/prospects/" + id + "/draft", TOKEN, "{\"subject\": 3}");
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(reasons(missing)).containsExactly("subject must be text", "body is required");

        HttpResponse<String> notJson = listener.call("PUT", "/api/v1/prospects/" + id + "/draft", TOKEN, "{subject");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).doesNotContain("Exception");

        assertThat(row(id)).containsEntry("draft_subject", "A pitch").containsEntry("draft_body", "A body");
    }

    @Test
    void onlyADraftNotYetClaimedCanBeEdited() throws Exception {
        String sending = prospect("busy.example", "sending");
        HttpResponse<String> refused = put(sending, "New", "New body");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertError(refused, "the draft was not saved");
        assertThat(reasons(refused))
                .containsExactly("it is sending; only a drafted prospect, or an approved one not yet claimed for"
                        + " sending, has a draft that can be edited");
        assertThat(row(sending)).containsEntry("draft_subject", "A pitch");

        HttpResponse<String> unknown = put("00000000-0000-0000-0000-00000000abcd", "New", "New body");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertError(unknown, "no such prospect");
        HttpResponse<String> badUnknown = put("00000000-0000-0000-0000-00000000abcd", "", "");
        assertThat(badUnknown.statusCode()).isEqualTo(404);
        HttpResponse<String> notAnId = put("nope", "New", "New body");
        assertThat(notAnId.statusCode()).isEqualTo(422);
        assertThat(reasons(notAnId))
                .singleElement()
                .satisfies(r -> assertThat(r).startsWith("'nope' is not a prospect id"));
    }

    @Test
    void aRejectedProspectKeepsItsReasonAndNoStageTakesItAgain() throws Exception {
        String id = prospect("rejected.example", "approved");
        String enriched = prospect("rejected-early.example", "enriched");

        HttpResponse<String> noReason = listener.call("POST", "/api/v1/prospects/" + id + "/reject", TOKEN, "{}");
        assertThat(noReason.statusCode()).isEqualTo(422);
        assertError(noReason, "the prospect was not rejected");
        assertThat(reasons(noReason))
                .containsExactly("a reason is required: say why this prospect is not to be contacted");
        HttpResponse<String> badReason = listener.call(
                "POST",
                "/api/v1/prospects/" + id + "/reject",
                TOKEN,
                JSON.writeValueAsString(Map.of("reason", "x".repeat(501) + "\n")));
        assertThat(badReason.statusCode()).isEqualTo(422);
        assertThat(reasons(badReason))
                .containsExactly(
                        "the reason is 501 characters long; the limit is 500",
                        "the reason contains a line break or control character; write it on one line");
        assertThat(row(id)).containsEntry("outreach_status", "approved");

        HttpResponse<String> rejected = listener.call(
                "POST", "/api/v1/prospects/" + id + "/reject", TOKEN, "{\"reason\": \"Sells counterfeits\"}");
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
        assertThat(JSON.readTree(rejected.body()).path("outreach_status").asText())
                .isEqualTo("rejected");
        assertThat(row(id))
                .containsEntry("outreach_status", "rejected")
                .containsEntry("rejected_reason", "Sells counterfeits");
        JsonNode shown = JSON.readTree(
                listener.call("GET", "/api/v1/prospects/" + id, TOKEN, null).body());
        assertThat(shown.path("rejected_reason").asText()).isEqualTo("Sells counterfeits");
        assertThat(shown.path("rejected_at").asText()).isNotEmpty();
        assertThat(listener.call(
                                "POST",
                                "/api/v1/prospects/" + enriched + "/reject",
                                TOKEN,
                                "{\"reason\": \"Off topic\"}")
                        .statusCode())
                .isEqualTo(200);

        // no stage takes them: not approved, redrafted, refreshed, drafted, enriched; still known domains
        assertThat(listener.call("POST", "/api/v1/prospects/" + id + "/approve", TOKEN, null)
                        .statusCode())
                .isEqualTo(409);
        assertThat(listener.call("POST", "/api/v1/prospects/" + id + "/redraft", TOKEN, null)
                        .statusCode())
                .isEqualTo(409);
        assertThat(listener.call("POST", "/api/v1/prospects/approve", TOKEN, "{}")
                        .statusCode())
                .isEqualTo(200);
        CliRun refresh = CliRun.run(db.env(), "prospects", "refresh", id, enriched);
        assertThat(refresh.err()).contains(id + ": not refreshed").contains(enriched + ": not refreshed");
        assertThat(claimed("claim-prospects-for-drafting.sql", Map.of("leaseSeconds", 600, "batchSize", 1000)))
                .doesNotContain(id, enriched);
        assertThat(claimed("claim-prospects-for-enrichment.sql", Map.of("leaseSeconds", 600, "batchSize", 1000)))
                .doesNotContain(id, enriched);
        List<Map<String, Object>> known = NamedParameters.of(sql("find-known-domains.sql"))
                .rows(
                        dataSource(),
                        Map.of(
                                "jobId", "00000000-0000-0000-0000-000000000000",
                                "keys", "[\"rejected.example\", \"rejected-early.example\"]"));
        assertThat(known)
                .extracting(r -> r.get("domain"))
                .containsExactlyInAnyOrder("rejected.example", "rejected-early.example");
        assertThat(row(id)).containsEntry("outreach_status", "rejected");
        assertThat(row(enriched)).containsEntry("outreach_status", "rejected");

        HttpResponse<String> again =
                listener.call("POST", "/api/v1/prospects/" + id + "/reject", TOKEN, "{\"reason\": \"Twice\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(reasons(again).get(0)).startsWith("it is rejected; only a prospect nobody has written to");
        String sent = prospect("sent.example", "sent");
        HttpResponse<String> written =
                listener.call("POST", "/api/v1/prospects/" + sent + "/reject", TOKEN, "{\"reason\": \"Too late\"}");
        assertThat(written.statusCode()).isEqualTo(409);
        assertThat(row(sent)).containsEntry("outreach_status", "sent").containsEntry("rejected_reason", null);
    }

    @Test
    void unapproveTakesBackAnApprovalNotYetClaimed() throws Exception {
        String approved = prospect("unapprove.example", "approved");
        String sending = prospect("claimed.example", "sending");
        String drafted = prospect("plain.example", "drafted");

        HttpResponse<String> back = listener.call("POST", "/api/v1/prospects/" + approved + "/unapprove", TOKEN, null);
        assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
        assertThat(JSON.readTree(back.body()).path("outreach_status").asText()).isEqualTo("drafted");
        assertThat(row(approved)).containsEntry("outreach_status", "drafted").containsEntry("approved_at", null);

        HttpResponse<String> claimed =
                listener.call("POST", "/api/v1/prospects/" + sending + "/unapprove", TOKEN, null);
        assertThat(claimed.statusCode()).isEqualTo(409);
        assertError(claimed, "the prospect was not unapproved");
        assertThat(reasons(claimed)).containsExactly("a send job claimed it for sending already (status sending)");
        assertThat(reasons(listener.call("POST", "/api/v1/prospects/" + drafted + "/unapprove", TOKEN, null)))
                .containsExactly("it is not approved (status drafted)");
        assertThat(listener.call(
                                "POST", "/api/v1/prospects/00000000-0000-0000-0000-00000000abcd/unapprove", TOKEN, null)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void theCommandLineRejectsAndUnapprovesThroughTheSameRules() throws Exception {
        String approved = prospect("cli-approved.example", "approved");
        CliRun unapprove = CliRun.run(db.env(), "prospects", "unapprove", approved);
        assertThat(unapprove.exitCode()).as(unapprove.err()).isZero();
        assertThat(row(approved)).containsEntry("outreach_status", "drafted");

        CliRun badReason = CliRun.run(db.env(), "prospects", "reject", approved, "--reason", " ");
        assertThat(badReason.exitCode()).isEqualTo(2);
        assertThat(badReason.err())
                .contains(approved
                        + ": not rejected: a reason is required: say why this prospect is not to be contacted.");
        CliRun reject = CliRun.run(db.env(), "prospects", "reject", approved, "--reason", "Competitor");
        assertThat(reject.exitCode()).as(reject.err()).isZero();
        assertThat(row(approved))
                .containsEntry("outreach_status", "rejected")
                .containsEntry("rejected_reason", "Competitor");
        CliRun show = CliRun.run(db.env(), "prospects", "show", approved);
        assertThat(show.out()).contains("rejected      Competitor");
    }

    @Test
    void noDraftEndpointAnswersWithoutTheToken() throws Exception {
        String id = prospect("secret.example", "drafted");
        for (String[] op : new String[][] {
            {"PUT", "/api/v1/prospects/" + id + "/draft"},
            {"POST", "/api/v1/prospects/" + id + "/reject"},
            {"POST", "/api/v1/prospects/" + id + "/unapprove"},
        }) {
            HttpResponse<String> refused = listener.send(listener.request(op[1])
                    .method(
                            op[0],
                            HttpRequest.BodyPublishers.ofString("{\"subject\":\"x\",\"body\":\"y\",\"reason\":\"z\"}"))
                    .build());
            assertThat(refused.statusCode()).as("%s %s", op[0], op[1]).isEqualTo(401);
        }
        assertThat(row(id)).containsEntry("outreach_status", "drafted").containsEntry("draft_subject", "A pitch");
    }

    private HttpResponse<String> put(String id, String subject, String body) throws Exception {
        return listener.call(
                "PUT",
                "/api/v1/prospects/" + id + "/draft",
                TOKEN,
                JSON.writeValueAsString(Map.of("subject", subject, "body", body)));
    }

    /** A prospect of the default campaign with a contact and a draft ("A pitch" / "A body"); its id. */
    private static String prospect(String domain, String status) {
        return db.rowsOf("INSERT INTO prospects (domain, page_url, outreach_status, score, contact_email,"
                        + " contact_method, draft_subject, draft_body, drafted_at, hunter_payload, campaign_id)"
                        + " SELECT '" + domain + "', 'https://" + domain + "/p', '" + status + "', 70, 'ann@" + domain
                        + "', 'hunter_personal', "
                        + ("enriched".equals(status) ? "NULL, NULL, NULL" : "'A pitch', 'A body', now()")
                        + ", '{}', id FROM campaigns WHERE name = 'default' RETURNING id::text AS id")
                .get(0)
                .get("id")
                .toString();
    }

    private static Map<String, Object> row(String id) {
        return db.rowsOf("SELECT outreach_status, draft_subject, draft_body, draft_html, approved_at, rejected_reason"
                        + " FROM prospects WHERE id = '" + id + "'")
                .get(0);
    }

    /** The ids a stage's claim statement takes now. */
    private static List<String> claimed(String file, Map<String, ?> values) throws Exception {
        return NamedParameters.of(sql(file)).rows(dataSource(), values).stream()
                .map(r -> String.valueOf(r.get("id")))
                .toList();
    }

    /** A statement of src/main/resources/sql as a stage's route runs it. */
    private static String sql(String file) throws Exception {
        try (var in = DraftApiIT.class.getResourceAsStream("/sql/" + file)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static javax.sql.DataSource dataSource() {
        var ds = new org.postgresql.ds.PGSimpleDataSource();
        ds.setUrl(db.jdbcUrl());
        ds.setUser("postgres");
        return ds;
    }
}

package dev.outreachpipeline.api;

import static dev.outreachpipeline.testsupport.ApiErrors.assertError;
import static dev.outreachpipeline.testsupport.ApiErrors.reasons;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outreachpipeline.console.FailedLogins;
import dev.outreachpipeline.testsupport.CapturedLogs;
import dev.outreachpipeline.testsupport.CliRun;
import dev.outreachpipeline.testsupport.ManagementListener;
import dev.outreachpipeline.testsupport.TestDatabase;
import dev.outreachpipeline.testsupport.TestPostgres;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * /api/v1 against the management listener on a real database: the admin token as a bearer token
 * (401 without it or with a wrong one, 429 after ten wrong ones, never logged), and each endpoint's
 * answer, the same as its CLI command's --json where there is one, with its refusals as
 * {error, reasons[]}.
 */
class ApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "api-test-token-0123456789abcdefghijklmnopqrstuv";

    private static TestDatabase db;
    private ManagementListener listener;

    @BeforeAll
    static void migrate() {
        db = TestPostgres.migratedDatabase();
    }

    @BeforeEach
    void start() {
        listener = ManagementListener.start(db, "OUTREACH_ADMIN_TOKEN", TOKEN);
    }

    @AfterEach
    void stop() {
        listener.close();
    }

    @Test
    void everyEndpointNeedsTheTokenAsABearerTokenAndTenWrongOnesWithinAMinuteGet429() throws Exception {
        String wrong = "a-wrong-token-nobody-may-read-in-a-log-0123456789";
        try (var logs = CapturedLogs.start()) {
            HttpResponse<String> none = listener.get("/api/v1/status");
            assertThat(none.statusCode()).isEqualTo(401);
            assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"outreach\"");
            assertError(none, "the API needs the admin token");

            assertThat(listener.call("GET", "/api/v1/status", TOKEN, null).statusCode())
                    .isEqualTo(200);

            for (int i = 1; i <= FailedLogins.LIMIT; i++) {
                HttpResponse<String> refused = listener.call("GET", "/api/v1/campaigns", wrong, null);
                assertThat(refused.statusCode()).as("attempt %d", i).isEqualTo(401);
                assertError(refused, "the admin token is wrong");
            }
            HttpResponse<String> throttled = listener.call("GET", "/api/v1/campaigns", TOKEN, null);
            assertThat(throttled.statusCode()).isEqualTo(429);
            assertThat(throttled.headers().firstValue("Retry-After")).hasValue("60");
            assertError(throttled, "too many wrong admin tokens from this address");

            assertThat(logs.lines())
                    .filteredOn(l -> l.startsWith("INFO ")
                            && l.contains("Refused a wrong admin token from 127.0.0.1 (GET /api/v1/campaigns)"))
                    .hasSize(FailedLogins.LIMIT);
            assertThat(String.join("\n", logs.lines())).doesNotContain(wrong).doesNotContain(TOKEN);
            assertThat(logs.withStackTrace()).isEmpty();
        }
        // health and metrics stay open to the throttled address
        assertThat(listener.get("/health/live").statusCode()).isEqualTo(200);
    }

    @Test
    void statusIsWhatStatusJsonPrints() throws Exception {
        HttpResponse<String> status = listener.call("GET", "/api/v1/status", TOKEN, null);
        assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
        CliRun cli = CliRun.run(db.env("OUTREACH_ADMIN_TOKEN", TOKEN), "status", "--json");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(JSON.readTree(status.body())).isEqualTo(JSON.readTree(cli.out()));

        HttpResponse<String> narrowed = listener.call("GET", "/api/v1/status?campaign=default", TOKEN, null);
        assertThat(JSON.readTree(narrowed.body()).path("campaign").asText()).isEqualTo("default");

        HttpResponse<String> unknown = listener.call("GET", "/api/v1/status?campaign=nope", TOKEN, null);
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(reasons(unknown)).containsExactly("no campaign is named 'nope'; the campaigns are: default");
    }

    @Test
    void campaignsCarryTheFieldsOfCampaignShowJson() throws Exception {
        HttpResponse<String> one = listener.call("GET", "/api/v1/campaigns/default", TOKEN, null);
        assertThat(one.statusCode()).as(one.body()).isEqualTo(200);
        CliRun cli = CliRun.run(db.env(), "campaign", "show", "default", "--json");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(JSON.readTree(one.body())).isEqualTo(JSON.readTree(cli.out()));

        HttpResponse<String> all = listener.call("GET", "/api/v1/campaigns", TOKEN, null);
        assertThat(all.statusCode()).isEqualTo(200);
        JsonNode campaigns = JSON.readTree(all.body()).path("campaigns");
        assertThat(campaigns).hasSize(1);
        assertThat(campaigns.get(0)).isEqualTo(JSON.readTree(cli.out()));

        HttpResponse<String> missing = listener.call("GET", "/api/v1/campaigns/nope", TOKEN, null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertError(missing, "no such campaign");
        assertThat(reasons(missing)).containsExactly("no campaign is named 'nope'; the campaigns are: default");
    }

    @Test
    void suppressionsAreAddedListedAndRemovedWithTheChecksOfSuppressAdd() throws Exception {
        HttpResponse<String> added = listener.call(
                "POST",
                "/api/v1/suppressions",
                TOKEN,
                "{\"entries\": [\"Jane@Example.org\", \"spam.example\"], \"reason\": \"asked by phone\"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(JSON.readTree(added.body()).path("suppressed").toString())
                .isEqualTo("[\"jane@example.org\",\"spam.example\"]");

        HttpResponse<String> again =
                listener.call("POST", "/api/v1/suppressions", TOKEN, "{\"entries\": [\"jane@example.org\"]}");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).path("already_suppressed").toString())
                .isEqualTo("[\"jane@example.org\"]");

        JsonNode listed = JSON.readTree(listener.call("GET", "/api/v1/suppressions", TOKEN, null)
                        .body())
                .path("suppressions");
        assertThat(listed).hasSize(2);
        assertThat(listed.get(0).path("entry").asText()).isEqualTo("jane@example.org");
        assertThat(listed.get(0).path("reason").asText()).isEqualTo("manual");
        assertThat(listed.get(0).path("note").asText()).isEqualTo("asked by phone");
        assertThat(listed.get(0).path("source").asText()).isEqualTo("added through the API");

        HttpResponse<String> removed =
                listener.call("DELETE", "/api/v1/suppressions?entry=spam.example&entry=other.example", TOKEN, null);
        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(removed.body()).path("removed").toString()).isEqualTo("[\"spam.example\"]");
        assertThat(JSON.readTree(removed.body()).path("not_suppressed").toString())
                .isEqualTo("[\"other.example\"]");
        assertThat(db.count("SELECT count(*) FROM suppressions")).isEqualTo(1);
    }

    @Test
    void aBadSuppressionIsRefusedWith422AndEveryReasonAndNothingIsSaved() throws Exception {
        long before = db.count("SELECT count(*) FROM suppressions");
        HttpResponse<String> bad = listener.call(
                "POST",
                "/api/v1/suppressions",
                TOKEN,
                "{\"entries\": [\"fine@example.org\", \"not an address@\", \"nodot\", 7], \"reason\": \""
                        + "x".repeat(501) + "\"}");
        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(422);
        assertError(bad, "nothing was suppressed");
        assertThat(reasons(bad))
                .containsExactly(
                        "'not an address@' is not an email address",
                        "'nodot' is neither an email address nor a domain",
                        "every entry must be a string, '7' is not",
                        "the reason is not kept: the note is 501 characters long; at most 500 are kept");
        assertThat(db.count("SELECT count(*) FROM suppressions")).isEqualTo(before);

        HttpResponse<String> notJson = listener.call("POST", "/api/v1/suppressions", TOKEN, "{entries");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertError(notJson, "nothing was suppressed");
        assertThat(notJson.body()).doesNotContain("at com.").doesNotContain("Exception");

        HttpResponse<String> noEntries = listener.call("DELETE", "/api/v1/suppressions", TOKEN, null);
        assertThat(noEntries.statusCode()).isEqualTo(422);
        assertThat(reasons(noEntries)).containsExactly("entries must name at least one email address or domain");
    }

    @Test
    void aDatabaseThatCannotBeReadIs503WithItsSentenceAndNoStackTrace() throws Exception {
        TestDatabase broken = TestPostgres.newDatabase();
        assertThat(CliRun.run(broken.env(), "db", "migrate").exitCode()).isZero();
        broken.execute("DROP TABLE suppressions");
        try (var logs = CapturedLogs.start();
                var other = ManagementListener.start(broken, "OUTREACH_ADMIN_TOKEN", TOKEN)) {
            HttpResponse<String> failed = other.send(other.request("/api/v1/suppressions")
                    .header("Authorization", "Bearer " + TOKEN)
                    .GET()
                    .build());
            assertThat(failed.statusCode()).isEqualTo(503);
            assertError(failed, "the database could not be read");
            assertThat(reasons(failed))
                    .singleElement()
                    .satisfies(r -> assertThat(r).contains("relation \"suppressions\" does not exist"));
            assertThat(failed.body()).doesNotContain("\tat ").doesNotContain("PSQLException");
            assertThat(logs.withStackTrace()).isEmpty();
        }
    }

    @Test
    void anUnknownApiPathIs404InTheErrorShape() throws Exception {
        HttpResponse<String> missing = listener.call("GET", "/api/v1/nothing-here", TOKEN, null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertError(missing, "no such endpoint: /api/v1/nothing-here");
    }
}

package dev.outreachpipeline.api;

import static dev.outreachpipeline.testsupport.ApiErrors.assertError;
import static dev.outreachpipeline.testsupport.ApiErrors.reasons;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outreachpipeline.testsupport.CliRun;
import dev.outreachpipeline.testsupport.ManagementListener;
import dev.outreachpipeline.testsupport.TestDatabase;
import dev.outreachpipeline.testsupport.TestPostgres;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * /api/v1/jobs on the management listener over a real database, against what {@code outreach job …}
 * prints: a submitted discovery is the job {@code job show --json} prints (it stays pending, as no daemon
 * runs), refusals carry the CLI's sentences, listing and showing give the CLI's --json fields, and
 * cancelling does what {@code job cancel} does. Every operation refuses a request without the token.
 */
class JobsApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "jobs-api-test-token-0123456789abcdefghijklmnop";
    private static final String ABSENT = "0b5e7c1a-1111-4222-8333-944455556666";

    private static TestDatabase db;
    private static ManagementListener listener;

    @BeforeAll
    static void start() {
        db = TestPostgres.newDatabase();
        CliRun migrate = cli("db", "migrate");
        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        listener = ManagementListener.start(db, "OUTREACH_ADMIN_TOKEN", TOKEN);
    }

    @AfterAll
    static void stop() {
        listener.close();
    }

    @Test
    void aSubmittedDiscoveryIs201WithTheJobAsJobShowJsonPrintsIt() throws Exception {
        HttpResponse<String> created = call(
                "POST",
                "/api/v1/jobs",
                "{\"type\": \"discover\", \"keywords\": \"garden shed, tiny house\", \"locations\": [\"uk\"],"
                        + " \"categories\": [\"home_decor\"], \"max_results\": 5}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        ObjectNode job = (ObjectNode) JSON.readTree(created.body());
        assertThat(job.path("status").asText()).isEqualTo("pending");
        assertThat(job.path("origin").asText()).isEqualTo("api");
        assertThat(job.path("campaign").asText()).isEqualTo("default");
        assertThat(job.path("params").path("keywords").asText()).isEqualTo("garden shed, tiny house");
        assertThat(job.path("params").path("max_results").asInt()).isEqualTo(5);
        assertThat(job.path("notes").isArray()).isTrue();

        CliRun shown = cli("job", "show", job.path("id").asText(), "--json");
        assertThat(shown.exitCode()).as(shown.err()).isZero();
        job.remove("notes");
        assertThat(job).isEqualTo(JSON.readTree(shown.out()));

        // keywords as an array are the same request as the comma-separated string
        HttpResponse<String> asArray = call(
                "POST",
                "/api/v1/jobs",
                "{\"type\": \"discover\", \"keywords\": [\"garden shed\", \"tiny house\"], \"locations\": \"uk\","
                        + " \"categories\": [\"home_decor\"], \"max_results\": 5}");
        assertThat(asArray.statusCode()).as(asArray.body()).isEqualTo(201);
        assertThat(JSON.readTree(asArray.body()).path("params")).isEqualTo(job.path("params"));
    }

    @Test
    void aDiscoveryForACampaignRunsItsSavedSearchWithWhatIsGivenReplacingPartsOfIt() throws Exception {
        CliRun create = cli(
                "campaign", "create", "sheds", "--keywords", "garden shed", "--locations", "uk", "--max-results", "20");
        assertThat(create.exitCode()).as(create.err()).isZero();
        assertThat(cli("campaign", "pause", "sheds").exitCode()).isZero();

        HttpResponse<String> created =
                call("POST", "/api/v1/jobs", "{\"type\": \"discover\", \"campaign\": \"sheds\", \"max_results\": 7}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode job = JSON.readTree(created.body());
        assertThat(job.path("campaign").asText()).isEqualTo("sheds");
        assertThat(job.path("params").path("keywords").asText()).isEqualTo("garden shed");
        assertThat(job.path("params").path("locations").toString()).isEqualTo("[\"uk\"]");
        assertThat(job.path("params").path("max_results").asInt()).isEqualTo(7);
        // what `job submit discover --campaign sheds` says as a note
        assertThat(job.path("notes").get(0).asText()).startsWith("The campaign 'sheds' is paused");
    }

    @Test
    void aBadRequestIs422WithEveryReasonTheCliGivesAndNothingIsEnqueued() throws Exception {
        long before = db.count("SELECT count(*) FROM jobs");
        HttpResponse<String> bad = call(
                "POST",
                "/api/v1/jobs",
                "{\"type\": \"discover\", \"keywords\": \"" + "x".repeat(701) + "\","
                        + " \"locations\": [\"europe\", \"atlantis\"], \"categories\": [\"cooking\"],"
                        + " \"max_results\": 1001}");
        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(422);
        assertError(bad, "The discover job was not submitted");
        CliRun cli = cli(
                "job",
                "submit",
                "discover",
                "--keywords",
                "x".repeat(701),
                "--locations",
                "europe,atlantis",
                "--categories",
                "cooking",
                "--max-results",
                "1001");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(reasons(bad)).hasSize(5).isEqualTo(cliProblems(cli));

        HttpResponse<String> unknownCampaign =
                call("POST", "/api/v1/jobs", "{\"type\": \"discover\", \"campaign\": \"nope\"}");
        assertThat(unknownCampaign.statusCode()).isEqualTo(422);
        assertThat(reasons(unknownCampaign))
                .isEqualTo(cliProblems(cli("job", "submit", "discover", "--campaign", "nope")));

        HttpResponse<String> shapes = call(
                "POST",
                "/api/v1/jobs",
                "{\"type\": \"enrich\", \"keywords\": [\"a\", 3], \"max_results\": \"5\", \"maxResults\": 5}");
        assertThat(shapes.statusCode()).isEqualTo(422);
        assertThat(reasons(shapes))
                .containsExactlyInAnyOrder(
                        "unknown field 'maxResults'; the fields are: type, campaign, keywords, categories,"
                                + " locations, max_results",
                        "unknown job type 'enrich'; the API submits jobs of type: discover",
                        "every one of keywords must be a string, '3' is not",
                        "max_results must be a whole number, '5' is not");

        HttpResponse<String> huge = call(
                "POST",
                "/api/v1/jobs",
                "{\"type\": \"discover\", \"keywords\": \"a\", \"locations\": [\"uk\"], \"max_results\": 10000000000}");
        assertThat(huge.statusCode()).isEqualTo(422);
        assertThat(reasons(huge)).containsExactly("max_results must be between 1 and 1000, is 10000000000");

        HttpResponse<String> noType = call("POST", "/api/v1/jobs", "{\"keywords\": \"a\", \"locations\": [\"uk\"]}");
        assertThat(noType.statusCode()).isEqualTo(422);
        assertThat(reasons(noType)).containsExactly("type is missing; the API submits jobs of type: discover");

        HttpResponse<String> notJson = call("POST", "/api/v1/jobs", "{type");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertError(notJson, "The discover job was not submitted");
        assertThat(notJson.body()).doesNotContain("Exception");

        assertThat(db.count("SELECT count(*) FROM jobs")).isEqualTo(before);
    }

    @Test
    void jobsAreListedAndShownWithTheFieldsOfTheCliJson() throws Exception {
        String first = submitted("{\"type\": \"discover\", \"keywords\": \"a\", \"locations\": [\"uk\"]}");
        String second = submitted("{\"type\": \"discover\", \"keywords\": \"b\", \"locations\": [\"usa\"]}");

        HttpResponse<String> all = call("GET", "/api/v1/jobs", null);
        assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
        CliRun list = cli("job", "list", "--json");
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(JSON.readTree(all.body()).path("jobs")).isEqualTo(JSON.readTree(list.out()));

        HttpResponse<String> narrowed = call("GET", "/api/v1/jobs?type=discover&status=pending&limit=1", null);
        assertThat(narrowed.statusCode()).isEqualTo(200);
        JsonNode one = JSON.readTree(narrowed.body()).path("jobs");
        assertThat(one)
                .isEqualTo(JSON.readTree(
                        cli("job", "list", "--type", "discover", "--status", "pending", "--limit", "1", "--json")
                                .out()));
        assertThat(one).hasSize(1);
        assertThat(JSON.readTree(call("GET", "/api/v1/jobs?status=failed", null).body())
                        .path("jobs"))
                .isEmpty();

        HttpResponse<String> shown = call("GET", "/api/v1/jobs/" + first, null);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(shown.body()))
                .isEqualTo(JSON.readTree(cli("job", "show", first, "--json").out()));
        assertThat(JSON.readTree(shown.body()).path("queries").isArray()).isTrue();
        assertThat(second).isNotEqualTo(first);

        HttpResponse<String> bad = call("GET", "/api/v1/jobs?type=crawl&status=done&limit=0", null);
        assertThat(bad.statusCode()).isEqualTo(422);
        assertError(bad, "the jobs cannot be listed");
        assertThat(reasons(bad))
                .containsExactly(
                        "unknown job type 'crawl'; the types are: discover, enrich, draft, send, followup,"
                                + " check_replies, check_links",
                        "unknown job status 'done'; the statuses are: pending, running, completed, failed,"
                                + " cancelled",
                        "limit must be a whole number from 1 to 1000, '0' is not");

        HttpResponse<String> missing = call("GET", "/api/v1/jobs/" + ABSENT, null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertError(missing, "no such job");
        assertThat(reasons(missing)).containsExactly("No job with id " + ABSENT + ".");

        HttpResponse<String> notAnId = call("GET", "/api/v1/jobs/12345", null);
        assertThat(notAnId.statusCode()).isEqualTo(422);
        assertThat(reasons(notAnId)).containsExactly("'12345' is not a job id (a UUID such as 3f0c…-…).");
    }

    @Test
    void cancellingDoesWhatJobCancelDoesAndAJobThatEndedIs409() throws Exception {
        String pending = submitted("{\"type\": \"discover\", \"keywords\": \"c\", \"locations\": [\"uk\"]}");
        HttpResponse<String> cancelled = call("POST", "/api/v1/jobs/" + pending + "/cancel", null);
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(cancelled.body());
        assertThat(body.path("status").asText()).isEqualTo("cancelled");
        assertThat(body.path("cancel_requested").asBoolean()).isFalse();
        assertThat(body.path("message").asText()).isEqualTo("Job " + pending + " cancelled.");
        assertThat(JSON.readTree(cli("job", "show", pending, "--json").out())
                        .path("status")
                        .asText())
                .isEqualTo("cancelled");

        HttpResponse<String> again = call("POST", "/api/v1/jobs/" + pending + "/cancel", null);
        assertThat(again.statusCode()).isEqualTo(409);
        assertError(again, "the job has already ended");
        assertThat(reasons(again))
                .containsExactly(cli("job", "cancel", pending).out().strip());

        String running = submitted("{\"type\": \"discover\", \"keywords\": \"d\", \"locations\": [\"uk\"]}");
        db.execute("UPDATE jobs SET status = 'running', started_at = now() WHERE id = '" + running + "'");
        HttpResponse<String> asked = call("POST", "/api/v1/jobs/" + running + "/cancel", null);
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(asked.body()).path("status").asText()).isEqualTo("running");
        assertThat(JSON.readTree(asked.body()).path("cancel_requested").asBoolean())
                .isTrue();
        assertThat(db.count(
                        "SELECT count(*) FROM jobs WHERE id = '" + running + "' AND cancel_requested_at IS NOT NULL"))
                .isEqualTo(1);

        assertThat(call("POST", "/api/v1/jobs/" + ABSENT + "/cancel", null).statusCode())
                .isEqualTo(404);
        assertThat(call("POST", "/api/v1/jobs/nope/cancel", null).statusCode()).isEqualTo(422);
    }

    @Test
    void everyJobsOperationRefusesARequestWithoutTheToken() throws Exception {
        long before = db.count("SELECT count(*) FROM jobs");
        String body = "{\"type\": \"discover\", \"keywords\": \"e\", \"locations\": [\"uk\"]}";
        for (HttpRequest request : List.of(
                listener.request("/api/v1/jobs")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                listener.request("/api/v1/jobs").GET().build(),
                listener.request("/api/v1/jobs/" + ABSENT).GET().build(),
                listener.request("/api/v1/jobs/" + ABSENT + "/cancel")
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build())) {
            HttpResponse<String> refused = listener.send(request);
            assertThat(refused.statusCode())
                    .as(request.method() + " " + request.uri())
                    .isEqualTo(401);
            assertError(refused, "the API needs the admin token");
        }
        assertThat(db.count("SELECT count(*) FROM jobs")).isEqualTo(before);
    }

    private static CliRun cli(String... args) {
        return CliRun.run(db.env(), args);
    }

    private static String submitted(String body) throws Exception {
        HttpResponse<String> created = call("POST", "/api/v1/jobs", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).path("id").asText();
    }

    private static HttpResponse<String> call(String method, String path, String body) {
        return listener.call(method, path, TOKEN, body);
    }

    /** The problems `job submit discover` lists on stderr, one "  - " line each. */
    private static List<String> cliProblems(CliRun cli) {
        return Arrays.stream(cli.err().split("\\R"))
                .filter(l -> l.startsWith("  - "))
                .map(l -> l.substring(4))
                .toList();
    }
}

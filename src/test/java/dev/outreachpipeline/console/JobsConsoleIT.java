package dev.outreachpipeline.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreachpipeline.testsupport.CliRun;
import dev.outreachpipeline.testsupport.ManagementListener;
import dev.outreachpipeline.testsupport.TestDatabase;
import dev.outreachpipeline.testsupport.TestPostgres;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console's jobs section over HTTP on a real database (no daemon runs, so jobs stay where a test
 * puts them): submitting a discovery with the CLI's checks and sentences, refusals re-showing the form
 * with every reason and the values typed, the list narrowed by type and status, a job's page and the
 * fragment htmx polls (which stops asking once the job has ended), and cancelling as {@code job cancel}.
 */
class JobsConsoleIT {

    private static final String TOKEN = "jobs-console-test-token-0123456789abcdefghijk";

    private static TestDatabase db;
    private static ManagementListener listener;

    @BeforeAll
    static void start() {
        db = TestPostgres.newDatabase();
        CliRun migrate = cli("db", "migrate");
        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        db.execute("INSERT INTO campaigns (name, keywords, locations, status)"
                + " VALUES ('sheds', ARRAY['garden shed'], ARRAY['uk'], 'paused')");
        listener = ManagementListener.start(db, "OUTREACH_ADMIN_TOKEN", TOKEN);
        listener.logIn(TOKEN);
    }

    @AfterAll
    static void stop() {
        listener.close();
    }

    @Test
    void aDiscoverySubmittedThroughTheFormIsEnqueuedAndItsPageFollowsIt() {
        HttpResponse<String> submitted = listener.submit(
                "/jobs",
                "/jobs",
                "campaign",
                "",
                "keywords",
                "garden shed, tiny house",
                "categories",
                "home_decor",
                "locations",
                "uk",
                "max_results",
                "5");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(303);
        String location = submitted.headers().firstValue("Location").orElseThrow();
        String id = location.substring("/jobs/".length());
        var row = db.rowsOf("SELECT status, origin, params::text AS params FROM jobs WHERE id = '" + id + "'")
                .get(0);
        assertThat(row.get("status")).isEqualTo("pending");
        assertThat(row.get("origin")).isEqualTo("console");
        assertThat(row.get("params").toString()).contains("\"keywords\":\"garden shed, tiny house\"");

        HttpResponse<String> page = listener.get(location);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Job " + id + " submitted.")
                .contains("hx-get=\"/jobs/" + id + "/progress\" hx-trigger=\"every 2s\"")
                .contains("action=\"/jobs/" + id + "/cancel\"");
        assertThat(listener.get("/jobs").body()).contains("<a href=\"/jobs/" + id + "\">");
    }

    @Test
    void aDiscoveryForAPausedCampaignIsSubmittedWithTheNoteTheCliGives() {
        HttpResponse<String> submitted = listener.submit("/jobs", "/jobs", "campaign", "sheds", "max_results", "7");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(303);
        String page = listener.get(submitted.headers().firstValue("Location").orElseThrow())
                .body();
        assertThat(page).contains("The campaign &#39;sheds&#39; is paused: this discovery runs because it was asked");
    }

    @Test
    void aRefusedDiscoveryIs422WithEveryReasonOfTheCliTheValuesTypedAndNothingEnqueued() {
        long before = db.count("SELECT count(*) FROM jobs");
        String keywords = "x".repeat(701);
        HttpResponse<String> refused = listener.submit(
                "/jobs",
                "/jobs",
                "keywords",
                keywords,
                "locations",
                "europe,atlantis",
                "categories",
                "cooking",
                "max_results",
                "1001");
        assertThat(refused.statusCode()).isEqualTo(422);
        CliRun cli = cli(
                "job",
                "submit",
                "discover",
                "--keywords",
                keywords,
                "--locations",
                "europe,atlantis",
                "--categories",
                "cooking",
                "--max-results",
                "1001");
        assertThat(cli.exitCode()).isEqualTo(2);
        List<String> problems = cliProblems(cli);
        assertThat(problems).hasSize(5);
        assertThat(refused.body()).contains("The discover job was not submitted");
        for (String problem : problems) {
            assertThat(refused.body()).contains("<li>" + escaped(problem) + "</li>");
        }
        assertThat(refused.body())
                .contains("name=\"locations\" value=\"europe,atlantis\"")
                .contains("name=\"max_results\" value=\"1001\"")
                .contains("name=\"keywords\" value=\"" + keywords + "\"");

        HttpResponse<String> notANumber =
                listener.submit("/jobs", "/jobs", "keywords", "a", "locations", "uk", "max_results", "five");
        assertThat(notANumber.statusCode()).isEqualTo(422);
        assertThat(notANumber.body()).contains("max_results must be a whole number, &#39;five&#39; is not");

        HttpResponse<String> unknown = listener.submit("/jobs", "/jobs", "campaign", "nope");
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body())
                .contains(escaped(cliProblems(cli("job", "submit", "discover", "--campaign", "nope"))
                        .get(0)));

        HttpResponse<String> noCsrf = listener.postForm("/jobs", null, "keywords", "a", "locations", "uk");
        assertThat(noCsrf.statusCode()).isEqualTo(403);
        assertThat(db.count("SELECT count(*) FROM jobs")).isEqualTo(before);
    }

    @Test
    void theListIsNarrowedByTypeAndStatusAndShowsHostileErrorsAsText() {
        String failed = job("enrich", "failed");
        db.execute("UPDATE jobs SET error_message = '<script>alert(1)</script>' WHERE id = '" + failed + "'");
        String pending = job("send", "pending");

        String enrich = listener.get("/jobs?type=enrich&status=failed").body();
        assertThat(enrich)
                .contains("/jobs/" + failed + "\"")
                .doesNotContain("/jobs/" + pending + "\"")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>alert(1)");
        assertThat(listener.get("/jobs?type=send").body())
                .contains("/jobs/" + pending + "\"")
                .doesNotContain("/jobs/" + failed + "\"");

        HttpResponse<String> bad = listener.get("/jobs?type=crawl&status=done");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body())
                .contains("unknown job type &#39;crawl&#39;; the types are: discover, enrich, draft, send")
                .contains("unknown job status &#39;done&#39;; the statuses are: pending, running");
    }

    @Test
    void theProgressFragmentCountsQueriesAndStopsPollingOnceTheJobHasEnded() {
        String id = job("discover", "running");
        db.execute("INSERT INTO discovery_queries (job_id, keyword, location, status, results_found, results_saved,"
                + " cost) VALUES ('" + id + "', '<b>garden</b>', 'uk', 'success', 9, 3, 0.002),"
                + " ('" + id + "', 'shed', 'uk', 'success', 4, 2, 0.002), ('" + id
                + "', 'hut', 'uk', 'pending', 0, 0, 0)");

        assertThat(listener.get("/jobs?type=discover&status=running").body())
                .contains("running, 2/3 queries done, 5 prospects saved");

        HttpResponse<String> running = fragment(id);
        assertThat(running.statusCode()).isEqualTo(200);
        assertThat(running.body())
                .doesNotContain("<html")
                .contains("hx-trigger=\"every 2s\"")
                .contains("<span class=\"done\">2</span>/<span class=\"total\">3</span>")
                .contains("<dd class=\"number saved\">5</dd>")
                .contains("<dd class=\"number cost\">0.004000</dd>")
                .contains("&lt;b&gt;garden&lt;/b&gt;");

        db.execute("UPDATE jobs SET status = 'completed', finished_at = now() WHERE id = '" + id + "'");
        HttpResponse<String> ended = fragment(id);
        assertThat(ended.body())
                .contains("The job has ended.")
                .doesNotContain("hx-trigger")
                .doesNotContain("hx-get")
                .doesNotContain("/cancel");
        // without htmx the fragment's address leads to the page, which a reload brings up to date
        HttpResponse<String> plain = listener.get("/jobs/" + id + "/progress");
        assertThat(plain.statusCode()).isEqualTo(303);
        assertThat(plain.headers().firstValue("Location")).hasValue("/jobs/" + id);
        assertThat(listener.get("/jobs/" + id).body()).contains("The job has ended.");
    }

    @Test
    void cancellingSaysWhatJobCancelSays() {
        String pending = job("discover", "pending");
        assertThat(cancel(pending)).contains("Job " + pending + " cancelled.");
        assertThat(status(pending)).isEqualTo("cancelled");

        String running = job("discover", "running");
        assertThat(cancel(running))
                .contains("Job " + running + " is running; it was asked to stop and will do so at its next step");
        assertThat(db.count(
                        "SELECT count(*) FROM jobs WHERE cancel_requested_at IS NOT NULL AND id = '" + running + "'"))
                .isEqualTo(1);

        String done = job("discover", "completed");
        assertThat(cancel(done)).contains("Job " + done + " has already ended; nothing to cancel.");
        assertThat(status(done)).isEqualTo("completed");

        String another = job("discover", "pending");
        HttpResponse<String> noCsrf = listener.postForm("/jobs/" + another + "/cancel", null);
        assertThat(noCsrf.statusCode()).isEqualTo(403);
        assertThat(status(another)).isEqualTo("pending");

        HttpResponse<String> absent = listener.submit("/jobs", "/jobs/0b5e7c1a-1111-4222-8333-944455556666/cancel");
        assertThat(absent.statusCode()).isEqualTo(404);
        assertThat(absent.body()).contains("No job with id 0b5e7c1a-1111-4222-8333-944455556666.");
        assertThat(listener.get("/jobs/not-an-id").statusCode()).isEqualTo(404);
    }

    /** Cancels through the job page's button and returns the page the redirect leads to. */
    private static String cancel(String id) {
        HttpResponse<String> posted = listener.submit("/jobs/" + id, "/jobs/" + id + "/cancel");
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(303);
        return listener.get("/jobs/" + id).body();
    }

    private static HttpResponse<String> fragment(String id) {
        return listener.send(listener.request("/jobs/" + id + "/progress")
                .header("HX-Request", "true")
                .GET()
                .build());
    }

    private static String job(String type, String status) {
        return db.rowsOf("INSERT INTO jobs (job_type, params, origin, status, started_at, finished_at)"
                        + " VALUES ('" + type + "', '{}', 'test', '" + status + "',"
                        + (status.equals("pending") ? " NULL" : " now()") + ","
                        + (List.of("completed", "failed", "cancelled").contains(status) ? " now()" : " NULL")
                        + ") RETURNING id::text AS id")
                .get(0)
                .get("id")
                .toString();
    }

    private static String status(String id) {
        return db.rowsOf("SELECT status FROM jobs WHERE id = '" + id + "'")
                .get(0)
                .get("status")
                .toString();
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static CliRun cli(String... args) {
        return CliRun.run(db.env(), args);
    }

    private static List<String> cliProblems(CliRun cli) {
        return Arrays.stream(cli.err().split("\\R"))
                .filter(l -> l.startsWith("  - "))
                .map(l -> l.substring(4))
                .toList();
    }
}

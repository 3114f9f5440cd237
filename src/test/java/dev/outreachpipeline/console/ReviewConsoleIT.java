package dev.outreachpipeline.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreachpipeline.testsupport.ManagementListener;
import dev.outreachpipeline.testsupport.TestDatabase;
import dev.outreachpipeline.testsupport.TestPostgres;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The review queue over HTTP (console/ReviewSection): the best draft with the page it pitches and its
 * message as it would be sent, hostile text escaped, the HTML part only in a sandboxed frame; edit,
 * approve, reject, skip and bulk approve through plain forms, refusals with every reason and nothing
 * saved, and no form taken without the console's CSRF token. Each test keeps to a campaign of its own.
 */
class ReviewConsoleIT {

    private static final String TOKEN = "review-console-test-token-0123456789abcdefghij";
    private static final String HOSTILE = "<script>alert(1)</script>";

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
                "an-unsubscribe-secret-of-at-least-32-chars",
                "OUTREACH_HTTP_PUBLIC_BASE_URL",
                "https://outreach.example");
        listener.logIn(TOKEN);
    }

    @AfterAll
    static void stop() {
        listener.close();
    }

    @Test
    void theQueueShowsTheBestDraftWithItsPageFactsEscapedAndItsMessageAsItWillBeSent() {
        campaign("queue");
        String best = prospect("queue", "best.example", 90, HOSTILE);
        db.execute("UPDATE prospects SET draft_html = '<p>Hello <b>there</b></p><script>alert(2)</script>',"
                + " contact_reason = 'the editor, named on the contact page'" + " WHERE id = '" + best + "'");
        prospect("queue", "second.example", 50, "A second page");

        HttpResponse<String> page = listener.get("/review?campaign=queue");
        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.body();
        assertThat(html)
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain(HOSTILE)
                .contains("&lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain("<img src=x")
                .contains("href=\"https://best.example/p?a=1&amp;b=2\" rel=\"noopener noreferrer\"")
                .contains("garden sheds")
                .contains(">3<")
                .contains("the editor, named on the contact page")
                .contains("ann@best.example")
                .contains("2 drafts waiting")
                .doesNotContain("second.example");
        // the text part with the footer the send stage adds, the headers, the HTML only in a sandboxed frame
        assertThat(html)
                .contains("<pre>A body\n\n--\n1 Main Street, Springfield\n")
                .contains("Unsubscribe: \nhttps://outreach.example/u/")
                .contains("Sam Sender &lt;sam@sender.example&gt;")
                .contains("List-Unsubscribe-Post")
                .contains("<iframe class=\"review-html\" sandbox=\"\" src=\"/review/" + best + "/html\"")
                .doesNotContain("<b>there</b>");
        for (String key : new String[] {"a", "r", "s", "e"}) {
            assertThat(html).contains("data-key=\"" + key + "\"").contains("<kbd>" + key + "</kbd>");
        }

        HttpResponse<String> frame = listener.get("/review/" + best + "/html");
        assertThat(frame.statusCode()).isEqualTo(200);
        assertThat(frame.body()).startsWith("<p>Hello <b>there</b></p>").contains("Unsubscribe</a>");
        assertThat(frame.headers().firstValue("Content-Security-Policy").orElseThrow())
                .startsWith("sandbox;")
                .contains("default-src 'none'")
                .contains("frame-ancestors 'self'");
        assertThat(frame.headers().firstValue("X-Frame-Options")).contains("SAMEORIGIN");
    }

    @Test
    void anEditIsSavedAndABadOneIsRefusedWithEveryReasonAndSavesNothing() throws Exception {
        campaign("edit");
        String id = prospect("edit", "edit.example", 70, "Edit me");

        HttpResponse<String> bad = listener.submit(
                "/review?campaign=edit",
                "/review/" + id + "/draft?campaign=edit",
                "subject",
                "Hi\r\nBcc: everyone@else.example",
                "body",
                " ");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body())
                .contains("The draft was not saved")
                .contains("contains a line break or control character")
                .contains("the text body is empty");
        assertThat(row(id)).containsEntry("draft_subject", "A pitch").containsEntry("draft_body", "A body");

        HttpResponse<String> saved = listener.submit(
                "/review?campaign=edit",
                "/review/" + id + "/draft?campaign=edit",
                "subject",
                "A better pitch",
                "body",
                "New words\r\nfor Ann");
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location")).contains("/review/" + id + "?campaign=edit");
        assertThat(row(id))
                .containsEntry("draft_subject", "A better pitch")
                .containsEntry("draft_body", "New words\nfor Ann");
        HttpResponse<String> after = listener.get("/review/" + id + "?campaign=edit");
        assertThat(after.body()).contains("Saved the draft.").contains("<pre>New words\nfor Ann\n\n--\n");

        // htmx swaps the message in place: a fragment, not a page
        String csrf = ManagementListener.csrf(listener.get("/review?campaign=edit"));
        HttpResponse<String> fragment = listener.send(listener.request("/review/" + id + "/draft?campaign=edit")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("HX-Request", "true")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "X-XSRF-TOKEN=" + enc(csrf) + "&subject=" + enc("Third pitch") + "&body=" + enc("Third body")))
                .build());
        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.body())
                .startsWith("<section class=\"card message review-message\"")
                .doesNotContain("<html")
                .contains("Saved the draft.")
                .contains("Third body");
        assertThat(row(id)).containsEntry("draft_subject", "Third pitch");
        // the swapped-in form carries the token the post made new (console.js hands it to the page's other
        // forms): the page's old one is refused from now on, the new one is taken
        String fresh = ManagementListener.csrf(fragment);
        assertThat(fresh).isNotEqualTo(csrf);
        assertThat(listener.postForm("/review/" + id + "/skip?campaign=edit", csrf)
                        .statusCode())
                .isEqualTo(403);
        assertThat(listener.postForm("/review/skipped/clear?campaign=edit", fresh)
                        .statusCode())
                .isEqualTo(303);
        HttpResponse<String> refusedInPlace = listener.send(listener.request("/review/" + id + "/draft?campaign=edit")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("HX-Request", "true")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "X-XSRF-TOKEN=" + enc(ManagementListener.csrf(listener.get("/review?campaign=edit")))
                                + "&subject=" + enc("") + "&body=" + enc("Kept?")))
                .build());
        assertThat(refusedInPlace.statusCode()).isEqualTo(422);
        assertThat(refusedInPlace.body())
                .startsWith("<section class=\"card message review-message\"")
                .contains("The draft was not saved")
                .contains("the subject is empty")
                .contains("Kept?");
        assertThat(row(id)).containsEntry("draft_subject", "Third pitch").containsEntry("draft_body", "Third body");
    }

    @Test
    void approveMovesTheDraftOnAndShowsTheNext() {
        campaign("approve");
        String top = prospect("approve", "top.example", 90, "Top");
        prospect("approve", "next.example", 80, "Next");

        HttpResponse<String> approved =
                listener.submit("/review?campaign=approve", "/review/" + top + "/approve?campaign=approve");
        assertThat(approved.statusCode()).isEqualTo(303);
        assertThat(approved.headers().firstValue("Location")).contains("/review?campaign=approve");
        assertThat(row(top)).containsEntry("outreach_status", "approved");
        assertThat(db.count("SELECT count(*) FROM jobs WHERE job_type = 'send' AND status = 'pending'"))
                .isEqualTo(1);
        HttpResponse<String> next = listener.get("/review?campaign=approve");
        assertThat(next.body())
                .contains("Approved the draft to top.example")
                .contains("next.example")
                .contains("1 draft waiting");
    }

    @Test
    void rejectNeedsAReasonAndKeepsIt() {
        campaign("reject");
        String id = prospect("reject", "reject.example", 90, "Reject me");

        HttpResponse<String> noReason =
                listener.submit("/review?campaign=reject", "/review/" + id + "/reject?campaign=reject", "reason", " ");
        assertThat(noReason.statusCode()).isEqualTo(422);
        assertThat(noReason.body()).contains("The prospect was not rejected").contains("a reason is required");
        assertThat(row(id)).containsEntry("outreach_status", "drafted");

        HttpResponse<String> rejected = listener.submit(
                "/review?campaign=reject", "/review/" + id + "/reject?campaign=reject", "reason", "Sells <fakes>");
        assertThat(rejected.statusCode()).isEqualTo(303);
        assertThat(row(id))
                .containsEntry("outreach_status", "rejected")
                .containsEntry("rejected_reason", "Sells <fakes>");
        assertThat(listener.get("/review?campaign=reject").body())
                .contains("Rejected reject.example: it will not be contacted.")
                .contains("No draft is waiting for review in reject");
    }

    @Test
    void skipShowsTheNextAndChangesNothing() {
        campaign("skip");
        String top = prospect("skip", "skipped.example", 90, "Skipped");
        prospect("skip", "shown.example", 80, "Shown");
        Map<String, Object> before =
                db.rowsOf("SELECT * FROM prospects WHERE id = '" + top + "'").get(0);

        HttpResponse<String> skipped =
                listener.submit("/review?campaign=skip", "/review/" + top + "/skip?campaign=skip");
        assertThat(skipped.statusCode()).isEqualTo(303);
        assertThat(listener.get("/review?campaign=skip").body())
                .contains("shown.example")
                .doesNotContain("skipped.example")
                .contains("1 skipped in this session");
        assertThat(db.rowsOf("SELECT * FROM prospects WHERE id = '" + top + "'").get(0))
                .isEqualTo(before);

        listener.submit("/review?campaign=skip", "/review/skipped/clear?campaign=skip");
        assertThat(listener.get("/review?campaign=skip").body()).contains("skipped.example");
    }

    @Test
    void bulkApproveTakesTheDraftsAtOrAboveAScoreAndSaysHowMany() {
        campaign("bulk");
        String high = prospect("bulk", "high.example", 80, "High");
        String edge = prospect("bulk", "edge.example", 60, "Edge");
        String low = prospect("bulk", "low.example", 40, "Low");

        HttpResponse<String> page = listener.get("/review?campaign=bulk");
        assertThat(page.body()).contains("data-confirm=\"Approve every drafted prospect");
        HttpResponse<String> bulk = listener.postForm(
                "/review/approve", ManagementListener.csrf(page), "campaign", "bulk", "min_score", "60");
        assertThat(bulk.statusCode()).isEqualTo(303);
        assertThat(listener.get("/review?campaign=bulk").body()).contains("Approved 2 drafts.");
        assertThat(row(high)).containsEntry("outreach_status", "approved");
        assertThat(row(edge)).containsEntry("outreach_status", "approved");
        assertThat(row(low)).containsEntry("outreach_status", "drafted");

        HttpResponse<String> bad = listener.postForm(
                "/review/approve",
                ManagementListener.csrf(listener.get("/review?campaign=bulk")),
                "campaign",
                "bulk",
                "min_score",
                "lots");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body())
                .contains("Nothing was approved")
                .contains("min_score must be a number between 0 and 100, not &#39;lots&#39;");
        assertThat(row(low)).containsEntry("outreach_status", "drafted");
        HttpResponse<String> badFilter = listener.get("/review?campaign=nope&min_score=abc");
        assertThat(badFilter.statusCode()).isEqualTo(422);
        assertThat(badFilter.body())
                .contains("The filters were not applied")
                .contains("no campaign is named &#39;nope&#39;");
    }

    @Test
    void anEmptyQueueSaysWhereDraftsComeFrom() {
        campaign("empty");
        HttpResponse<String> page = listener.get("/review?campaign=empty");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("No draft is waiting for review in empty")
                .contains("discover");
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefusedAndChangeNothing() {
        campaign("csrf");
        String id = prospect("csrf", "csrf.example", 90, "Guarded");
        for (String path : new String[] {
            "/review/" + id + "/approve", "/review/" + id + "/reject", "/review/" + id + "/draft", "/review/approve"
        }) {
            HttpResponse<String> refused = listener.postForm(
                    path, null, "reason", "x", "subject", "Hacked", "body", "Hacked", "min_score", "0");
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
        }
        assertThat(row(id)).containsEntry("outreach_status", "drafted").containsEntry("draft_subject", "A pitch");
    }

    private static void campaign(String name) {
        db.execute("INSERT INTO campaigns (name) VALUES ('" + name + "')");
    }

    /** A drafted prospect of the campaign found for 'garden sheds' at rank 3, with a hostile snippet; its id. */
    private static String prospect(String campaign, String domain, int score, String title) {
        String job = db.rowsOf("INSERT INTO jobs (job_type, params, origin, status) VALUES ('discover', '{}', 'test',"
                        + " 'completed') RETURNING id::text AS id")
                .get(0)
                .get("id")
                .toString();
        String query = db.rowsOf("INSERT INTO discovery_queries (job_id, keyword, location) VALUES ('" + job
                        + "', 'garden sheds', 'United Kingdom') RETURNING id::text AS id")
                .get(0)
                .get("id")
                .toString();
        return db.rowsOf("INSERT INTO prospects (domain, page_url, page_title, dataforseo_payload, discovery_query_id,"
                        + " outreach_status, score, contact_email, contact_method, draft_subject, draft_body,"
                        + " drafted_at, hunter_payload, campaign_id)"
                        + " SELECT '" + domain + "', 'https://" + domain + "/p?a=1&b=2', '" + title.replace("'", "''")
                        + "', '{\"rank_absolute\": 3, \"description\": \"<img src=x onerror=alert(1)>\"}', '" + query
                        + "', 'drafted', " + score + ", 'ann@" + domain + "', 'hunter_personal', 'A pitch', 'A body',"
                        + " now(), '{}', id FROM campaigns WHERE name = '" + campaign + "' RETURNING id::text AS id")
                .get(0)
                .get("id")
                .toString();
    }

    private static Map<String, Object> row(String id) {
        return db.rowsOf(
                        "SELECT outreach_status, draft_subject, draft_body, rejected_reason FROM prospects WHERE id = '"
                                + id + "'")
                .get(0);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

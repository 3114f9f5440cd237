package dev.outreachpipeline.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreachpipeline.testsupport.ManagementListener;
import dev.outreachpipeline.testsupport.TestDatabase;
import dev.outreachpipeline.testsupport.TestPostgres;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console's campaigns section over HTTP on a real database: the list with each campaign's funnel
 * (the counts of {@code campaign show}), one campaign's settings and its prospects filtered by status,
 * searched, sorted and paged by their sort key, drafted ones linked to the review queue, hostile page
 * titles and URLs from a SERP shown as text, an unknown campaign a 404 with a sentence.
 */
class CampaignsConsoleIT {

    private static final String TOKEN = "campaigns-console-test-token-0123456789abcdef";
    private static final Pattern DOMAIN_CELL = Pattern.compile("<tr>\\s*<td>([a-z0-9.-]+\\.example)</td>");
    private static final Pattern NEXT = Pattern.compile("href=\"([^\"]+)\" rel=\"next\"");

    private static TestDatabase db;
    private static ManagementListener listener;

    @BeforeAll
    static void start() {
        db = TestPostgres.migratedDatabase();
        db.execute("INSERT INTO campaigns (name, site_url, keywords, locations, max_results, schedule, status)"
                + " VALUES ('shoes', 'https://shoes.example', ARRAY['running shoes', 'trail'], ARRAY['uk'], 40,"
                + " '0 0 6 * * ?', 'paused')");
        db.execute("INSERT INTO campaigns (name) VALUES ('many')");
        prospect("shoes", "alpha.example", "drafted", "90", "Alpha shoes");
        prospect("shoes", "bravo.example", "drafted", "70", "<script>alert(1)</script>");
        prospect("shoes", "charlie.example", "enriched", "80", "Charlie runs");
        prospect("shoes", "delta.example", "sent", "60", "Delta");
        db.execute("UPDATE prospects SET page_url = 'javascript:alert(2)' WHERE domain = 'charlie.example'");
        db.execute("UPDATE prospects SET contact_email = 'jane@trails.example' WHERE domain = 'delta.example'");
        // 55 prospects: more than a page of 50, one score each, created one second apart
        db.execute("INSERT INTO prospects (domain, outreach_status, score, campaign_id, created_at)"
                + " SELECT 'p' || lpad(n::text, 2, '0') || '.example', 'enriched', n, c.id,"
                + " now() - make_interval(secs => 100 - n)"
                + " FROM campaigns c, generate_series(1, 55) n WHERE c.name = 'many'");
        listener = ManagementListener.start(db, "OUTREACH_ADMIN_TOKEN", TOKEN);
        listener.logIn(TOKEN);
    }

    @AfterAll
    static void stop() {
        listener.close();
    }

    @Test
    void theListShowsEveryCampaignWithItsFunnelCounts() {
        HttpResponse<String> page = listener.get("/campaigns");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body())
                .contains("<a href=\"/campaigns/shoes\">shoes</a>")
                .contains("<a href=\"/campaigns/many\">many</a>")
                .contains("drafted 2")
                .contains("enriched 1")
                .contains("sent 1")
                .contains("enriched 55")
                .contains("aria-current=\"page\">Campaigns");
        assertThat(listener.get("/campaigns/shoes").body()).contains("<dt>Prospects</dt><dd class=\"number\">4</dd>");
    }

    @Test
    void oneCampaignShowsItsSettingsAndItsProspectsBestScoreFirst() {
        HttpResponse<String> page = listener.get("/campaigns/shoes");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body())
                .contains("<dt>Mailbox</dt><dd>default</dd>")
                .contains("<dt>Target site</dt><dd>https://shoes.example</dd>")
                .contains("<dt>Keywords</dt><dd>running shoes, trail</dd>")
                .contains("<dt>Schedule</dt><dd>0 0 6 * * ?</dd>")
                .contains("<dt>Paused</dt><dd>yes</dd>")
                .contains("<dt>Max results</dt><dd>40</dd>");
        assertThat(domains(page)).containsExactly("alpha.example", "charlie.example", "bravo.example", "delta.example");
        // drafted prospects lead to the review queue of their campaign
        assertThat(page.body()).contains("<a href=\"/review?campaign=shoes\">drafted: review</a>");
    }

    @Test
    void prospectsAreFilteredByStatusSearchedAndSorted() {
        assertThat(domains(listener.get("/campaigns/shoes?status=drafted")))
                .containsExactly("alpha.example", "bravo.example");
        // q: the domain, the page title or the contact, in any case
        assertThat(domains(listener.get("/campaigns/shoes?q=TRAILS"))).containsExactly("delta.example");
        assertThat(domains(listener.get("/campaigns/shoes?q=runs"))).containsExactly("charlie.example");
        assertThat(domains(listener.get("/campaigns/shoes?sort=domain")))
                .containsExactly("alpha.example", "bravo.example", "charlie.example", "delta.example");
        HttpResponse<String> none = listener.get("/campaigns/shoes?q=nothing-like-it");
        assertThat(none.body()).contains("No prospects match these filters.");
    }

    @Test
    void pagesFollowTheirSortKeyToTheEndInEverySort() {
        for (String sort : List.of("score", "domain", "newest")) {
            HttpResponse<String> first = listener.get("/campaigns/many?sort=" + sort);
            assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
            List<String> seen = new ArrayList<>(domains(first));
            assertThat(seen).as(sort).hasSize(50);
            Matcher next = NEXT.matcher(first.body());
            assertThat(next.find()).as("a next page for " + sort).isTrue();
            HttpResponse<String> second = listener.get(next.group(1).replace("&amp;", "&"));
            assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
            assertThat(NEXT.matcher(second.body()).find())
                    .as("the last page has no next")
                    .isFalse();
            seen.addAll(domains(second));
            assertThat(seen).as(sort).hasSize(55).doesNotHaveDuplicates();
            List<String> expected = new ArrayList<>();
            for (int n = 1; n <= 55; n++) {
                expected.add(String.format("p%02d.example", n));
            }
            if (!sort.equals("domain")) {
                java.util.Collections.reverse(expected); // the best score and the newest are the highest n
            }
            assertThat(seen).as(sort).isEqualTo(expected);
        }
    }

    @Test
    void hostilePageTitlesAndUrlsFromASerpAreShownAsText() {
        String body = listener.get("/campaigns/shoes").body();
        assertThat(body).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
        assertThat(body).doesNotContain("href=\"javascript:").contains("Charlie runs");
    }

    @Test
    void anUnknownCampaignIs404WithASentenceAndBadFiltersAre422WithEveryReason() {
        HttpResponse<String> unknown = listener.get("/campaigns/nope");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("no campaign is named &#39;nope&#39;; the campaigns are:");

        HttpResponse<String> bad = listener.get("/campaigns/shoes?status=lost&sort=size&cursor=zzz");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body())
                .contains("&#39;lost&#39; is not a prospect status; use one of pending")
                .contains("&#39;size&#39; is not a sort; use one of score, domain, newest");
        HttpResponse<String> cursor = listener.get("/campaigns/shoes?cursor=zzz");
        assertThat(cursor.statusCode()).isEqualTo(422);
        assertThat(cursor.body()).contains("cursor is not one this API handed out");
    }

    @Test
    void withoutASessionThePagesSendToTheLoginPage() {
        try (var other = ManagementListener.start(db, "OUTREACH_ADMIN_TOKEN", TOKEN)) {
            HttpResponse<String> page = other.get("/campaigns/shoes");
            assertThat(page.statusCode()).isEqualTo(303);
            assertThat(page.headers().firstValue("Location")).hasValue("/login");
        }
    }

    private static List<String> domains(HttpResponse<String> page) {
        var out = new ArrayList<String>();
        Matcher m = DOMAIN_CELL.matcher(page.body());
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** A prospect of the campaign (by name) with a score and a page title. */
    private static void prospect(String campaign, String domain, String status, String score, String title) {
        db.execute("INSERT INTO prospects (domain, page_url, page_title, outreach_status, score, contact_email,"
                + " contact_method, draft_subject, draft_body, drafted_at, hunter_payload, campaign_id)"
                + " SELECT '" + domain + "', 'https://" + domain + "/p', '" + title.replace("'", "''") + "', '"
                + status + "', " + score + ", 'ann@" + domain + "', 'hunter_personal', "
                + ("drafted".equals(status) ? "'A pitch', 'A body', now()" : "NULL, NULL, NULL")
                + ", '{}', id FROM campaigns WHERE name = '" + campaign + "'");
    }
}

package dev.outreachpipeline.links;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.outreachpipeline.testsupport.CliRun;
import dev.outreachpipeline.testsupport.ManagementListener;
import dev.outreachpipeline.testsupport.TestDatabase;
import dev.outreachpipeline.testsupport.TestPostgres;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * `links add/list/check/remove` and {@code GET/POST /api/v1/links}, {@code POST /api/v1/links/{id}/check}
 * on a real database, the pages served by WireMock: the same placements, the same JSON fields.
 */
class LinksCommandAndApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "links-test-token-0123456789abcdefghijklmnopqrstuv";

    private static TestDatabase db;
    private final WireMockServer site = new WireMockServer(options().dynamicPort());

    @BeforeAll
    static void migrate() {
        db = TestPostgres.migratedDatabase();
    }

    @BeforeEach
    void start() {
        site.start();
        site.stubFor(get("/robots.txt").willReturn(aResponse().withStatus(404)));
        site.stubFor(get("/post")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<a rel=\"ugc\" href=\"https://oursite.test/\">comment</a>")));
    }

    @AfterEach
    void stop() {
        site.stop();
    }

    private static CliRun links(String... args) {
        var all = new ArrayList<>(List.of("links"));
        all.addAll(List.of(args));
        return CliRun.run(db.env("OUTREACH_LINKS_HOST_DELAY_MS", "0"), all.toArray(String[]::new));
    }

    private static String prospect(String domain, String campaign, String siteUrl) {
        db.execute("INSERT INTO campaigns (name, site_url) VALUES ('" + campaign + "', "
                + (siteUrl == null ? "NULL" : "'" + siteUrl + "'") + ")");
        return db.rowsOf("INSERT INTO prospects (domain, campaign_id) SELECT '" + domain + "', id FROM campaigns"
                        + " WHERE name = '" + campaign + "' RETURNING id::text AS id")
                .get(0)
                .get("id")
                .toString();
    }

    @Test
    void addListCheckAndRemoveFromTheCommandLine() throws Exception {
        String prospect = prospect("localhost", "shoes", "https://oursite.test");
        String page = site.url("/post");

        CliRun added = links("add", prospect, page, "--anchor", "comment");
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.err()).doesNotContain("Warning");
        String id = added.out().replaceAll("(?s).*Added placement ([0-9a-f-]{36}).*", "$1");

        CliRun again = links("add", prospect, page);
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("already has a placement on " + page);
        CliRun ftp = links("add", prospect, "ftp://127.0.0.1/post");
        assertThat(ftp.exitCode()).isEqualTo(2);
        assertThat(ftp.err()).contains("must be an http:// or https:// URL");
        CliRun nobody = links("add", "00000000-0000-0000-0000-00000000beef", page);
        assertThat(nobody.err()).contains("there is no prospect");

        CliRun listed = links("list", "--json");
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        JsonNode rows = JSON.readTree(listed.out());
        assertThat(rows).hasSize(1);
        var fields = new ArrayList<String>();
        rows.get(0).fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyElementsOf(LinkJson.FIELDS);
        assertThat(rows.get(0).path("campaign").asText()).isEqualTo("shoes");
        assertThat(rows.get(0).path("target").asText()).isEqualTo("https://oursite.test");
        assertThat(rows.get(0).path("status").asText()).isEqualTo("pending");
        assertThat(rows.get(0).path("last_checked_at").isNull()).isTrue();

        CliRun checked = links("check", id);
        assertThat(checked.exitCode()).as(checked.err()).isZero();
        assertThat(checked.err()).contains("Checking 1/1: " + page);
        assertThat(checked.out()).contains(id + "  " + page + "  live_nofollow  HTTP 200  rel=ugc");
        JsonNode after = JSON.readTree(
                links("list", "--status", "live_nofollow", "--json").out());
        assertThat(after).hasSize(1);
        assertThat(after.get(0).path("rel").get(0).asText()).isEqualTo("ugc");
        assertThat(after.get(0).path("checks").asInt()).isEqualTo(1);
        assertThat(JSON.readTree(links("list", "--status", "lost", "--json").out()))
                .isEmpty();
        assertThat(links("list", "--status", "gone").err()).contains("the statuses are: pending, live");

        CliRun removed = links("remove", id);
        assertThat(removed.exitCode()).as(removed.err()).isZero();
        assertThat(db.count("SELECT count(*) FROM link_checks")).isZero();
        assertThat(links("remove", id).err()).contains("there is no placement " + id);
    }

    @Test
    void aCampaignWithoutASiteNeedsATargetAndAnotherHostIsAWarning() {
        String prospect = prospect("nosite.example", "nosite", null);
        CliRun refused = links("add", prospect, "https://nosite.example/p");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("campaign 'nosite' has no target site; give --target URL");

        CliRun elsewhere = links("add", prospect, "https://medium.example/@nosite/p", "--target", "https://ours.test");
        assertThat(elsewhere.exitCode()).as(elsewhere.err()).isZero();
        assertThat(elsewhere.err()).contains("Warning: the page is on medium.example, not on the prospect's domain");
    }

    @Test
    void theApiListsAddsAndChecksPlacementsWithTheCommandsJson() throws Exception {
        String prospect = prospect("127.0.0.1", "api", "https://oursite.test/");
        String page = "http://127.0.0.1:" + site.port() + "/post";
        try (var listener =
                ManagementListener.start(db, "OUTREACH_ADMIN_TOKEN", TOKEN, "OUTREACH_LINKS_HOST_DELAY_MS", "0")) {
            HttpResponse<String> bad = listener.call(
                    "POST", "/api/v1/links", TOKEN, "{\"prospect_id\": \"" + prospect + "\", \"url\": \"nope\"}");
            assertThat(bad.statusCode()).isEqualTo(422);
            assertThat(bad.body()).contains("must be an http:// or https:// URL");

            HttpResponse<String> created = listener.call(
                    "POST",
                    "/api/v1/links",
                    TOKEN,
                    JSON.writeValueAsString(Map.of("prospect_id", prospect, "url", page)));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String id = JSON.readTree(created.body()).path("id").asText();
            assertThat(JSON.readTree(created.body()).path("status").asText()).isEqualTo("pending");
            assertThat(JSON.readTree(created.body()).path("warnings")).isEmpty();

            HttpResponse<String> checked = listener.call("POST", "/api/v1/links/" + id + "/check", TOKEN, null);
            assertThat(checked.statusCode()).as(checked.body()).isEqualTo(200);
            assertThat(JSON.readTree(checked.body()).path("status").asText()).isEqualTo("live_nofollow");
            assertThat(JSON.readTree(checked.body()).path("check").asText()).contains("rel=ugc");

            HttpResponse<String> list = listener.call("GET", "/api/v1/links?campaign=api", TOKEN, null);
            assertThat(list.statusCode()).isEqualTo(200);
            JsonNode fromApi = JSON.readTree(list.body()).path("links");
            assertThat(fromApi)
                    .isEqualTo(JSON.readTree(
                            links("list", "--campaign", "api", "--json").out()));
            assertThat(fromApi).hasSize(1);

            // lost placements are counted in /metrics and in `status`
            db.execute("INSERT INTO link_placements (prospect_id, url, target, status) VALUES ('" + prospect
                    + "', 'https://127.0.0.1/gone', 'https://oursite.test/', 'lost')");
            String metrics = listener.get("/metrics").body();
            assertThat(metrics)
                    .containsPattern("outreach_links\\{[^}]*status=\"lost\"[^}]*} 1\\.0")
                    .containsPattern("outreach_links\\{[^}]*status=\"live_nofollow\"[^}]*} 1\\.0");
            CliRun status = CliRun.run(db.env(), "status", "--campaign", "api", "--json");
            assertThat(status.exitCode()).as(status.err()).isZero();
            assertThat(JSON.readTree(status.out()).path("links").path("lost").asInt())
                    .isEqualTo(1);
            assertThat(CliRun.run(db.env(), "status", "--campaign", "api").out())
                    .contains("Links:      live_nofollow 1, lost 1 (placements by status)");
            listener.logIn(TOKEN);
            assertThat(listener.get("/").body())
                    .contains("<span class=\"big-number\" id=\"links-lost\">1</span> link placement(s) lost, 1 live");

            assertThat(listener.call("POST", "/api/v1/links/00000000-0000-0000-0000-00000000beef/check", TOKEN, null)
                            .statusCode())
                    .isEqualTo(404);
        }
    }
}

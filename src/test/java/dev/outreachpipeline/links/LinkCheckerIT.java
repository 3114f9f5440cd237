package dev.outreachpipeline.links;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.outreachpipeline.db.Database;
import dev.outreachpipeline.testsupport.TestDatabase;
import dev.outreachpipeline.testsupport.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every link status reached against pages served by WireMock, each check recorded in the real
 * database through sql/record-link-check.sql; a day passes on a {@link MovableClock}.
 */
class LinkCheckerIT {

    static final String TARGET = "https://oursite.test/guide/";
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private static TestDatabase testDb;
    private static Database db;
    private final WireMockServer site = new WireMockServer(options().dynamicPort());
    private final MovableClock clock = new MovableClock(T0);
    private LinkStore store;
    private LinkChecker checker;
    private String prospectId;

    @BeforeAll
    static void migrate() {
        testDb = TestPostgres.migratedDatabase();
        db = testDb.open();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void start() {
        site.start();
        site.stubFor(get("/robots.txt")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withBody("User-agent: outreachpipeline-linkcheck\nDisallow: /private/\n\n"
                                + "User-agent: *\nDisallow:\n")));
        store = new LinkStore(db.dataSource());
        checker = checker(Duration.ofSeconds(5));
        prospectId = prospect(db, "blog-" + System.nanoTime() + ".example");
    }

    @AfterEach
    void stop() {
        site.stop();
    }

    private LinkChecker checker(Duration timeout) {
        return new LinkChecker(
                new PageFetcher("OutreachPipeline-LinkCheck/1.0", timeout, 2_000_000, Duration.ZERO),
                RecheckSchedule.parse("1,7,30"),
                clock);
    }

    /** A prospect of a campaign whose site is {@link #TARGET}. */
    static String prospect(Database db, String domain) {
        return prospect(db, domain, TARGET);
    }

    static String prospect(Database db, String domain, String site) {
        try {
            String campaign = "c" + Math.abs(domain.hashCode());
            SqlRows.run(
                    db,
                    "INSERT INTO campaigns (name, site_url) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
                    campaign,
                    site);
            return SqlRows.one(
                    db,
                    "INSERT INTO prospects (domain, campaign_id) SELECT ?, id FROM campaigns WHERE name = ?"
                            + " RETURNING id::text",
                    domain,
                    campaign);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void page(String path, String html) {
        site.stubFor(get(path)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/html")
                        .withBody(html)));
    }

    private String add(String path) throws Exception {
        LinkRequest.Outcome added = new LinkRequest(store).add(prospectId, site.url(path), null, null);
        assertThat(added.problems()).isEmpty();
        return added.linkId();
    }

    private LinkCheck check(String linkId) throws Exception {
        Map<String, Object> row =
                store.toCheck("{\"ids\": [\"" + linkId + "\"]}", checker.now()).get(0);
        LinkCheck c = checker.check(row);
        store.record(c);
        return c;
    }

    /** The prospect's stage history, oldest first, as "from → to by who". */
    private List<String> stageMoves() {
        return testDb
                .rowsOf("SELECT coalesce(from_stage, 'null') || ' → ' || to_stage || ' by ' || changed_by AS move"
                        + " FROM prospect_stage_history WHERE prospect_id = '" + prospectId + "' ORDER BY id")
                .stream()
                .map(r -> (String) r.get("move"))
                .toList();
    }

    private Map<String, Object> json(String linkId) throws Exception {
        return LinkJson.of(store.find(linkId).orElseThrow());
    }

    @Test
    void aFollowedLinkIsLiveWithItsAnchorAndTheNextCheckADayLater() throws Exception {
        page("/post", "<p><a href=\"http://www.oursite.test/guide\">Our guide</a></p>");
        String id = add("/post");
        assertThat(json(id)).containsEntry("status", "pending").containsEntry("checks", 0);
        assertThat(stageMoves()).containsExactly("null → link_placed by links");

        check(id);

        Map<String, Object> link = json(id);
        assertThat(link.keySet()).containsExactlyElementsOf(LinkJson.FIELDS);
        assertThat(link)
                .containsEntry("status", "live")
                .containsEntry("anchor", "Our guide")
                .containsEntry("rel", List.of())
                .containsEntry("http_status", 200)
                .containsEntry("noindex", false)
                .containsEntry("checks", 1)
                .containsEntry("last_checked_at", T0.toString())
                .containsEntry("first_live_at", T0.toString())
                .containsEntry("lost_at", null);
        assertThat(stageMoves())
                .containsExactly("null → link_placed by links", "link_placed → link_live by link-check");
        assertThat(testDb.rowsOf(
                        "SELECT status, found, anchor, http_status FROM link_checks WHERE link_id = '" + id + "'"))
                .containsExactly(Map.of("status", "live", "found", true, "anchor", "Our guide", "http_status", 200));
        assertThat(testDb.count("SELECT count(*) FROM link_placements WHERE id = '" + id
                        + "' AND next_check_at = timestamptz '" + T0.plus(Duration.ofDays(1)) + "'"))
                .isEqualTo(1);
    }

    @Test
    void aSponsoredLinkIsLiveNofollowWithItsRelListed() throws Exception {
        page("/paid", "<a rel=\"sponsored nofollow\" href=\"https://oursite.test/guide/\">Ad</a>");
        String id = add("/paid");
        check(id);
        assertThat(json(id))
                .containsEntry("status", "live_nofollow")
                .containsEntry("rel", List.of("nofollow", "sponsored"));
    }

    @Test
    void anAbsentLinkIsMissingOnceAndLostWhenStillAbsentADayLater() throws Exception {
        page("/edited", "<p>No link here.</p>");
        String id = add("/edited");
        check(id);
        assertThat(json(id)).containsEntry("status", "missing").containsEntry("lost_at", null);
        clock.advance(Duration.ofHours(2));
        assertThat(check(id).status()).isEqualTo(LinkStatus.MISSING);
        clock.advance(Duration.ofHours(22));
        LinkCheck lost = check(id);
        assertThat(lost.status()).isEqualTo(LinkStatus.LOST);
        assertThat(lost.prospectStage()).isEqualTo("link_lost");
        assertThat(stageMoves())
                .containsExactly("null → link_placed by links", "link_placed → link_lost by link-check");
        assertThat(json(id))
                .containsEntry("status", "lost")
                .containsEntry("lost_at", T0.plus(Duration.ofDays(1)).toString())
                .containsEntry("checks", 3);
        assertThat(testDb.count("SELECT count(*) FROM link_checks WHERE link_id = '" + id + "'"))
                .isEqualTo(3);
    }

    @Test
    void aDeletedPageCountsAsAbsentNotUnreachable() throws Exception {
        site.stubFor(get("/deleted").willReturn(aResponse().withStatus(404)));
        String id = add("/deleted");
        check(id);
        assertThat(json(id)).containsEntry("status", "missing").containsEntry("http_status", 404);
    }

    @Test
    void serverErrorsTimeoutsAndRobotsDisallowAreUnreachable() throws Exception {
        site.stubFor(get("/broken").willReturn(aResponse().withStatus(503)));
        String broken = add("/broken");
        assertThat(check(broken).line()).contains("unreachable").contains("HTTP 503");
        assertThat(json(broken)).containsEntry("status", "unreachable").containsEntry("http_status", 503);

        page("/private/post", "<a href=\"https://oursite.test/guide/\">x</a>");
        String forbidden = add("/private/post");
        assertThat(check(forbidden).visit().reason()).contains("robots.txt");
        assertThat(json(forbidden)).containsEntry("status", "unreachable");
        site.verify(0, getRequestedFor(urlEqualTo("/private/post")));

        site.stubFor(get("/slow")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withBody("<a href=\"https://oursite.test/guide/\">x</a>")
                        .withFixedDelay(3000)));
        String slow = add("/slow");
        checker = checker(Duration.ofSeconds(1));
        assertThat(check(slow).visit().reason()).contains("no answer").contains("Timeout");
        assertThat(json(slow)).containsEntry("status", "unreachable").containsEntry("http_status", null);
    }

    @Test
    void robotsTxtIsReadOncePerHost() throws Exception {
        page("/a", "<a href=\"https://oursite.test/guide/\">x</a>");
        page("/b", "<p>nothing</p>");
        check(add("/a"));
        check(add("/b"));
        site.verify(1, getRequestedFor(urlEqualTo("/robots.txt")));
    }

    @Test
    void noindexByMetaOrHeaderAndACanonicalElsewhereAreRecorded() throws Exception {
        page(
                "/meta",
                "<html><head><meta name=\"robots\" content=\"noindex\">"
                        + "<link rel=\"canonical\" href=\"https://original.example/story\"></head>"
                        + "<body><a href=\"https://oursite.test/guide/\">x</a></body></html>");
        String meta = add("/meta");
        check(meta);
        assertThat(json(meta)).containsEntry("status", "live").containsEntry("noindex", true);
        assertThat(testDb.rowsOf("SELECT canonical_elsewhere FROM link_placements WHERE id = '" + meta + "'"))
                .containsExactly(Map.of("canonical_elsewhere", "https://original.example/story"));

        site.stubFor(get("/header")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/html")
                        .withHeader("X-Robots-Tag", "noindex, nofollow")
                        .withBody("<a href=\"https://oursite.test/guide/\">x</a>")));
        String header = add("/header");
        check(header);
        assertThat(json(header)).containsEntry("noindex", true);
        assertThat(testDb.count("SELECT count(*) FROM link_checks WHERE link_id = '" + header + "' AND noindex"))
                .isEqualTo(1);
    }

    @Test
    void upToFiveRedirectsAreFollowedAndRecordedASixthMakesThePageUnreachable() throws Exception {
        for (int i = 1; i <= 6; i++) {
            site.stubFor(get("/r" + i)
                    .willReturn(aResponse().withStatus(i == 1 ? 301 : 302).withHeader("Location", "/r" + (i + 1))));
        }
        page("/r7", "<a href=\"https://oursite.test/guide/\">x</a>");

        String five = add("/r2");
        LinkCheck followed = check(five);
        assertThat(followed.status()).isEqualTo(LinkStatus.LIVE);
        assertThat(followed.visit().redirects()).hasSize(5);
        assertThat(followed.visit().redirects().get(0)).isEqualTo(new Redirect(site.url("/r2"), 302, site.url("/r3")));
        assertThat(testDb.count("SELECT count(*) FROM link_placements WHERE id = '" + five
                        + "' AND jsonb_array_length(redirects) = 5"))
                .isEqualTo(1);

        String six = add("/r1");
        LinkCheck tooMany = check(six);
        assertThat(tooMany.status()).isEqualTo(LinkStatus.UNREACHABLE);
        assertThat(tooMany.visit().reason()).isEqualTo("more than 5 redirects");
        site.stubFor(get("/broken-redirect")
                .willReturn(aResponse().withStatus(302).withHeader("Location", "http://bad host/%%")));
        LinkCheck broken = check(add("/broken-redirect"));
        assertThat(broken.status()).isEqualTo(LinkStatus.UNREACHABLE);
        assertThat(broken.visit().reason()).isEqualTo("a redirect to an address that is not a URL");

        // the page behind the sixth redirect is never asked for
        site.verify(1, getRequestedFor(urlEqualTo("/r7")));
    }
}

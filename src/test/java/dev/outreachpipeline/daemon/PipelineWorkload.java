package dev.outreachpipeline.daemon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.outreachpipeline.testsupport.CliRun;
import dev.outreachpipeline.testsupport.Fixtures;
import dev.outreachpipeline.testsupport.TestDatabase;
import dev.outreachpipeline.testsupport.TestPostgres;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole pipeline's outside world for daemons run as processes: a migrated database, WireMock
 * standing in for DataForSEO and Hunter (answers built from the fixtures, one set of sites per
 * keyword), and the settings that point the program at them and at an SMTP server.
 */
final class PipelineWorkload implements AutoCloseable {

    private static final String LIVE = "/v3/serp/google/organic/live/advanced";
    private static final String SEARCH = "/v2/domain-search";
    private static final ObjectMapper JSON = new ObjectMapper();

    final TestDatabase db = TestPostgres.newDatabase();
    final WireMockServer dataForSeo = new WireMockServer(options().dynamicPort());
    final WireMockServer hunter = new WireMockServer(options().dynamicPort());
    final List<String> keywords = new ArrayList<>();
    final List<String> domains = new ArrayList<>();
    private final Map<String, String> settings = new HashMap<>();

    PipelineWorkload() {
        dataForSeo.start();
        hunter.start();
        CliRun migrate = CliRun.run(env(), "db", "migrate");
        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
    }

    PipelineWorkload with(String name, String value) {
        settings.put(name, value);
        return this;
    }

    Map<String, String> env() {
        var env = new HashMap<>(db.env(
                "DATAFORSEO_BASE_URL", dataForSeo.baseUrl(),
                "DATAFORSEO_LOGIN", "ops@example.test",
                "DATAFORSEO_PASSWORD", "s3cret-dfs",
                "HUNTER_BASE_URL", hunter.baseUrl(),
                "HUNTER_API_KEY", "hunter-k3y",
                "OUTREACH_HUNTER_VERIFY", "false",
                "OUTREACH_SENDER_NAME", "Sam Sender",
                "OUTREACH_JOBS_POLL_INTERVAL_MS", "100",
                "OUTREACH_JOBS_HEARTBEAT_SECONDS", "1",
                "OUTREACH_JOBS_LEASE_SECONDS", "10"));
        env.putAll(settings);
        return env;
    }

    /** A keyword whose SERP lists {@code sites} sites of its own, answered after {@code delayMillis}. */
    void keyword(String keyword, int sites, int delayMillis) {
        keywords.add(keyword);
        var mine = new ArrayList<String>();
        for (int i = 1; i <= sites; i++) {
            mine.add(keyword.replace(' ', '-') + "-" + i + ".example");
        }
        domains.addAll(mine);
        dataForSeo.stubFor(post(urlEqualTo(LIVE))
                .withRequestBody(matchingJsonPath("$[0].keyword", equalTo(keyword)))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withFixedDelay(delayMillis)
                        .withBody(serp(keyword, mine))));
        for (String domain : mine) {
            hunterKnows(domain, 0);
        }
    }

    /** Hunter's domain search for {@code domain}: the mixed fixture, moved to that domain. */
    void hunterKnows(String domain, int delayMillis) {
        hunter.stubFor(get(urlPathEqualTo(SEARCH))
                .withQueryParam("domain", equalTo(domain))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withFixedDelay(delayMillis)
                        .withBody(
                                Fixtures.read("hunter/domain-search-mixed.json").replace("gardenblog.com", domain))));
    }

    /** Every Hunter answer takes {@code delayMillis}. */
    void slowHunter(int delayMillis) {
        domains.forEach(d -> hunterKnows(d, delayMillis));
    }

    private static String serp(String keyword, List<String> sites) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(Fixtures.read("dataforseo/serp-live-mixed.json"));
            ObjectNode result =
                    (ObjectNode) root.path("tasks").get(0).path("result").get(0);
            JsonNode organic = null;
            for (JsonNode item : result.path("items")) {
                if ("organic".equals(item.path("type").asText())) {
                    organic = item;
                    break;
                }
            }
            ArrayNode items = JSON.createArrayNode();
            int rank = 1;
            for (String site : sites) {
                ObjectNode item = ((ObjectNode) organic).deepCopy();
                item.put("domain", "www." + site)
                        .put("url", "https://www." + site + "/post")
                        .put("title", "A post on " + site)
                        .put("rank_group", rank)
                        .put("rank_absolute", rank++);
                items.add(item);
            }
            result.put("keyword", keyword).put("items_count", sites.size()).set("items", items);
            ((ObjectNode) root.path("tasks").get(0).path("data")).put("keyword", keyword);
            return JSON.writeValueAsString(root);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Enqueues a discover job through the CLI, as an operator does; returns its id. */
    String submitDiscover(String keywordsList) {
        CliRun submit = CliRun.run(env(), "job", "submit", "discover", "--keywords", keywordsList, "--locations", "uk");
        assertThat(submit.exitCode()).as(submit.err()).isZero();
        return submit.out().trim();
    }

    int serpCalls(String keyword) {
        return dataForSeo
                .countRequestsMatching(postRequestedFor(urlEqualTo(LIVE))
                        .withRequestBody(matchingJsonPath("$[0].keyword", equalTo(keyword)))
                        .build())
                .getCount();
    }

    int searches(String domain) {
        return hunter.countRequestsMatching(getRequestedFor(urlPathEqualTo(SEARCH))
                        .withQueryParam("domain", equalTo(domain))
                        .build())
                .getCount();
    }

    int allSearches() {
        return hunter.countRequestsMatching(
                        getRequestedFor(urlPathEqualTo(SEARCH)).build())
                .getCount();
    }

    /** Rows left claimed: running jobs, and prospects in a claimed state or with an attempt still 'sending'. */
    long claimedRows() {
        return db.count("SELECT (SELECT count(*) FROM jobs WHERE status = 'running')"
                + " + (SELECT count(*) FROM prospects WHERE outreach_status IN ('enriching', 'drafting', 'sending'))"
                + " + (SELECT count(*) FROM send_attempts WHERE status = 'sending')");
    }

    @Override
    public void close() {
        dataForSeo.stop();
        hunter.stop();
    }
}

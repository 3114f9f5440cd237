package dev.outreachpipeline.enrichment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import dev.outreachpipeline.testsupport.CliRun;
import dev.outreachpipeline.testsupport.Fixtures;
import dev.outreachpipeline.testsupport.Rows;
import dev.outreachpipeline.testsupport.TestDatabase;
import dev.outreachpipeline.testsupport.TestPostgres;
import java.util.HashMap;
import java.util.Map;

/** A migrated database with discovered prospects and a WireMock Hunter: where enrichment tests start. */
final class EnrichmentTestBed implements AutoCloseable {

    static final String KEY = "hunter-k3y-DO-NOT-LEAK";
    static final String SEARCH = "/v2/domain-search";
    static final String VERIFIER = "/v2/email-verifier";

    final TestDatabase db = TestPostgres.newDatabase();
    final WireMockServer hunter = new WireMockServer(options().dynamicPort());
    private final Map<String, String> extraEnv = new HashMap<>();

    EnrichmentTestBed() {
        hunter.start();
        CliRun migrate = CliRun.run(env(), "db", "migrate");
        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
    }

    EnrichmentTestBed with(String name, String value) {
        extraEnv.put(name, value);
        return this;
    }

    Map<String, String> env() {
        var env = new HashMap<>(db.env(
                "HUNTER_BASE_URL", hunter.baseUrl(),
                "HUNTER_API_KEY", KEY,
                "OUTREACH_SENDER_NAME", "Sam Sender",
                "OUTREACH_JOBS_POLL_INTERVAL_MS", "100",
                "OUTREACH_HUNTER_RETRY_DELAY_MS", "20",
                "OUTREACH_HUNTER_MAX_RETRY_DELAY_MS", "100",
                "OUTREACH_HUNTER_VERIFY", "false"));
        env.putAll(extraEnv);
        return env;
    }

    /** A prospect as discovery leaves it, at a SERP position. */
    String prospect(String domain, int rank) {
        return db.rowsOf("INSERT INTO prospects (domain, page_url, page_title, dataforseo_payload) VALUES ('" + domain
                        + "', 'https://" + domain + "/post', 'A post on " + domain
                        + "', '{\"type\": \"organic\", \"rank_absolute\": "
                        + rank + "}') RETURNING id::text AS id")
                .get(0)
                .get("id")
                .toString();
    }

    /** An enrich job, as discovery enqueues it. */
    String enrichJob() {
        return db.rowsOf(
                        "INSERT INTO jobs (job_type, params, origin) VALUES ('enrich', '{}', 'test') RETURNING id::text AS id")
                .get(0)
                .get("id")
                .toString();
    }

    static MappingBuilder search(String domain) {
        return get(urlPathEqualTo(SEARCH)).withQueryParam("domain", equalTo(domain));
    }

    void searchAnswers(String domain, int status, String fixture) {
        hunter.stubFor(search(domain)
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.read(fixture))));
    }

    /** A domain search answer: a fixture with its domain (and its addresses' domain) replaced. */
    void searchAnswersFor(String domain, String fixture, String fixtureDomain) {
        hunter.stubFor(search(domain)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.read(fixture).replace(fixtureDomain, domain))));
    }

    int searchesFor(String domain) {
        return hunter.countRequestsMatching(getRequestedFor(urlPathEqualTo(SEARCH))
                        .withQueryParam("domain", equalTo(domain))
                        .build())
                .getCount();
    }

    CliRun runOnceWithEnrichJob() {
        enrichJob();
        return runOnce();
    }

    CliRun runOnce() {
        return CliRun.run(env(), "run", "--once");
    }

    Map<String, Object> prospectRow(String id) {
        return Rows.of(
                        db,
                        "(SELECT id, domain, outreach_status, contact_email, contact_method, contact_name, contact_reason,"
                                + " contact_verification, score, last_error, draft_subject, draft_body, draft_html,"
                                + " hunter_payload::text AS hunter_payload FROM prospects)")
                .get(id);
    }

    Map<String, Object> job(String id) {
        return Rows.of(db, "(SELECT id, job_type, status, error_message, run_after, result::text AS result FROM jobs)")
                .get(id);
    }

    @Override
    public void close() {
        hunter.stop();
    }
}

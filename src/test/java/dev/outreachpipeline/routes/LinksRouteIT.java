package dev.outreachpipeline.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Proves routes/70-links.camel.yaml: a check_links job checks the placements that are due (or the
 * ids its parameters name), each check recorded with the placement's new state, and writes how many
 * it checked by status into the job's result; the schedule enqueues one check_links job when a
 * placement is due, and no second while it waits. 10-jobs is loaded for direct:guard-job, direct:check-job and the enqueueing.
 */
class LinksRouteIT extends RouteTestSupport {

    private static final String WORKER = "worker-1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final WireMockServer site = new WireMockServer(options().dynamicPort());

    @Override
    protected String[] routeFiles() {
        return new String[] {"10-jobs", "70-links"};
    }

    @Override
    protected String[] environment() {
        return new String[] {"OUTREACH_LINKS_HOST_DELAY_MS", "0"};
    }

    @BeforeEach
    void startSite() {
        site.start();
        site.stubFor(get("/robots.txt").willReturn(aResponse().withStatus(404)));
        site.stubFor(get("/with-link")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<a href=\"https://oursite.test/\">Our site</a>")));
        site.stubFor(get("/without-link")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<p>-</p>")));
    }

    @AfterEach
    void stopSite() {
        site.stop();
    }

    @Test
    void aJobChecksTheDuePlacementsOrTheOnesItNamesAndRecordsEachCheck() throws Exception {
        AdviceWith.adviceWith(context, "scheduled-link-checks", a -> a.replaceFromWith("direct:fire-link-checks"));
        context.start();
        testDb.execute("INSERT INTO campaigns (name, site_url) VALUES ('shoes', 'https://oursite.test')");
        String prospect = testDb.rowsOf("INSERT INTO prospects (domain, campaign_id) SELECT 'blog.example', id FROM"
                        + " campaigns WHERE name = 'shoes' RETURNING id::text AS id")
                .get(0)
                .get("id")
                .toString();
        String due = link(prospect, "/with-link", "now() - interval '1 minute'");
        String later = link(prospect, "/without-link", "now() + interval '3 days'");

        String job = runningJob("{}");
        runAsJob("direct:check_links-job", jobVariables(job));

        assertThat(testDb.rowsOf("SELECT status, anchor, checks FROM link_placements WHERE id = '" + due + "'"))
                .containsExactly(Map.of("status", "live", "anchor", "Our site", "checks", 1));
        assertThat(testDb.rowsOf("SELECT status, checks FROM link_placements WHERE id = '" + later + "'"))
                .containsExactly(Map.of("status", "pending", "checks", 0));
        assertThat(testDb.count("SELECT count(*) FROM link_checks")).isEqualTo(1);
        assertThat(testDb.count("SELECT count(*) FROM link_placements WHERE id = '" + due
                        + "' AND next_check_at > now() + interval '23 hours'"))
                .isEqualTo(1);
        JsonNode result = result(job);
        assertThat(result.path("links_checked").asInt()).isEqualTo(1);
        assertThat(result.path("by_status").path("live").asInt()).isEqualTo(1);

        String named = runningJob("{\"ids\": [\"" + later + "\"]}");
        runAsJob("direct:check_links-job", jobVariables(named));
        assertThat(testDb.rowsOf("SELECT status, checks FROM link_placements WHERE id = '" + later + "'"))
                .containsExactly(Map.of("status", "missing", "checks", 1));
        assertThat(result(named).path("by_status").path("missing").asInt()).isEqualTo(1);

        // nothing due: the job completes with an empty result
        String idle = runningJob("{}");
        runAsJob("direct:check_links-job", jobVariables(idle));
        assertThat(result(idle).path("links_checked").asInt()).isZero();
    }

    @Test
    void theScheduleEnqueuesOneCheckLinksJobWhenAPlacementIsDueAndNoSecondWhileItWaits() throws Exception {
        AdviceWith.adviceWith(context, "scheduled-link-checks", a -> a.replaceFromWith("direct:fire-link-checks"));
        context.start();
        testDb.execute("INSERT INTO campaigns (name, site_url) VALUES ('shoes', 'https://oursite.test')");
        String prospect = testDb.rowsOf("INSERT INTO prospects (domain, campaign_id) SELECT 'blog.example', id FROM"
                        + " campaigns WHERE name = 'shoes' RETURNING id::text AS id")
                .get(0)
                .get("id")
                .toString();
        link(prospect, "/with-link", "now() + interval '1 day'");

        template.sendBody("direct:fire-link-checks", null);
        assertThat(testDb.count("SELECT count(*) FROM jobs")).as("nothing due").isZero();

        link(prospect, "/without-link", "now() - interval '1 second'");
        template.sendBody("direct:fire-link-checks", null);
        template.sendBody("direct:fire-link-checks", null);

        List<Map<String, Object>> jobs = testDb.rowsOf("SELECT job_type, origin, status FROM jobs");
        assertThat(jobs)
                .containsExactly(
                        Map.of("job_type", "check_links", "origin", "schedule:check_links", "status", "pending"));
    }

    private String link(String prospect, String path, String nextCheck) {
        return testDb.rowsOf("INSERT INTO link_placements (prospect_id, url, target, next_check_at) VALUES ('"
                        + prospect + "', '" + site.url(path) + "', 'https://oursite.test', " + nextCheck
                        + ") RETURNING id::text AS id")
                .get(0)
                .get("id")
                .toString();
    }

    private Map<String, Object> jobVariables(String job) {
        var variables = new HashMap<String, Object>();
        variables.put("jobId", job);
        variables.put("jobType", "check_links");
        variables.put(
                "jobParams",
                testDb.rowsOf("SELECT params::text AS p FROM jobs WHERE id = '" + job + "'")
                        .get(0)
                        .get("p"));
        variables.put("worker", WORKER);
        variables.put("leaseSeconds", "60");
        return variables;
    }

    /** A check_links job as its worker holds it. */
    private String runningJob(String params) {
        return testDb.rowsOf("INSERT INTO jobs (job_type, params, origin, status, claimed_by, started_at) VALUES"
                        + " ('check_links', '" + params + "', 'test', 'running', '" + WORKER
                        + "', now()) RETURNING id::text AS id")
                .get(0)
                .get("id")
                .toString();
    }

    private JsonNode result(String job) throws Exception {
        return JSON.readTree(testDb.rowsOf("SELECT result::text AS r FROM jobs WHERE id = '" + job + "'")
                .get(0)
                .get("r")
                .toString());
    }
}

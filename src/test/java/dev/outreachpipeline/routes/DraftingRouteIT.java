package dev.outreachpipeline.routes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreachpipeline.testsupport.Rows;
import java.util.Map;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

/**
 * Proves routes/40-drafting.camel.yaml: a draft job turns enriched prospects into drafts and counts
 * them into the job's result. The between-steps job check (10-jobs) is not under test: a mock stands in.
 */
class DraftingRouteIT extends RouteTestSupport {

    @Override
    protected String[] routeFiles() {
        return new String[] {"10-jobs", "40-drafting"};
    }

    @Override
    protected String[] environment() {
        return new String[] {"OUTREACH_SENDER_NAME", "Sam Sender"};
    }

    @Test
    void enrichedProspectsBecomeDraftedAndTheJobCountsThem() throws Exception {
        AdviceWith.adviceWith(
                context,
                "draft-job",
                a -> a.weaveByToUri("direct:check-job").replace().to("mock:check-job"));
        context.start();
        String prospect = testDb.rowsOf(
                        "INSERT INTO prospects (domain, page_url, page_title, contact_email, contact_method,"
                                + " contact_name, outreach_status, score) VALUES ('garden.example', 'https://garden.example/p', 'A title',"
                                + " 'ed@garden.example', 'hunter_personal', 'Ann', 'enriched', 50) RETURNING id::text AS id")
                .get(0)
                .get("id")
                .toString();
        String job = testDb.rowsOf("INSERT INTO jobs (job_type, params, origin, status, claimed_by) VALUES"
                        + " ('draft', '{}', 'test', 'running', 'worker-1') RETURNING id::text AS id")
                .get(0)
                .get("id")
                .toString();
        MockEndpoint checks = getMockEndpoint("mock:check-job");
        checks.expectedMinimumMessageCount(1);

        runAsJob("direct:draft-job", Map.of("jobId", job, "worker", "worker-1"));

        checks.assertIsSatisfied();
        Map<String, Object> row = Rows.of(
                        testDb, "(SELECT id, outreach_status, draft_subject, draft_body FROM prospects)")
                .get(prospect);
        assertThat(row).containsEntry("outreach_status", "drafted");
        assertThat((String) row.get("draft_body")).contains("Ann").contains("Sam Sender");
        assertThat(testDb.rowsOf("SELECT result::text AS r FROM jobs")
                        .get(0)
                        .get("r")
                        .toString())
                .contains("\"drafted\": 1");
    }
}

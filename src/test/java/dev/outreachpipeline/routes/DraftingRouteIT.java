package dev.outreachpipeline.routes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreachpipeline.testsupport.Rows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves routes/40-drafting.camel.yaml: a draft job turns enriched prospects into drafts, each in its
 * campaign's pitch, and counts them into the job's result. The between-steps job check (10-jobs) is
 * not under test: a mock stands in.
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

    @TempDir
    Path tmp;

    private String campaign(String name, String site, Path templates) {
        return testDb.rowsOf("INSERT INTO campaigns (name, site_url, templates_dir) VALUES ('" + name + "', "
                        + (site == null ? "NULL" : "'" + site + "'") + ", '" + templates
                        + "') RETURNING id::text AS id")
                .get(0)
                .get("id")
                .toString();
    }

    private String enriched(String domain, String campaignId) {
        return testDb.rowsOf("INSERT INTO prospects (domain, contact_email, contact_method, contact_name,"
                        + " outreach_status, score, campaign_id) VALUES ('" + domain + "', 'ed@" + domain
                        + "', 'hunter_personal', 'Ann', 'enriched', 50, '" + campaignId + "') RETURNING id::text AS id")
                .get(0)
                .get("id")
                .toString();
    }

    @Test
    void eachCampaignDraftsWithItsOwnTemplatesAndSiteAndABrokenOneFailsOnlyItsOwn() throws Exception {
        AdviceWith.adviceWith(
                context,
                "draft-job",
                a -> a.weaveByToUri("direct:check-job").replace().to("mock:check-job"));
        context.start();
        Path acmeDir = Files.createDirectories(tmp.resolve("acme"));
        Files.writeString(acmeDir.resolve("subject.ftl"), "Acme: ${domain} x ${targetDomain}");
        Files.writeString(
                acmeDir.resolve("body.txt.ftl"),
                "${greeting}\nAcme (${campaignName}) wants a link to ${targetSite}. It writes guest posts for"
                        + " gardens.\n");
        Path boltDir = Files.createDirectories(tmp.resolve("bolt"));
        // bolt changes only its subject: its body is the global one, with bolt's site in it
        Files.writeString(boltDir.resolve("subject.ftl"), "Bolt for ${domain}");
        String acme = enriched("garden.example", campaign("acme", "https://www.acme.example/shop", acmeDir));
        String bolt = enriched("tools.example", campaign("bolt", "https://bolt.example", boltDir));
        Path gone = tmp.resolve("gone");
        String lost = enriched("lost.example", campaign("lost", null, gone));
        String job = testDb.rowsOf("INSERT INTO jobs (job_type, params, origin, status, claimed_by) VALUES"
                        + " ('draft', '{}', 'test', 'running', 'worker-1') RETURNING id::text AS id")
                .get(0)
                .get("id")
                .toString();

        runAsJob("direct:draft-job", Map.of("jobId", job, "worker", "worker-1"));

        Map<String, Map<String, Object>> rows =
                Rows.of(testDb, "(SELECT id, outreach_status, draft_subject, draft_body, last_error FROM prospects)");
        assertThat(rows.get(acme))
                .containsEntry("outreach_status", "drafted")
                .containsEntry("draft_subject", "Acme: garden.example x acme.example")
                .containsEntry(
                        "draft_body",
                        "Hi Ann,\nAcme (acme) wants a link to https://www.acme.example/shop. It writes guest posts for"
                                + " gardens.\n");
        assertThat(rows.get(bolt))
                .containsEntry("outreach_status", "drafted")
                .containsEntry("draft_subject", "Bolt for tools.example");
        assertThat((String) rows.get(bolt).get("draft_body"))
                .contains("Would you be open to a guest post on tools.example?")
                .contains("ask only for one link to bolt.example in it.");
        assertThat(rows.get(lost))
                .containsEntry("outreach_status", "draft_failed")
                .containsEntry(
                        "last_error",
                        "the templates directory " + gone + " of campaign 'lost' does not exist or is not a directory;"
                                + " restore it, or change it with `outreach campaign update lost --templates DIR`"
                                + " (--templates \"\" for the global templates)");
        String result = testDb.rowsOf("SELECT result::text AS r FROM jobs")
                .get(0)
                .get("r")
                .toString();
        assertThat(result).contains("\"drafted\": 2").contains("\"draft_failed\": 1");
    }
}

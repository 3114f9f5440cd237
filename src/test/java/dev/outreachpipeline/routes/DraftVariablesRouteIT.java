package dev.outreachpipeline.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.hash.Hashing;
import dev.outreachpipeline.drafting.DraftContext;
import dev.outreachpipeline.testsupport.CliRun;
import dev.outreachpipeline.testsupport.Rows;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves routes/40-drafting.camel.yaml gives a draft template every variable a pitch may use, each
 * read from what discovery and enrichment stored on a real prospect row (the SERP item, Hunter's
 * answer, the discovery query, the campaign) and cleaned: title and site name split, entities
 * decoded, tracking parameters removed, hostile text kept as (escaped) text.
 */
class DraftVariablesRouteIT extends RouteTestSupport {

    @TempDir
    Path tmp;

    @Override
    protected String[] routeFiles() {
        return new String[] {"10-jobs", "40-drafting"};
    }

    @Override
    protected String[] environment() {
        return new String[] {
            "OUTREACH_SENDER_NAME", "Sam Sender",
            "OUTREACH_SENDER_SIGNATURE", "Sam Sender\nGuest writer, Acme",
            "OUTREACH_DRAFTS_HTML", "true"
        };
    }

    @Test
    void aTemplateUsingEveryVariableRendersEachFromTheProspectRow() throws Exception {
        AdviceWith.adviceWith(
                context,
                "draft-job",
                a -> a.weaveByToUri("direct:check-job").replace().to("mock:check-job"));
        context.start();
        Path dir = Files.createDirectories(tmp.resolve("acme"));
        String every =
                DraftContext.VARIABLES.stream().map(v -> v + "=[${" + v + "}]").collect(Collectors.joining("\n"));
        Files.writeString(dir.resolve("subject.ftl"), "${siteName}: ${pageTitle} (#${rank}, step ${step})");
        Files.writeString(
                dir.resolve("body.txt.ftl"),
                every
                        + "\ncampaignName=[${campaignName}]\ntargetSite=[${targetSite}]\ntargetDomain=[${targetDomain}]\n");
        Files.writeString(
                dir.resolve("body.html.ftl"),
                "<p>${pageTitle} ${snippet}</p><p><#list senderSignature?split(\"\\n\") as l>${l}<br></#list></p>");
        String campaign = testDb.rowsOf("INSERT INTO campaigns (name, site_url, templates_dir) VALUES ('acme',"
                        + " 'https://www.acme.example/shop', '" + dir + "') RETURNING id::text AS id")
                .get(0)
                .get("id")
                .toString();
        String job = testDb.rowsOf("INSERT INTO jobs (job_type, params, origin, status, claimed_by) VALUES"
                        + " ('draft', '{}', 'test', 'running', 'worker-1') RETURNING id::text AS id")
                .get(0)
                .get("id")
                .toString();
        String query = testDb.rowsOf("INSERT INTO discovery_queries (job_id, keyword, location) VALUES ('" + job
                        + "', 'shade plants', 'United States') RETURNING id::text AS id")
                .get(0)
                .get("id")
                .toString();
        String prospect = testDb.rowsOf("INSERT INTO prospects (domain, page_url, page_title, dataforseo_payload,"
                        + " hunter_payload, contact_email, contact_method, contact_name, outreach_status, score,"
                        + " discovery_query_id, campaign_id) VALUES ('greenthumb.example',"
                        + " 'https://greenthumb.example/shade?id=7&utm_source=news&gclid=abc&page=2',"
                        + " E'Ten shade plants &amp; <script>x</script>\\n  that  thrive | Green Thumb',"
                        + " '{\"type\": \"organic\", \"rank_absolute\": 4,"
                        + "   \"description\": \"Plants that grow\\nwithout sun &amp; more.\"}',"
                        + " '{\"domain\": \"greenthumb.example\", \"emails\": ["
                        + "   {\"value\": \"other@greenthumb.example\", \"first_name\": \"Bo\", \"position\": \"Owner\"},"
                        + "   {\"value\": \"Ana@greenthumb.example\", \"first_name\": \"Ana\", \"last_name\": \"Lima\","
                        + "    \"position\": \"Senior Editor\"}]}',"
                        + " 'ana@greenthumb.example', 'hunter_personal', 'Ana', 'enriched', 50, '" + query + "', '"
                        + campaign + "') RETURNING id::text AS id")
                .get(0)
                .get("id")
                .toString();

        runAsJob("direct:draft-job", Map.of("jobId", job, "worker", "worker-1"));

        Map<String, Object> row = Rows.of(
                        testDb,
                        "(SELECT id, outreach_status, draft_subject, draft_body, draft_html, last_error FROM prospects)")
                .get(prospect);
        assertThat(row).containsEntry("outreach_status", "drafted").containsEntry("last_error", null);
        assertThat(row.get("draft_subject"))
                .isEqualTo("Green Thumb: Ten shade plants & <script>x</script> that thrive (#4, step 0)");
        assertThat(row.get("draft_body")).isEqualTo("""
                        greeting=[Hi Ana,]
                        firstName=[Ana]
                        fullName=[Ana Lima]
                        position=[Senior Editor]
                        contactEmail=[ana@greenthumb.example]
                        domain=[greenthumb.example]
                        siteName=[Green Thumb]
                        pageTitle=[Ten shade plants & <script>x</script> that thrive]
                        pageUrl=[https://greenthumb.example/shade?id=7&page=2]
                        snippet=[Plants that grow without sun & more.]
                        keyword=[shade plants]
                        location=[United States]
                        rank=[4]
                        senderName=[Sam Sender]
                        senderSignature=[Sam Sender
                        Guest writer, Acme]
                        step=[0]
                        campaignName=[acme]
                        targetSite=[https://www.acme.example/shop]
                        targetDomain=[acme.example]
                        """);
        assertThat(row.get("draft_html"))
                .isEqualTo("<p>Ten shade plants &amp; &lt;script&gt;x&lt;/script&gt; that thrive"
                        + " Plants that grow without sun &amp; more.</p><p>Sam Sender<br>Guest writer, Acme<br></p>");
    }

    /** The index murmur3_32 (fixed) of the domain gives among {@code count} variants: pinned here on purpose. */
    private static int variantOf(String domain, int count) {
        return Math.floorMod(
                Hashing.murmur3_32_fixed()
                        .hashString(domain, StandardCharsets.UTF_8)
                        .asInt(),
                count);
    }

    @Test
    void eachProspectGetsOneSubjectVariantByItsDomainARedraftKeepsItAndProspectsShowSaysWhich() throws Exception {
        AdviceWith.adviceWith(
                context,
                "draft-job",
                a -> a.weaveByToUri("direct:check-job").replace().to("mock:check-job"));
        context.start();
        Path dir = Files.createDirectories(tmp.resolve("variants"));
        Files.writeString(dir.resolve("subject.ftl"), "Zero for ${domain}\n\nOne for ${domain}\nTwo\n");
        String campaign = testDb.rowsOf("INSERT INTO campaigns (name, templates_dir) VALUES ('variants', '" + dir
                        + "') RETURNING id::text AS id")
                .get(0)
                .get("id")
                .toString();
        Map<String, String> ids = new java.util.LinkedHashMap<>();
        for (String domain : new String[] {"a.example", "b.example", "c.example", "d.example", "e.example"}) {
            ids.put(
                    domain,
                    testDb.rowsOf("INSERT INTO prospects (domain, contact_email, contact_method, contact_name,"
                                    + " outreach_status, score, campaign_id) VALUES ('" + domain + "', 'ed@" + domain
                                    + "', 'hunter_personal', 'Ann', 'enriched', 50, '" + campaign
                                    + "') RETURNING id::text AS id")
                            .get(0)
                            .get("id")
                            .toString());
        }
        // the five domains fall on more than one line, so the rows below prove a choice, not a constant
        assertThat(ids.keySet().stream().map(d -> variantOf(d, 3)).distinct().count())
                .isGreaterThan(1);
        String sql = "(SELECT id, outreach_status, draft_subject, draft_subject_variant, draft_subject_variant_text"
                + " FROM prospects)";

        for (int round = 0; round < 2; round++) {
            String job = testDb.rowsOf("INSERT INTO jobs (job_type, params, origin, status, claimed_by) VALUES"
                            + " ('draft', '{}', 'test', 'running', 'worker-1') RETURNING id::text AS id")
                    .get(0)
                    .get("id")
                    .toString();
            runAsJob("direct:draft-job", Map.of("jobId", job, "worker", "worker-1"));

            Map<String, Map<String, Object>> rows = Rows.of(testDb, sql);
            for (var e : ids.entrySet()) {
                int variant = variantOf(e.getKey(), 3);
                String subject =
                        variant == 0 ? "Zero for " + e.getKey() : variant == 1 ? "One for " + e.getKey() : "Two";
                assertThat(rows.get(e.getValue()))
                        .as(e.getKey())
                        .containsEntry("outreach_status", "drafted")
                        .containsEntry("draft_subject", subject)
                        .containsEntry("draft_subject_variant_text", subject);
                assertThat(((Number) rows.get(e.getValue()).get("draft_subject_variant")).intValue())
                        .isEqualTo(variant);
            }
            if (round == 1) {
                break;
            }
            // a redraft, as `prospects redraft --campaign` does it, and the next job draws the same variants
            assertThat(CliRun.run(
                                    testDb.env("OUTREACH_MANAGEMENT_ENABLED", "false"),
                                    "prospects",
                                    "redraft",
                                    "--campaign",
                                    "variants")
                            .exitCode())
                    .isZero();
            assertThat(Rows.of(testDb, sql).get(ids.get("a.example"))).containsEntry("draft_subject_variant", null);
        }

        String a = ids.get("a.example");
        testDb.execute(
                "UPDATE prospects SET outreach_status = 'drafted', draft_subject = 'S', draft_subject_variant = 2,"
                        + " draft_subject_variant_text = 'Two' WHERE id = '" + a + "'");
        CliRun show = CliRun.run(testDb.env("OUTREACH_MANAGEMENT_ENABLED", "false"), "prospects", "show", a);
        assertThat(show.out()).as(show.err()).contains("Subject variant: 2 (Two)");
        CliRun json = CliRun.run(testDb.env("OUTREACH_MANAGEMENT_ENABLED", "false"), "prospects", "show", a, "--json");
        assertThat(json.out())
                .contains("\"draft_subject_variant\" : 2,")
                .contains("\"draft_subject_variant_text\" : \"Two\"");
    }
}

package dev.outreachpipeline.enrichment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outreachpipeline.testsupport.CliRun;
import dev.outreachpipeline.testsupport.Fixtures;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Enrich jobs against a WireMock Hunter, through the real routes, from discovered prospects to drafts. */
class EnrichmentIT {

    private static final String MIXED = "hunter/domain-search-mixed.json";

    private final EnrichmentTestBed bed = new EnrichmentTestBed();

    @AfterEach
    void stop() {
        bed.close();
    }

    @Test
    void eachProspectGetsTheContactTheRulesChooseAScoreAndADraft() {
        String garden = bed.prospect("gardenblog.com", 2);
        String empty = bed.prospect("quietsite.org", 7);
        bed.searchAnswers("gardenblog.com", 200, MIXED);
        bed.searchAnswersFor("quietsite.org", "hunter/hunter-domain-search-no-emails.json", "quietsite.org");
        String job = bed.enrichJob();

        CliRun run = bed.runOnce();

        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, Object> p = bed.prospectRow(garden);
        assertThat(p)
                .containsEntry("outreach_status", "drafted")
                .containsEntry("contact_email", "sarah.whitfield@gardenblog.com")
                .containsEntry("contact_method", "hunter_personal")
                .containsEntry("contact_name", "Sarah");
        assertThat((String) p.get("contact_reason")).containsIgnoringCase("editor");
        assertThat((String) p.get("hunter_payload"))
                .contains("sarah.whitfield@gardenblog.com")
                .contains("\"emails\"")
                .doesNotContain("\"meta\"");
        assertThat(new java.math.BigDecimal(p.get("score").toString())).isGreaterThan(java.math.BigDecimal.valueOf(50));
        assertThat((String) p.get("draft_subject")).isNotBlank();
        assertThat((String) p.get("draft_body")).contains("Sarah").contains("Sam Sender");

        Map<String, Object> none = bed.prospectRow(empty);
        assertThat(none).containsEntry("outreach_status", "no_email");
        assertThat(none.get("contact_email")).isNull();
        assertThat((String) none.get("contact_reason")).isNotBlank();
        assertThat(bed.searchesFor("gardenblog.com")).isEqualTo(1);
        assertThat(bed.searchesFor("quietsite.org")).isEqualTo(1);
        assertThat((String) bed.job(job).get("result"))
                .contains("\"enriched\": 1", "\"no_email\": 1", "\"provider_calls\": 2");
        assertThat(bed.db.count("SELECT count(*) FROM jobs WHERE job_type = 'draft' AND status = 'completed'"))
                .isEqualTo(1);

        CliRun list = CliRun.run(bed.env(), "prospects", "list");
        assertThat(list.out().indexOf("gardenblog.com")).isLessThan(list.out().indexOf("quietsite.org"));
        assertThat(CliRun.run(bed.env(), "prospects", "show", garden).out())
                .contains("sarah.whitfield@gardenblog.com")
                .contains("why")
                .contains("Subject:");
    }

    @Test
    void aRateLimitStormIsWaitedOutWithoutFailingTheProspect() {
        String id = bed.prospect("gardenblog.com", 1);
        for (int i = 0; i < 3; i++) {
            bed.hunter.stubFor(EnrichmentTestBed.search("gardenblog.com")
                    .inScenario("storm")
                    .whenScenarioStateIs(i == 0 ? STARTED : "403-" + i)
                    .willReturn(aResponse()
                            .withStatus(403)
                            .withBody(Fixtures.read("hunter/hunter-error-403-rate-limit.json")))
                    .willSetStateTo("403-" + (i + 1)));
        }
        bed.hunter.stubFor(EnrichmentTestBed.search("gardenblog.com")
                .inScenario("storm")
                .whenScenarioStateIs("403-3")
                .willReturn(aResponse().withStatus(200).withBody(Fixtures.read(MIXED))));
        bed.enrichJob();

        assertThat(bed.runOnce().exitCode()).isZero();

        assertThat(bed.prospectRow(id)).containsEntry("contact_email", "sarah.whitfield@gardenblog.com");
        assertThat(bed.searchesFor("gardenblog.com")).isEqualTo(4);
    }

    @Test
    void aSpentQuotaStopsCallingHunterAndTheJobResumesAfterTheResetDate() {
        String a = bed.prospect("alpha.com", 1);
        String b = bed.prospect("beta.com", 2);
        String c = bed.prospect("gamma.com", 3);
        bed.hunter.stubFor(get(urlPathEqualTo(EnrichmentTestBed.SEARCH))
                .willReturn(aResponse()
                        .withStatus(429)
                        .withBody(Fixtures.read("hunter/hunter-error-429-usage-limit.json"))));
        bed.hunter.stubFor(get(urlPathEqualTo("/v2/account"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withBody(Fixtures.read("hunter/hunter-account.json").replace("2025-12-14", "2031-01-01"))));
        String job = bed.enrichJob();

        assertThat(bed.runOnce().exitCode()).isZero();

        Map<String, Object> waiting = bed.job(job);
        assertThat(waiting).containsEntry("status", "pending");
        assertThat(String.valueOf(waiting.get("run_after"))).startsWith("2031-01-01");
        assertThat((String) waiting.get("error_message")).contains("quota").contains("2031-01-01");
        // lookups run side by side: those already in flight when the first 429 came back were refused too, none after
        int refused = bed.searchesFor("alpha.com") + bed.searchesFor("beta.com") + bed.searchesFor("gamma.com");
        assertThat(refused).isBetween(1, 3);
        assertThat(bed.searchesFor("alpha.com")).isLessThanOrEqualTo(1);
        assertThat(bed.searchesFor("beta.com")).isLessThanOrEqualTo(1);
        assertThat(bed.searchesFor("gamma.com")).isLessThanOrEqualTo(1);
        for (String id : new String[] {a, b, c}) {
            assertThat(bed.prospectRow(id))
                    .containsEntry("outreach_status", "pending")
                    .containsEntry("hunter_payload", null);
        }
        assertThat(bed.db.count(
                        "SELECT count(*) FROM provider_pauses WHERE provider = 'hunter' AND until >= '2031-01-01'"))
                .isEqualTo(1);

        // The reset date has come.
        bed.db.execute("UPDATE provider_pauses SET until = now() - interval '1 second'");
        bed.db.execute("UPDATE jobs SET run_after = now() - interval '1 second' WHERE id = '" + job + "'");
        for (String domain : new String[] {"alpha.com", "beta.com", "gamma.com"}) {
            bed.searchAnswersFor(domain, "hunter/hunter-domain-search-no-emails.json", domain);
        }

        assertThat(bed.runOnce().exitCode()).isZero();

        assertThat(bed.job(job)).containsEntry("status", "completed");
        // the refused calls before the pause, then one call per domain
        assertThat(bed.searchesFor("alpha.com") + bed.searchesFor("beta.com") + bed.searchesFor("gamma.com"))
                .isEqualTo(refused + 3);
        assertThat(bed.prospectRow(c)).containsEntry("outreach_status", "no_email");
    }

    @Test
    void prospectsAreLookedUpSideBySideUpToTheConfiguredConcurrency() {
        bed.with("OUTREACH_HUNTER_CONCURRENCY", "4").with("OUTREACH_HUNTER_VERIFY", "false");
        String[] domains = {"alpha.com", "beta.com", "gamma.com", "delta.com"};
        for (int i = 0; i < domains.length; i++) {
            bed.prospect(domains[i], i + 1);
            bed.hunter.stubFor(EnrichmentTestBed.search(domains[i])
                    .willReturn(aResponse()
                            .withStatus(200)
                            .withHeader("Content-Type", "application/json")
                            .withFixedDelay(1500)
                            .withBody(Fixtures.read("hunter/hunter-domain-search-no-emails.json")
                                    .replace("rusticnestdesigns.com", domains[i]))));
        }
        String job = bed.enrichJob();

        assertThat(bed.runOnce().exitCode()).isZero();

        assertThat(bed.job(job)).containsEntry("status", "completed");
        var arrivals = bed.hunter.getAllServeEvents().stream()
                .map(e -> e.getRequest().getLoggedDate().getTime())
                .sorted()
                .toList();
        assertThat(arrivals).hasSize(4);
        // one after the other, each lookup would start only once the previous answer (1.5 s later) was in
        assertThat(arrivals.get(3) - arrivals.get(0))
                .as("all four asked before the first answer came back")
                .isLessThan(1500);
    }

    @Test
    void aRejectedKeyFailsTheJobAtOnce() {
        String id = bed.prospect("alpha.com", 1);
        bed.prospect("beta.com", 2);
        bed.hunter.stubFor(get(urlPathEqualTo(EnrichmentTestBed.SEARCH))
                .willReturn(aResponse()
                        .withStatus(401)
                        .withBody(Fixtures.read("hunter/hunter-error-401-authentication-failed.json"))));
        String job = bed.enrichJob();

        assertThat(bed.runOnce().exitCode()).isZero();

        assertThat(bed.job(job)).containsEntry("status", "failed");
        assertThat((String) bed.job(job).get("error_message"))
                .contains("Hunter rejected the API key")
                .doesNotContain(EnrichmentTestBed.KEY);
        // lookups run side by side: at most the other one was already in flight when the 401 came back
        assertThat(bed.hunter
                        .countRequestsMatching(getRequestedFor(urlPathEqualTo(EnrichmentTestBed.SEARCH))
                                .build())
                        .getCount())
                .isBetween(1, 2);
        assertThat(bed.db.count(
                        "SELECT count(*) FROM prospects WHERE outreach_status = 'pending' AND hunter_payload IS NULL"))
                .isEqualTo(2);
    }

    @Test
    void aPersonWhoAskedNotToBeProcessedIsMarkedDoNotContact() {
        String id = bed.prospect("private.example", 1);
        bed.searchAnswers("private.example", 451, "hunter/domain-search-451.json");
        bed.enrichJob();

        assertThat(bed.runOnce().exitCode()).isZero();

        assertThat(bed.prospectRow(id))
                .containsEntry("outreach_status", "do_not_contact")
                .containsEntry("contact_email", null);
    }

    @Test
    void verificationSkipsAnInvalidAddressAndWaitsOutAPendingOne() {
        bed.with("OUTREACH_HUNTER_VERIFY", "true");
        String id = bed.prospect("gardenblog.com", 1);
        bed.searchAnswers("gardenblog.com", 200, MIXED);
        verifier(
                "sarah.whitfield@gardenblog.com",
                200,
                Fixtures.read("hunter/hunter-email-verifier-valid.json").replace("\"valid\"", "\"invalid\""));
        bed.hunter.stubFor(verifierCall("priya.nair@gardenblog.com")
                .inScenario("verify")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(202).withBody("{\"data\": {}}"))
                .willSetStateTo("done"));
        bed.hunter.stubFor(verifierCall("priya.nair@gardenblog.com")
                .inScenario("verify")
                .whenScenarioStateIs("done")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withBody(Fixtures.read("hunter/hunter-email-verifier-accept-all.json"))));
        bed.enrichJob();

        assertThat(bed.runOnce().exitCode()).isZero();

        assertThat(bed.prospectRow(id))
                .containsEntry("contact_email", "priya.nair@gardenblog.com")
                .containsEntry("contact_verification", "accept_all");
    }

    @Test
    void anInconclusiveVerificationIsAcceptedAndFlagged() {
        bed.with("OUTREACH_HUNTER_VERIFY", "true").with("OUTREACH_HUNTER_VERIFIER_CHECKS", "2");
        String id = bed.prospect("gardenblog.com", 1);
        bed.searchAnswers("gardenblog.com", 200, MIXED);
        verifier(
                "sarah.whitfield@gardenblog.com",
                222,
                "{\"errors\": [{\"id\": \"verification_failed\", \"code\": 222,"
                        + " \"details\": \"The remote SMTP server did not answer\"}]}");

        assertThat(bed.runOnceWithEnrichJob().exitCode()).isZero();

        assertThat(bed.prospectRow(id)).containsEntry("contact_email", "sarah.whitfield@gardenblog.com");
        assertThat((String) bed.prospectRow(id).get("contact_verification")).startsWith("unknown");
    }

    @Test
    void twoJobsAndTwoWorkersCallHunterExactlyOncePerDomain() {
        bed.with("OUTREACH_JOBS_WORKERS", "2").with("OUTREACH_ENRICHMENT_BATCH_SIZE", "3");
        var domains = new ArrayList<String>();
        for (int i = 0; i < 12; i++) {
            String domain = "site" + i + ".com";
            domains.add(domain);
            bed.prospect(domain, i + 1);
            bed.hunter.stubFor(EnrichmentTestBed.search(domain)
                    .willReturn(aResponse()
                            .withStatus(200)
                            .withFixedDelay(100)
                            .withBody(Fixtures.read("hunter/hunter-domain-search-no-emails.json"))));
        }
        bed.enrichJob();
        bed.enrichJob();

        assertThat(bed.runOnce().exitCode()).isZero();

        for (String domain : domains) {
            assertThat(bed.searchesFor(domain)).as(domain).isEqualTo(1);
        }
        assertThat(bed.db.count("SELECT count(*) FROM prospects WHERE outreach_status = 'no_email'"))
                .isEqualTo(12);
        assertThat(bed.db.count("SELECT count(DISTINCT claimed_by) FROM jobs WHERE job_type = 'enrich'"))
                .isEqualTo(2);
    }

    private void verifier(String email, int status, String body) {
        bed.hunter.stubFor(
                verifierCall(email).willReturn(aResponse().withStatus(status).withBody(body)));
    }

    private static com.github.tomakehurst.wiremock.client.MappingBuilder verifierCall(String email) {
        return get(urlPathEqualTo(EnrichmentTestBed.VERIFIER))
                .withQueryParam("email", com.github.tomakehurst.wiremock.client.WireMock.equalTo(email));
    }
}

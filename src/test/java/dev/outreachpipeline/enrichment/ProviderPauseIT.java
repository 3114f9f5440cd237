package dev.outreachpipeline.enrichment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outreachpipeline.testsupport.CliRun;
import dev.outreachpipeline.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A spent Hunter quota part-way through an enrich job, against a WireMock Hunter: what was enriched
 * before it is drafted at once, the pause reads as one sentence, and {@code provider pause list /
 * clear} show and lift it.
 */
class ProviderPauseIT {

    private final EnrichmentTestBed bed = new EnrichmentTestBed()
            // one prospect a batch, in claim order: alpha is found, then beta meets the spent quota
            .with("OUTREACH_ENRICHMENT_BATCH_SIZE", "1");

    @AfterEach
    void stop() {
        bed.close();
    }

    private String quotaSpentAfterAlpha() {
        bed.searchAnswersFor("alpha.com", "hunter/domain-search-mixed.json", "gardenblog.com");
        bed.hunter.stubFor(EnrichmentTestBed.search("beta.com")
                .willReturn(aResponse()
                        .withStatus(429)
                        .withBody(Fixtures.read("hunter/hunter-error-429-usage-limit.json"))));
        bed.hunter.stubFor(get(urlPathEqualTo("/v2/account"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withBody(Fixtures.read("hunter/hunter-account.json").replace("2025-12-14", "2031-01-01"))));
        return bed.enrichJob();
    }

    @Test
    void whatWasEnrichedBeforeTheQuotaRanOutIsDraftedWhileEnrichmentWaits() {
        String alpha = bed.prospect("alpha.com", 1);
        String beta = bed.prospect("beta.com", 2);
        String enrich = quotaSpentAfterAlpha();

        CliRun run = bed.runOnce();

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(bed.job(enrich)).containsEntry("status", "pending");
        assertThat(bed.prospectRow(alpha)).containsEntry("outreach_status", "drafted");
        assertThat((String) bed.prospectRow(alpha).get("draft_body")).contains("Sam Sender");
        assertThat(bed.prospectRow(beta)).containsEntry("outreach_status", "pending");
        assertThat(bed.db.count("SELECT count(*) FROM jobs WHERE job_type = 'draft' AND status = 'completed'"
                        + " AND origin = 'chained:" + enrich + "'"))
                .isEqualTo(1);
    }

    @Test
    void theQuotaMessageSaysEachThingOnce() {
        bed.prospect("alpha.com", 1);
        bed.prospect("beta.com", 2);
        String enrich = quotaSpentAfterAlpha();

        assertThat(bed.runOnce().exitCode()).isZero();

        String message = (String) bed.job(enrich).get("error_message");
        assertThat(message)
                .startsWith(
                        "Hunter's quota for the billing period is spent (HTTP 429, too_many_requests: You've reached")
                .contains("Enrichment resumes after 2031-01-01 (the account's reset date)")
                .contains("outreach provider pause clear hunter");
        assertThat(message.split("quota for", -1)).hasSize(2);
        assertThat(message.split("You've reached", -1)).hasSize(2);
    }

    @Test
    void aPauseIsListedAndClearingItLetsTheWaitingJobRunAtOnce() throws Exception {
        bed.prospect("alpha.com", 1);
        String beta = bed.prospect("beta.com", 2);
        String enrich = quotaSpentAfterAlpha();
        assertThat(bed.runOnce().exitCode()).isZero();

        CliRun list = CliRun.run(bed.env(), "provider", "pause", "list");
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out())
                .startsWith("hunter")
                .contains("until 2031-01-01 00:00 UTC")
                .contains("(set ")
                .contains("Hunter's quota for the billing period is spent");
        assertThat(list.err()).contains("1 provider pause(s) in force");

        CliRun json = CliRun.run(bed.env(), "provider", "pause", "list", "--json");
        JsonNode pauses = new ObjectMapper().readTree(json.out());
        assertThat(pauses).hasSize(1);
        assertThat(pauses.get(0).get("provider").asText()).isEqualTo("hunter");
        assertThat(pauses.get(0).get("until").asText()).startsWith("2031-01-01");
        assertThat(pauses.get(0).get("reason").asText()).contains("quota");
        assertThat(pauses.get(0).get("set_at").asText()).isNotBlank();

        CliRun clear = CliRun.run(bed.env(), "provider", "pause", "clear", "hunter");
        assertThat(clear.exitCode()).as(clear.err()).isZero();
        assertThat(clear.out())
                .contains("Hunter is no longer paused; 1 waiting enrich job(s) run at the daemon's next poll.");
        assertThat(bed.db.count("SELECT count(*) FROM provider_pauses")).isZero();
        assertThat(CliRun.run(bed.env(), "provider", "pause", "list").err()).contains("No provider is paused.");
        assertThat(CliRun.run(bed.env(), "provider", "pause", "list", "--json")
                        .out()
                        .strip())
                .isEqualTo("[ ]");

        // The plan was raised: the job does not wait for 2031.
        bed.searchAnswersFor("beta.com", "hunter/hunter-domain-search-no-emails.json", "beta.com");
        assertThat(bed.runOnce().exitCode()).isZero();
        assertThat(bed.job(enrich)).containsEntry("status", "completed");
        assertThat(bed.prospectRow(beta)).containsEntry("outreach_status", "no_email");
    }

    @Test
    void clearingAProviderThatIsNotPausedOrUnknownSaysSo() {
        CliRun dataForSeo = CliRun.run(bed.env(), "provider", "pause", "clear", "dataforseo");
        assertThat(dataForSeo.exitCode()).as(dataForSeo.err()).isZero();
        assertThat(dataForSeo.out()).contains("DataForSEO was not paused.");

        CliRun unknown = CliRun.run(bed.env(), "provider", "pause", "clear", "huntr");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unknown provider 'huntr'; the providers are hunter, dataforseo.");
    }
}

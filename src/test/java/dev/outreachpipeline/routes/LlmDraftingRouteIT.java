package dev.outreachpipeline.routes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreachpipeline.simulators.LlmSimulator;
import dev.outreachpipeline.simulators.SimulatorSettings;
import dev.outreachpipeline.testsupport.CapturedLogs;
import dev.outreachpipeline.testsupport.CliRun;
import dev.outreachpipeline.testsupport.Rows;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Proves routes/40-drafting.camel.yaml with outreach.drafts.writer = llm against the simulated
 * OpenAI-compatible endpoint: a good answer becomes the draft; every hostile answer (an invented
 * fact, a placeholder, a CR/LF subject, an extra URL, malformed JSON, NO_SIGNAL, an answer slower
 * than the timeout) never does: the template draft is used, the reason is recorded with the
 * prospect, and the job counts both. The API key is in no log line and no row.
 */
class LlmDraftingRouteIT extends RouteTestSupport {

    static final String KEY = "sk-route-SECRET-9876";

    private static final LlmSimulator LLM =
            new LlmSimulator(SimulatorSettings.instant(), Duration.ofMillis(2500), false);

    @AfterAll
    static void stopSimulator() {
        LLM.close();
    }

    @Override
    protected String[] routeFiles() {
        return new String[] {"10-jobs", "40-drafting"};
    }

    @Override
    protected String[] environment() {
        return new String[] {
            "OUTREACH_SENDER_NAME", "Sam Sender",
            "OUTREACH_DRAFTS_WRITER", "llm",
            "OUTREACH_LLM_BASE_URL", LLM.baseUrl(),
            "OUTREACH_LLM_MODEL", "sim-1",
            "OUTREACH_LLM_API_KEY", KEY,
            "OUTREACH_LLM_TIMEOUT_SECONDS", "1",
            "OUTREACH_LLM_MAX_RETRIES", "0",
            // without approval, template drafts are approved at once; LLM drafts still wait (no auto-approve)
            "OUTREACH_SEND_REQUIRE_APPROVAL", "false"
        };
    }

    private String enriched(String domain) {
        return testDb.rowsOf("INSERT INTO prospects (domain, page_url, page_title, contact_email, contact_method,"
                        + " contact_name, outreach_status, score) VALUES ('" + domain + "', 'https://" + domain
                        + "/lights', 'Solar garden lights that last | " + domain + "', 'ann@" + domain
                        + "', 'hunter_personal', 'Ann', 'enriched', 50) RETURNING id::text AS id")
                .get(0)
                .get("id")
                .toString();
    }

    @Test
    void aGoodAnswerIsTheDraftAndNoHostileAnswerEverBecomesOne() throws Exception {
        AdviceWith.adviceWith(
                context,
                "draft-job",
                a -> a.weaveByToUri("direct:check-job").replace().to("mock:check-job"));
        context.start();
        String good = enriched("garden.example");
        var hostile = new LinkedHashMap<LlmSimulator.Hostile, String>();
        for (LlmSimulator.Hostile h : LlmSimulator.Hostile.values()) {
            hostile.put(h, enriched(h.prefix() + ".example"));
        }
        String job = testDb.rowsOf("INSERT INTO jobs (job_type, params, origin, status, claimed_by) VALUES"
                        + " ('draft', '{}', 'test', 'running', 'worker-1') RETURNING id::text AS id")
                .get(0)
                .get("id")
                .toString();

        try (CapturedLogs logs = CapturedLogs.start()) {
            runAsJob("direct:draft-job", Map.of("jobId", job, "worker", "worker-1"));
            assertThat(String.join("\n", logs.lines())).doesNotContain(KEY);
            assertThat(logs.withStackTrace()).isEmpty();
        }

        Map<String, Map<String, Object>> rows = Rows.of(
                testDb,
                "(SELECT id, outreach_status, draft_subject, draft_body, draft_html, draft_subject_variant, draft_writer,"
                        + " draft_writer_note,"
                        + " llm_calls, llm_tokens_in, llm_tokens_out, llm_cost_usd::text AS cost FROM prospects)");
        assertThat(rows.get(good))
                .containsEntry("outreach_status", "drafted")
                .containsEntry("draft_writer", "llm")
                .containsEntry("draft_writer_note", "model sim-1")
                .containsEntry("draft_subject", "Your page \"Solar garden lights that last\"")
                .containsEntry("draft_html", null)
                .containsEntry("draft_subject_variant", null)
                .containsEntry("llm_calls", 1);
        assertThat((String) rows.get(good).get("draft_body"))
                .startsWith("Hi Ann,\n\nI was reading \"Solar garden lights that last\"")
                .endsWith("Best,\n\nSam Sender\n");
        assertThat((Integer) rows.get(good).get("llm_tokens_in")).isPositive();
        assertThat(rows.get(good).get("cost")).isNotNull();

        Map<LlmSimulator.Hostile, String> reasons = Map.of(
                LlmSimulator.Hostile.INVENT,
                        "llm quality gate 'grounded': the fact used 'award-winning since 1998' is not among the facts given",
                LlmSimulator.Hostile.PLACEHOLDER, "llm quality gate 'placeholder'",
                LlmSimulator.Hostile.HEADER, "llm quality gate 'subject'",
                LlmSimulator.Hostile.LINK, "llm quality gate 'links'",
                LlmSimulator.Hostile.MALFORMED, "llm malformed answer: the answer is not JSON",
                LlmSimulator.Hostile.NO_SIGNAL, "llm NO_SIGNAL: the facts say nothing specific",
                LlmSimulator.Hostile.SLOW, "llm failed after 1 call(s): no answer");
        hostile.forEach((kind, id) -> {
            Map<String, Object> row = rows.get(id);
            assertThat(row)
                    .as(kind.name())
                    .containsEntry("outreach_status", "approved")
                    .containsEntry("draft_writer", "template")
                    .containsEntry("llm_calls", 1);
            // the template draft that replaces it records which of the template's subjects it has
            assertThat(row.get("draft_subject_variant")).as(kind.name()).isNotNull();
            assertThat((String) row.get("draft_writer_note")).as(kind.name()).startsWith(reasons.get(kind));
            assertThat((String) row.get("draft_subject"))
                    .as(kind.name())
                    .doesNotContain("Your page")
                    .doesNotContain("Bcc");
            assertThat((String) row.get("draft_body"))
                    .as(kind.name())
                    .doesNotContain("[Name]")
                    .doesNotContain("spam.example");
        });

        String result = testDb.rowsOf("SELECT result::text AS r FROM jobs")
                .get(0)
                .get("r")
                .toString();
        assertThat(result)
                .contains("\"drafted\": 8")
                .contains("\"llm_drafts\": 1")
                .contains("\"llm_fallbacks\": 7")
                .contains("\"llm_calls\": 8");
        assertThat(testDb.count("SELECT count(*) FROM llm_usage")).isEqualTo(8);
        assertThat(testDb.count("SELECT count(*) FROM llm_usage WHERE outcome = 'llm'"))
                .isEqualTo(1);
        // prospects show (and its --json, which the API shares) says which writer wrote the draft and why
        String shownGood = CliRun.run(testDb.env(), "prospects", "show", good).out();
        assertThat(shownGood).containsPattern("written by +llm \\(model sim-1\\); 1 LLM call\\(s\\), \\d+ tokens in");
        String shownFallback = CliRun.run(
                        testDb.env(), "prospects", "show", hostile.get(LlmSimulator.Hostile.NO_SIGNAL))
                .out();
        assertThat(shownFallback).contains("written by    template (llm NO_SIGNAL: the facts say nothing specific)");
        String json =
                CliRun.run(testDb.env(), "prospects", "show", good, "--json").out();
        assertThat(json).contains("\"draft_writer\" : \"llm\"").contains("\"llm_calls\" : 1");
        // status totals the LLM's calls, tokens and reported cost of the day and month
        assertThat(CliRun.run(testDb.env(), "status").out())
                .containsPattern("LLM: +today 8 call\\(s\\), \\d+/\\d+ tokens in/out, \\$0\\.\\d+;")
                .contains("1 of 8 draft(s) asked this month written by the LLM");
        // the key is sent in a header and stored nowhere
        for (String table : new String[] {"prospects", "jobs", "llm_usage", "settings"}) {
            assertThat(testDb.count(
                            "SELECT count(*) FROM " + table + " t WHERE row_to_json(t)::text LIKE '%" + KEY + "%'"))
                    .as(table)
                    .isZero();
        }
    }
}

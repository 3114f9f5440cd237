package dev.outreachpipeline.drafting.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.outreachpipeline.config.Stage;
import dev.outreachpipeline.drafting.DraftRenderer;
import dev.outreachpipeline.drafting.DraftSettings;
import dev.outreachpipeline.drafting.DraftStage;
import dev.outreachpipeline.drafting.DraftTemplates;
import dev.outreachpipeline.drafting.gates.DraftGates;
import dev.outreachpipeline.drafting.gates.GateSettings;
import dev.outreachpipeline.providers.ProviderCalls;
import dev.outreachpipeline.providers.ProviderLimits;
import dev.outreachpipeline.simulators.LlmSimulator;
import dev.outreachpipeline.simulators.SimulatorSettings;
import dev.outreachpipeline.testsupport.TestDatabase;
import dev.outreachpipeline.testsupport.TestPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An LLM draft is approved at once only when approval is not required and
 * outreach.drafts.llm-auto-approve is true; a template draft keeps its own rule. The drafting
 * stage asks the simulated endpoint; the shared rate limiter runs on a real database.
 */
class LlmApprovalIT {

    private static final LlmSimulator LLM = new LlmSimulator(SimulatorSettings.instant(), Duration.ZERO, false);
    private static TestDatabase db;
    private static HikariDataSource dataSource;

    @BeforeAll
    static void database() {
        db = TestPostgres.migratedDatabase();
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(db.jdbcUrl());
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(2);
    }

    @AfterAll
    static void close() {
        dataSource.close();
        LLM.close();
    }

    private String statusOf(String domain, boolean requireApproval, boolean llmAutoApprove) {
        var config = db.config(
                "OUTREACH_SENDER_NAME", "Sam Sender",
                "OUTREACH_DRAFTS_WRITER", "llm",
                "OUTREACH_LLM_BASE_URL", LLM.baseUrl(),
                "OUTREACH_LLM_MODEL", "sim-1",
                "OUTREACH_LLM_API_KEY", "sk-x",
                "OUTREACH_SEND_REQUIRE_APPROVAL", String.valueOf(requireApproval),
                "OUTREACH_DRAFTS_LLM_AUTO_APPROVE", String.valueOf(llmAutoApprove));
        LlmSettings llm = LlmSettings.from(config);
        DraftGates gates = DraftGates.of(GateSettings.from(config));
        var stage = new DraftStage(
                new DraftRenderer(DraftTemplates.configured("config/templates", Path.of(".")), false),
                DraftSettings.from(config),
                Stage.DRAFTING.check(config),
                gates,
                new LlmDraftWriter(
                        new LlmClient(llm, new ProviderLimits(dataSource), ProviderCalls.notExported()),
                        llm,
                        gates,
                        Path.of(".")));
        Map<String, Object> prospect = new HashMap<>();
        prospect.put("domain", domain);
        prospect.put("page_url", "https://" + domain + "/lights");
        prospect.put("page_title", "Solar garden lights that last");
        prospect.put("contact_name", "Ann");
        prospect.put("contact_email", "ann@" + domain);
        Map<String, Object> params = stage.render(prospect, null);
        return params.get("draftWriter") + " " + params.get("status");
    }

    @Test
    void anLlmDraftIsApprovedAtOnceOnlyWhenBothSettingsSaySo() {
        assertThat(statusOf("garden.example", false, true)).isEqualTo("llm approved");
        assertThat(statusOf("garden.example", false, false)).isEqualTo("llm drafted");
        assertThat(statusOf("garden.example", true, true)).isEqualTo("llm drafted");
    }

    @Test
    void aTemplateDraftUsedInsteadKeepsTheTemplateRule() {
        assertThat(statusOf("llm-nosignal.example", false, false)).isEqualTo("template approved");
        assertThat(statusOf("llm-nosignal.example", true, true)).isEqualTo("template drafted");
    }
}

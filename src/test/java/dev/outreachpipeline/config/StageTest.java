package dev.outreachpipeline.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StageTest {

    @Test
    void everyRequirementIsAKnownSetting() {
        for (Stage stage : Stage.ALL) {
            for (Stage.Requirement r : stage.requirements()) {
                assertThat(ConfigSchema.find(r.key()))
                        .as(stage.name() + " needs " + r.key())
                        .isPresent();
                r.whenSet()
                        .ifPresent(other ->
                                assertThat(ConfigSchema.find(other)).as(other).isPresent());
            }
        }
        assertThat(Stage.names()).containsExactly("discovery", "enrichment", "drafting", "sending", "replies");
    }

    @Test
    void unsetSettingsAreNamedByTheVariableAnOperatorSets() {
        Map<String, String> values = Map.of("outreach.smtp.host", "smtp.example.com", "outreach.smtp.username", "sam");

        Stage.Readiness sending = Stage.SENDING.check(k -> values.getOrDefault(k, ""));

        assertThat(sending.ready()).isFalse();
        assertThat(sending.unset())
                .containsExactly("MAIL_FROM", "SENDER_POSTAL_ADDRESS", "OUTREACH_UNSUBSCRIBE_SECRET", "SMTP_PASSWORD");
        assertThat(sending.sentence())
                .isEqualTo(
                        "sending: MAIL_FROM, SENDER_POSTAL_ADDRESS, OUTREACH_UNSUBSCRIBE_SECRET and SMTP_PASSWORD are not set");
        assertThat(Stage.ENRICHMENT.check(k -> " ").sentence()).isEqualTo("enrichment: HUNTER_API_KEY is not set");
        assertThat(Stage.DRAFTING.check(k -> "Sam").sentence()).isEqualTo("drafting: ready");
        Map<String, String> llmWriter = Map.of("outreach.sender.name", "Sam", "outreach.drafts.writer", "llm");
        assertThat(Stage.DRAFTING.check(k -> llmWriter.getOrDefault(k, "")).sentence())
                .isEqualTo("drafting: OUTREACH_LLM_BASE_URL and OUTREACH_LLM_MODEL are not set");
        Map<String, String> templateWriter =
                Map.of("outreach.sender.name", "Sam", "outreach.drafts.writer", "template");
        assertThat(Stage.DRAFTING.check(k -> templateWriter.getOrDefault(k, "")).ready())
                .isTrue();
        assertThat(new Stage.Readiness("x", List.of("A", "B")).sentence()).isEqualTo("x: A and B are not set");
    }
}

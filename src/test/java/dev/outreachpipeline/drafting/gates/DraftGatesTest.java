package dev.outreachpipeline.drafting.gates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** All the gates together: a plain draft passes; the first gate failed is the one recorded, by name. */
class DraftGatesTest {

    private static final DraftGates GATES =
            DraftGates.of(new GateSettings(100, 3000, List.of("click here"), "https://outreach.example", "en"));

    @Test
    void everyGateIsNamed() {
        assertThat(GATES.gates())
                .extracting(DraftGate::name)
                .containsExactly("placeholder", "subject", "length", "links", "spam-words", "language");
    }

    @Test
    void aPlainDraftPassesEveryGate() {
        assertThat(GATES.firstFailure(Drafts.plain())).isEmpty();
    }

    @Test
    void theFirstFailedGateIsRecordedWithItsName() {
        var failure = GATES.firstFailure(Drafts.draft("Hi {{name}}", "short, click here", null));

        assertThat(failure).hasValueSatisfying(f -> {
            assertThat(f.gate()).isEqualTo("placeholder");
            assertThat(f.recorded()).startsWith("quality gate 'placeholder': the subject has an unfilled placeholder");
        });
    }
}

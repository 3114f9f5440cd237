package dev.outreachpipeline.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules a draft must keep to be sent: every broken one named at once for an operator's edit, and
 * the composer of the send stage refusing a message by exactly the same rule and sentence, so an edit
 * that is accepted can always be sent and one the send stage would refuse is never saved.
 */
class DraftRulesTest {

    private static final MessageComposer COMPOSER = new MessageComposer(Clock.systemUTC());

    @Test
    void aPlainDraftKeepsEveryRule() {
        assertThat(DraftRules.problems("A guest post idea", "Hi Ann,\n\tA tab and lines.\r\n\nSam"))
                .isEmpty();
        assertThat(DraftRules.problems("Grüße, " + "word ".repeat(190).strip(), "x".repeat(DraftRules.MAX_BODY)))
                .isEmpty();
    }

    @Test
    void everyBrokenRuleIsNamedAtOnce() {
        List<String> reasons = DraftRules.reasons("Hi\nBcc: x@else.example " + "y".repeat(990), "Hello\u001Bthere\n");
        assertThat(reasons).hasSize(4);
        assertThat(reasons.get(0))
                .contains("\\n")
                .contains("line break or control character")
                .doesNotContain("\n");
        assertThat(reasons.get(1)).startsWith("the subject is 1013 characters long; the limit is 998");
        assertThat(reasons.get(2)).startsWith("the subject has a run of 990 characters without a space");
        assertThat(reasons.get(3))
                .isEqualTo(
                        "the text body contains the control character \\u001B on line 1; only line breaks and tabs may be in it");
        assertThat(DraftRules.reasons(null, "\n \n")).containsExactly("the subject is empty", "the text body is empty");
        assertThat(DraftRules.reasons("ok", "a\nb\n\u0000"))
                .singleElement()
                .asString()
                .contains("on line 3");
        assertThat(DraftRules.reasons("ok", "x".repeat(DraftRules.MAX_BODY + 1)))
                .containsExactly("the text body is 50001 characters long; the limit is 50000");
    }

    @Test
    void theSendStageRefusesByTheSameRuleAndSentence() {
        for (String[] draft : new String[][] {
            {"Hi\r\nBcc: x@else.example", "Body"},
            {"x".repeat(995), "Body"},
            {"word ".repeat(250).strip(), "Body"},
            {" ", "Body"},
            {"Subject", ""},
            {"Subject", "Body\u0007"},
            {"Subject", "b".repeat(DraftRules.MAX_BODY + 1)},
        }) {
            DraftRules.Problem first = DraftRules.problems(draft[0], draft[1]).get(0);
            OutgoingMessage message = MessageComposerTest.with(
                    MessageComposerTest.with(MessageComposerTest.first(), "subject", draft[0]), "text", draft[1]);
            assertThatThrownBy(() -> COMPOSER.compose(message))
                    .as(first.reason())
                    .isInstanceOfSatisfying(MessageRejected.class, e -> {
                        assertThat(e.field()).isEqualTo(first.field());
                        assertThat(e.getMessage()).isEqualTo(first.reason());
                    });
        }
    }
}

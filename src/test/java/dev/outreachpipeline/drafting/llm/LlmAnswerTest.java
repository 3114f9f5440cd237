package dev.outreachpipeline.drafting.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The model's content read strictly: the three fields and their types, NO_SIGNAL, plain text only. */
class LlmAnswerTest {

    @Test
    void aDraftHasExactlySubjectBodyAndFactsUsed() {
        LlmAnswer a =
                LlmAnswer.read("{\"subject\": \"Hello\", \"body\": \"Hi Ann,\\r\\n\\r\\n\\r\\nA line.  \\n\\nBest,\","
                        + " \"facts_used\": [\"Ann\"]}");

        assertThat(a).isEqualTo(new LlmAnswer.Written("Hello", "Hi Ann,\n\nA line.\n\nBest,", List.of("Ann")));
    }

    @Test
    void noSignalIsAcceptedInBothForms() {
        assertThat(LlmAnswer.read(" NO_SIGNAL\n")).isInstanceOf(LlmAnswer.NoSignal.class);
        assertThat(LlmAnswer.read("{\"no_signal\": true, \"reason\": \"nothing\\non the page\"}"))
                .isEqualTo(new LlmAnswer.NoSignal("nothing on the page"));
    }

    @Test
    void unknownMissingOrMistypedFieldsAreMalformed() {
        assertThat(LlmAnswer.read("{\"subject\": \"S\", \"body\": \"B\", \"facts_used\": [], \"to\": \"x\"}"))
                .isEqualTo(new LlmAnswer.Malformed("the answer's fields are wrong: unknown 'to'"));
        assertThat(LlmAnswer.read("{\"subject\": \"S\", \"body\": \"B\"}"))
                .isEqualTo(new LlmAnswer.Malformed("the answer's fields are wrong: missing facts_used"));
        assertThat(LlmAnswer.read("{\"subject\": 1, \"body\": \"B\", \"facts_used\": []}"))
                .isEqualTo(new LlmAnswer.Malformed("subject and body must be text"));
        assertThat(LlmAnswer.read("{\"subject\": \"S\", \"body\": \"B\", \"facts_used\": \"Ann\"}"))
                .isEqualTo(new LlmAnswer.Malformed("facts_used must be a list"));
        assertThat(LlmAnswer.read("{\"subject\": \"S\", \"body\": \"B\", \"facts_used\": [1]}"))
                .isEqualTo(new LlmAnswer.Malformed("every item of facts_used must be text"));
        assertThat(LlmAnswer.read("{\"subject\": \"S\", \"body\": \"B"))
                .isEqualTo(new LlmAnswer.Malformed("the answer is not JSON"));
        assertThat(LlmAnswer.read("[1]")).isEqualTo(new LlmAnswer.Malformed("the answer is not a JSON object"));
        assertThat(LlmAnswer.read("{\"no_signal\": false}")).isInstanceOf(LlmAnswer.Malformed.class);
    }

    @Test
    void aBodyInHtmlOrMarkdownIsMalformed() {
        for (String body : List.of(
                "Hi,<br>there",
                "Hi, **there**",
                "# Title\\n\\nHi",
                "Hi\\n- one\\n- two",
                "see [this](https://x.example)")) {
            assertThat(LlmAnswer.read("{\"subject\": \"S\", \"body\": \"" + body + "\", \"facts_used\": [\"x\"]}"))
                    .as(body)
                    .isEqualTo(new LlmAnswer.Malformed("the body is not plain text (it holds HTML or markdown)"));
        }
        assertThat(LlmAnswer.read("{\"subject\": \"S\", \"body\": \"2 < 3 and a-b\", \"facts_used\": [\"x\"]}"))
                .isInstanceOf(LlmAnswer.Written.class);
    }

    @Test
    void aSubjectWithALineBreakIsKeptAsItCameForTheSubjectGateToRefuse() {
        LlmAnswer a =
                LlmAnswer.read("{\"subject\": \"Hi\\r\\nBcc: x@spam.example\", \"body\": \"B\", \"facts_used\": []}");

        assertThat(((LlmAnswer.Written) a).subject()).isEqualTo("Hi\r\nBcc: x@spam.example");
    }
}

package dev.outreachpipeline.drafting.gates;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The subject gate: the send rules of DraftRules, and at most 120 characters. */
class SubjectGateTest {

    private final SubjectGate gate = new SubjectGate();

    @Test
    void aSubjectOf120CharactersPasses() {
        assertThat(gate.check(Drafts.draft("x".repeat(120), Drafts.BODY, null))).isEmpty();
    }

    @Test
    void aSubjectOver120CharactersFails() {
        assertThat(gate.check(Drafts.draft("word ".repeat(25).strip(), Drafts.BODY, null)))
                .hasValue("the subject is 124 characters long; a draft's subject may have at most 120");
    }

    @Test
    void anEmptySubjectFailsByTheSendRule() {
        assertThat(gate.check(Drafts.draft(" ", Drafts.BODY, null))).hasValue("the subject is empty");
    }

    @Test
    void aSubjectOfTwoLinesFailsByTheSendRule() {
        assertThat(gate.check(Drafts.draft("Hello\r\nBcc: x@evil.example", Drafts.BODY, null)))
                .hasValueSatisfying(p -> assertThat(p).contains("contains a line break or control character"));
    }
}

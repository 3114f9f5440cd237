package dev.outreachpipeline.drafting.gates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The spam-words gate: a configured word or phrase, whatever its case, as whole words. */
class SpamWordsGateTest {

    private final SpamWordsGate gate = new SpamWordsGate(List.of("click here", "winner", "100% free"));

    @Test
    void aSpamPhraseInAnyCaseFails() {
        assertThat(gate.check(Drafts.withBody(Drafts.BODY + "Just CLICK\n here.\n")))
                .hasValue("the text body contains \"CLICK\n here\", a phrase spam filters look for"
                        + " (outreach.drafts.spam-words); reword it");
    }

    @Test
    void aSpamWordInTheSubjectFails() {
        assertThat(gate.check(Drafts.draft("You are a Winner!", Drafts.BODY, null)))
                .hasValueSatisfying(p -> assertThat(p).startsWith("the subject contains \"Winner\""));
        assertThat(gate.check(Drafts.draft("It is 100% FREE", Drafts.BODY, null)))
                .isPresent();
    }

    @Test
    void partsOfOtherWordsPass() {
        assertThat(gate.check(Drafts.withBody(Drafts.BODY + "The winners' list, clicked here, is free.\n")))
                .isEmpty();
    }

    @Test
    void anEmptyListPassesEverything() {
        assertThat(new SpamWordsGate(List.of()).check(Drafts.draft("Winner, click here", Drafts.BODY, null)))
                .isEmpty();
    }
}

package dev.outreachpipeline.drafting.gates;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The length gate: the text body within outreach.drafts.min-body-chars and max-body-chars. */
class LengthGateTest {

    private final LengthGate gate = new LengthGate(100, 3000);

    @Test
    void aBodyWithinTheBoundsPasses() {
        assertThat(gate.check(Drafts.plain())).isEmpty();
        assertThat(gate.check(Drafts.withBody("\n\n" + "x".repeat(100) + "\n\n")))
                .isEmpty();
        assertThat(gate.check(Drafts.withBody("x".repeat(3000)))).isEmpty();
    }

    @Test
    void aBodyTooShortFails() {
        assertThat(gate.check(Drafts.withBody("Hi,\n\nguest post?\n\nSam\n")))
                .hasValue("the text body is 21 characters long; the shortest allowed is 100"
                        + " (outreach.drafts.min-body-chars)");
    }

    @Test
    void aBodyTooLongFails() {
        assertThat(gate.check(Drafts.withBody("x".repeat(3001))))
                .hasValue("the text body is 3001 characters long; the longest allowed is 3000"
                        + " (outreach.drafts.max-body-chars)");
    }
}

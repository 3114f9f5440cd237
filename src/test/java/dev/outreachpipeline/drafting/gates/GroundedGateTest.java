package dev.outreachpipeline.drafting.gates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GroundedGateTest {

    private final GroundedGate gate = new GroundedGate();
    private final List<String> given = List.of("Wellness Studio 50", "garden   lights", "Ann", "2 < 3");

    @Test
    void factsPartOfAGivenFactPassWhateverTheirCaseAndSpacing() {
        assertThat(gate.check(List.of("wellness studio", "Garden lights", "ANN", "2 ‹ 3"), given))
                .isEmpty();
    }

    @Test
    void anInventedFactFailsTheGateByName() {
        assertThat(gate.check(List.of("Ann", "award-winning since 1998"), given))
                .isEqualTo(Optional.of(new GateFailure(
                        "grounded", "the fact used 'award-winning since 1998' is not among the facts given")));
    }

    @Test
    void noFactOrATooShortOneFails() {
        assertThat(gate.check(List.of(), given))
                .get()
                .extracting(GateFailure::gate)
                .isEqualTo("grounded");
        assertThat(gate.check(List.of(" a "), given))
                .get()
                .extracting(GateFailure::message)
                .isEqualTo("the fact used 'a' is too short to be traced to a fact given");
    }
}

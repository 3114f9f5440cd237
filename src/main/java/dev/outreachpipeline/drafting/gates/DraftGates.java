package dev.outreachpipeline.drafting.gates;

import java.util.List;
import java.util.Optional;

/**
 * The quality gates every draft passes before it can be {@code drafted}, in the order they are
 * checked: the first that fails decides the message recorded with the {@code draft_failed} prospect.
 */
public final class DraftGates {

    private final List<DraftGate> gates;

    public DraftGates(List<DraftGate> gates) {
        this.gates = List.copyOf(gates);
    }

    /** Every gate, from the drafting settings. */
    public static DraftGates of(GateSettings settings) {
        return new DraftGates(List.of(
                new PlaceholderGate(),
                new SubjectGate(),
                new LengthGate(settings.minBodyChars(), settings.maxBodyChars()),
                new LinksGate(settings.unsubscribeBaseUrl()),
                new SpamWordsGate(settings.spamWords()),
                settings.language().isEmpty() ? new Passing("language") : new LanguageGate(settings.language())));
    }

    /** A gate switched off by its setting: listed, so its name stays known, but it never fails. */
    private record Passing(String name) implements DraftGate {
        @Override
        public Optional<String> check(DraftUnderReview draft) {
            return Optional.empty();
        }
    }

    public List<DraftGate> gates() {
        return gates;
    }

    /** The first gate the draft fails, or empty when it passes them all. */
    public Optional<GateFailure> firstFailure(DraftUnderReview draft) {
        for (DraftGate gate : gates) {
            Optional<String> problem = gate.check(draft);
            if (problem.isPresent()) {
                return Optional.of(new GateFailure(gate.name(), problem.get()));
            }
        }
        return Optional.empty();
    }
}

package dev.outreachpipeline.drafting.gates;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The "grounded" gate of LLM drafts: every fact the model says it used must be one we gave it. A
 * fact used is accepted when, folded (case and runs of whitespace ignored), it is part of one of
 * the given facts' values, so "Wellness studio" is grounded in the page title "Wellness Studio 50"
 * but "award-winning since 1998" is not grounded in anything. A draft naming no fact at all fails
 * too: one with nothing specific to say is a NO_SIGNAL answer, not a draft. The gate cannot read the
 * body's meaning; what it guarantees is that the model's own account of its facts holds, and the
 * prompt asks it to list every fact it used.
 */
public final class GroundedGate {

    public static final String NAME = "grounded";

    /** Shorter items ("a", "50") would be grounded in almost any fact, so they prove nothing. */
    static final int MIN_FACT_LENGTH = 3;

    /** The first fact used that is not grounded in the given ones, as a failure of this gate. */
    public Optional<GateFailure> check(List<String> factsUsed, Collection<String> givenFacts) {
        if (factsUsed.isEmpty()) {
            return failure("the answer names no fact it used; a draft must be grounded in the facts given");
        }
        List<String> given = givenFacts.stream().map(GroundedGate::fold).toList();
        for (String used : factsUsed) {
            String f = fold(used);
            if (f.length() < MIN_FACT_LENGTH) {
                return failure("the fact used '" + shown(used) + "' is too short to be traced to a fact given");
            }
            if (given.stream().noneMatch(g -> g.contains(f))) {
                return failure("the fact used '" + shown(used) + "' is not among the facts given");
            }
        }
        return Optional.empty();
    }

    private static Optional<GateFailure> failure(String message) {
        return Optional.of(new GateFailure(NAME, message));
    }

    /** Lower case, every run of whitespace as one space, trimmed. */
    static String fold(String s) {
        // the prompt shows a fact's angle brackets as look-alikes (LlmPrompt); either spelling is the same fact
        return s == null
                ? ""
                : s.replace('‹', '<')
                        .replace('›', '>')
                        .toLowerCase(Locale.ROOT)
                        .replaceAll("\\s+", " ")
                        .strip();
    }

    /** A fact as a message shows it: one line, at most 80 characters (it is the model's text). */
    private static String shown(String s) {
        String one = s.replaceAll("\\p{Cntrl}+", " ").strip();
        return one.length() > 80 ? one.substring(0, 80) + "…" : one;
    }
}

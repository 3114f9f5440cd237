package dev.outreachpipeline.drafting.gates;

import dev.outreachpipeline.sending.DraftRules;
import java.util.Optional;

/**
 * The subject is one line of 1 to {@value #MAX_LENGTH} characters. The rules a subject must meet to
 * be sent at all are {@link DraftRules}' (checked first, so the two can never disagree); this gate
 * adds the shorter limit: a longer subject is cut off by mail clients and reads as a pitch.
 */
final class SubjectGate implements DraftGate {

    /** The longest subject a draft may have, in characters. */
    static final int MAX_LENGTH = 120;

    @Override
    public String name() {
        return "subject";
    }

    @Override
    public Optional<String> check(DraftUnderReview draft) {
        Optional<String> sendRule = DraftRules.problems(draft.subject(), draft.textBody()).stream()
                .filter(p -> p.field().equals("Subject"))
                .map(DraftRules.Problem::reason)
                .findFirst();
        if (sendRule.isPresent()) {
            return sendRule;
        }
        int length = draft.subject().codePointCount(0, draft.subject().length());
        return length > MAX_LENGTH
                ? Optional.of("the subject is " + length + " characters long; a draft's subject may have at most "
                        + MAX_LENGTH)
                : Optional.empty();
    }
}

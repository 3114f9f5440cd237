package dev.outreachpipeline.drafting.gates;

import java.util.Optional;

/**
 * The text body is neither a fragment nor an essay: its length, in characters without the
 * surrounding blank space, lies within outreach.drafts.min-body-chars and max-body-chars.
 */
final class LengthGate implements DraftGate {

    private final int min;
    private final int max;

    LengthGate(int min, int max) {
        this.min = min;
        this.max = max;
    }

    @Override
    public String name() {
        return "length";
    }

    @Override
    public Optional<String> check(DraftUnderReview draft) {
        String body = draft.textBody().strip();
        int length = body.codePointCount(0, body.length());
        if (length < min) {
            return Optional.of("the text body is " + length + " characters long; the shortest allowed is " + min
                    + " (outreach.drafts.min-body-chars)");
        }
        if (length > max) {
            return Optional.of("the text body is " + length + " characters long; the longest allowed is " + max
                    + " (outreach.drafts.max-body-chars)");
        }
        return Optional.empty();
    }
}

package dev.outreachpipeline.drafting.gates;

import java.util.Optional;

/**
 * One named quality check a rendered draft must pass before it can be {@code drafted}. A gate looks
 * at the draft alone (and what the prospect and campaign allow in it); it never changes the draft.
 */
public interface DraftGate {

    /** The gate's name, as recorded with a failure and listed in docs/architecture.md. */
    String name();

    /** What is wrong with the draft, as one sentence that says what to change; empty when it passes. */
    Optional<String> check(DraftUnderReview draft);
}

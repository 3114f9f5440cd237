package dev.outreachpipeline.enrichment;

import dev.outreachpipeline.enrichment.HunterOutcome.DoNotProcess;
import dev.outreachpipeline.enrichment.HunterOutcome.Failed;
import dev.outreachpipeline.enrichment.HunterOutcome.QuotaExhausted;
import dev.outreachpipeline.enrichment.HunterOutcome.Rejected;
import java.util.Objects;

/**
 * What one call of Hunter's email verifier came to. Besides its own three outcomes it shares the
 * failures of every Hunter call with {@link HunterOutcome}. Reasons never carry the API key.
 */
public sealed interface VerifierOutcome
        permits VerifierOutcome.Verified,
                VerifierOutcome.Pending,
                VerifierOutcome.RetryLater,
                QuotaExhausted,
                Rejected,
                DoNotProcess,
                Failed {

    /**
     * The verifier's verdict.
     *
     * @param status one of valid, invalid, accept_all, webmail, disposable, unknown (lower-case)
     * @param score  Hunter's deliverability score, 0–100; 0 when missing
     */
    record Verified(String status, int score) implements VerifierOutcome {
        public Verified {
            Objects.requireNonNull(status, "status");
        }
    }

    /** HTTP 202: Hunter is still verifying. Ask again later; Hunter counts the verification only once. */
    record Pending() implements VerifierOutcome {}

    /** Ask again after a pause: the remote SMTP check failed (HTTP 222), the rate limit, a server error or no answer. */
    record RetryLater(String reason) implements VerifierOutcome {
        public RetryLater {
            reason = HunterResponses.redactKey(Objects.requireNonNull(reason, "reason"));
        }
    }
}

package dev.outreachpipeline.enrichment;

import java.util.Objects;

/**
 * What one Hunter domain search came to, already classified, so that the route only decides what to do
 * next and never reads status codes itself. The failures that every Hunter call shares
 * ({@link QuotaExhausted}, {@link Rejected}, {@link DoNotProcess}, {@link Failed}) are also
 * {@link VerifierOutcome}s, so the route handles them the same way whichever call met them.
 * <p>
 * Reasons are sentences for the operator: what happened, Hunter's error id and details, what happens
 * next. They never carry the API key: every reason passes through {@link HunterResponses#redactKey}.
 */
public sealed interface HunterOutcome {

    /**
     * The domain search's answer, possibly without any address ({@code emails: []} is an answer, and
     * Hunter does not charge for it).
     *
     * @param rawData Hunter's {@code data} object as JSON text: what is stored as {@code hunter_payload}
     */
    record Found(DomainSearch data, String rawData) implements HunterOutcome {
        public Found {
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(rawData, "rawData");
        }
    }

    /** Nothing is wrong with the request; ask again after a pause (rate limit, timeout, server error, no answer). */
    record Retry(String reason) implements HunterOutcome {
        public Retry {
            reason = HunterResponses.redactKey(Objects.requireNonNull(reason, "reason"));
        }
    }

    /**
     * HTTP 429: the billing period's quota is spent, or Hunter restricted the account. Retrying does not
     * help; enrichment waits until the quota resets (see {@link HunterResponses#parseResetDate}) or, when
     * {@code restricted}, until someone has looked at the account.
     */
    record QuotaExhausted(String reason, boolean restricted) implements HunterOutcome, VerifierOutcome {
        public QuotaExhausted {
            reason = HunterResponses.redactKey(Objects.requireNonNull(reason, "reason"));
        }
    }

    /** HTTP 401: Hunter does not accept the API key. No call can succeed; fail the job. */
    record Rejected(String reason) implements HunterOutcome, VerifierOutcome {
        public Rejected {
            reason = HunterResponses.redactKey(Objects.requireNonNull(reason, "reason"));
        }
    }

    /** HTTP 451: the person asked Hunter not to process their data. Record it and never ask again. */
    record DoNotProcess(String reason) implements HunterOutcome, VerifierOutcome {
        public DoNotProcess {
            reason = HunterResponses.redactKey(Objects.requireNonNull(reason, "reason"));
        }
    }

    /** This request cannot succeed as it is (bad parameters, an unusable answer); fail this prospect and go on. */
    record Failed(String reason) implements HunterOutcome, VerifierOutcome {
        public Failed {
            reason = HunterResponses.redactKey(Objects.requireNonNull(reason, "reason"));
        }
    }
}

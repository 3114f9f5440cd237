package dev.outreachpipeline.enrichment;

import java.util.Objects;

/**
 * A usable address from a domain search, as {@link ContactChooser} ranked it.
 *
 * @param method what is stored as {@code contact_method}: {@value #PERSONAL} or {@value #GENERIC}
 * @param reason one sentence on why this address, for the operator and the prospect's history
 * @param tier   1 = a person in a target role, 2 = another person, 3 = a role mailbox; lower is better
 */
public record Candidate(HunterEmail email, String method, String reason, int tier) {

    public static final String PERSONAL = "hunter_personal";
    public static final String GENERIC = "hunter_generic";

    public static final int TARGET_ROLE = 1;
    public static final int OTHER_PERSON = 2;
    public static final int ROLE_MAILBOX = 3;

    public Candidate {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(reason, "reason");
        if (tier < TARGET_ROLE || tier > ROLE_MAILBOX) {
            throw new IllegalArgumentException("tier must be 1, 2 or 3, not " + tier);
        }
    }

    public boolean personal() {
        return PERSONAL.equals(method);
    }

    /** Whether the address belongs to a person in one of the target roles. */
    public boolean targetRole() {
        return tier == TARGET_ROLE;
    }
}

package dev.outreachpipeline.enrichment;

/**
 * One address of a Hunter domain search, as Hunter reported it. Nothing here is checked yet: the value
 * may be malformed or on another domain, which is for {@link ContactChooser} to judge.
 *
 * @param type               {@code personal} or {@code generic} as Hunter typed it; null when missing
 * @param confidence         Hunter's {@code confidence}, 0–100; 0 when missing
 * @param verificationStatus {@code verification.status} (valid, accept_all, unknown, invalid …); null when
 *                           Hunter has not verified the address
 * @param sourcesCount       how many pages Hunter found the address on
 */
public record HunterEmail(
        String value,
        String type,
        int confidence,
        String firstName,
        String lastName,
        String position,
        String seniority,
        String department,
        String verificationStatus,
        int sourcesCount) {}

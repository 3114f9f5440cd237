package dev.outreachpipeline.enrichment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * The score that orders prospects for outreach, 0.00–100.00 (two decimals, half up): how visible the
 * site is, whether we have someone to write to, and how much a link from it is worth.
 * <pre>
 * position  0–30  rank_absolute 1 → 30, 1.5 less per place below (rank 20 → 1.5), 0 from rank 21.
 *                 An unknown (or non-positive) rank earns 0: nothing is credited that is not known.
 * contact   0–50  no contact → 0. Otherwise a person 25 or a role mailbox 10,
 *                 + confidence × 0.10 (0–10),
 *                 + verification: valid 10, accept_all 5, anything else or not verified 2,
 *                 + 5 for a person in a target role.
 *                 An address verified invalid or disposable is no contact: 0.
 * authority 0–20  da_est / 100 × 20, da_est taken as 0–100.
 * da_est unknown: (position + contact) × 100 / 80, so that scores stay on one 0–100 scale whether or
 *                 not authority is known (the best prospect reaches 100 either way).
 * </pre>
 * The verification counted is the email verifier's status when there is one, else the status the
 * domain search gave the address. Rank 1, a valid target-role person at confidence 100 and da_est 100
 * make 30 + 50 + 20 = 100.
 */
public final class Scorer {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal POSITION_MAX = BigDecimal.valueOf(30);
    private static final BigDecimal PER_PLACE = new BigDecimal("1.5");
    private static final BigDecimal PER_CONFIDENCE = new BigDecimal("0.10");
    private static final BigDecimal AUTHORITY_PER_DA = new BigDecimal("0.20");
    /** 100 / 80: position and contact together stand for the whole scale when authority is unknown. */
    private static final BigDecimal WITHOUT_AUTHORITY = new BigDecimal("1.25");

    /**
     * @param serpRank           the page's rank_absolute in the SERP it was found in; null when unknown
     * @param contact            the chosen contact; null when there is none
     * @param verificationStatus the email verifier's status for the contact; null when it was not asked
     * @param daEst              the estimated domain authority, 0–100; null when unknown
     */
    public BigDecimal score(Integer serpRank, Candidate contact, String verificationStatus, BigDecimal daEst) {
        BigDecimal total = position(serpRank).add(contact(contact, verificationStatus));
        total = daEst == null
                ? total.multiply(WITHOUT_AUTHORITY)
                : total.add(clamp(daEst).multiply(AUTHORITY_PER_DA));
        return clamp(total).setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal position(Integer rank) {
        if (rank == null || rank < 1) {
            return BigDecimal.ZERO;
        }
        return POSITION_MAX
                .subtract(PER_PLACE.multiply(BigDecimal.valueOf(rank - 1L)))
                .max(BigDecimal.ZERO);
    }

    private static BigDecimal contact(Candidate c, String verifierStatus) {
        if (c == null) {
            return BigDecimal.ZERO;
        }
        String status = verifierStatus != null ? verifierStatus : c.email().verificationStatus();
        status = status == null ? "" : status.strip().toLowerCase(Locale.ROOT);
        if (status.equals("invalid") || status.equals("disposable")) {
            return BigDecimal.ZERO;
        }
        int points = c.personal() ? 25 : 10;
        points += switch (status) {
            case "valid" -> 10;
            case "accept_all" -> 5;
            default -> 2;
        };
        if (c.targetRole()) {
            points += 5;
        }
        int confidence = Math.max(0, Math.min(100, c.email().confidence()));
        return BigDecimal.valueOf(points).add(PER_CONFIDENCE.multiply(BigDecimal.valueOf(confidence)));
    }

    private static BigDecimal clamp(BigDecimal value) {
        return value.max(BigDecimal.ZERO).min(HUNDRED);
    }
}

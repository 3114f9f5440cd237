package dev.outreachpipeline.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScorerTest {

    private final Scorer scorer = new Scorer();

    @Test
    void theBestProspectScores100() {
        assertThat(scorer.score(1, editor(100, "valid"), "valid", new BigDecimal("100")))
                .isEqualByComparingTo("100.00");
    }

    @Test
    void theBestProspectScores100AlsoWithoutAuthority() {
        assertThat(scorer.score(1, editor(100, "valid"), null, null)).isEqualByComparingTo("100.00");
    }

    @Test
    void nothingKnownScoresZero() {
        assertThat(scorer.score(null, null, null, null)).isEqualByComparingTo("0.00");
    }

    @Test
    void scoresHaveTwoDecimals() {
        BigDecimal s = scorer.score(3, editor(91, "accept_all"), null, new BigDecimal("37.5"));

        // position 27 + contact 25 + 9.1 + 5 + 5 = 44.1 + authority 7.5
        assertThat(s).isEqualTo(new BigDecimal("78.60"));
        assertThat(scorer.score(null, null, null, null).scale()).isEqualTo(2);
    }

    @ParameterizedTest
    @CsvSource({
        // rank, expected position part (no contact, da_est 0)
        "1, 30.00",
        "2, 28.50",
        "10, 16.50",
        "20, 1.50",
        "21, 0.00",
        "100, 0.00",
        "0, 0.00",
        "-3, 0.00",
    })
    void positionPart(int rank, String expected) {
        assertThat(scorer.score(rank, null, null, BigDecimal.ZERO)).isEqualByComparingTo(expected);
    }

    @Test
    void anUnknownRankEarnsNothing() {
        assertThat(scorer.score(null, editor(100, "valid"), null, BigDecimal.ZERO))
                .isEqualByComparingTo("50.00");
    }

    @Test
    void contactPart() {
        BigDecimal da0 = BigDecimal.ZERO;
        // person 25 + confidence 8 + valid 10 + role 5
        assertThat(scorer.score(null, editor(80, "valid"), null, da0)).isEqualByComparingTo("48.00");
        // person 25 + 8 + valid 10, no role
        assertThat(scorer.score(null, person(80, "valid"), null, da0)).isEqualByComparingTo("43.00");
        // mailbox 10 + 8 + accept_all 5
        assertThat(scorer.score(null, mailbox(80, "accept_all"), null, da0)).isEqualByComparingTo("23.00");
        // not verified, unknown and webmail earn 2
        assertThat(scorer.score(null, mailbox(80, null), null, da0)).isEqualByComparingTo("20.00");
        assertThat(scorer.score(null, mailbox(80, "unknown"), null, da0)).isEqualByComparingTo("20.00");
        assertThat(scorer.score(null, mailbox(80, null), "webmail", da0)).isEqualByComparingTo("20.00");
    }

    @Test
    void theVerifiersStatusWinsOverTheDomainSearchs() {
        BigDecimal da0 = BigDecimal.ZERO;

        assertThat(scorer.score(null, person(80, "valid"), "accept_all", da0)).isEqualByComparingTo("38.00");
        assertThat(scorer.score(null, person(80, null), "valid", da0)).isEqualByComparingTo("43.00");
        assertThat(scorer.score(null, person(80, "valid"), "VALID", da0)).isEqualByComparingTo("43.00");
    }

    @Test
    void anInvalidOrDisposableAddressIsNoContact() {
        assertThat(scorer.score(1, editor(100, "valid"), "invalid", BigDecimal.ZERO))
                .isEqualByComparingTo("30.00");
        assertThat(scorer.score(1, editor(100, "valid"), "disposable", BigDecimal.ZERO))
                .isEqualByComparingTo("30.00");
        assertThat(scorer.score(1, editor(100, "invalid"), null, BigDecimal.ZERO))
                .isEqualByComparingTo("30.00");
    }

    @Test
    void authorityPart() {
        assertThat(scorer.score(null, null, null, new BigDecimal("100"))).isEqualByComparingTo("20.00");
        assertThat(scorer.score(null, null, null, new BigDecimal("42.37"))).isEqualByComparingTo("8.47");
        assertThat(scorer.score(null, null, null, new BigDecimal("250"))).isEqualByComparingTo("20.00");
        assertThat(scorer.score(null, null, null, new BigDecimal("-5"))).isEqualByComparingTo("0.00");
    }

    @Test
    void withoutAuthorityTheRestIsScaledTo100() {
        // (position 30 + contact 48) × 1.25
        assertThat(scorer.score(1, editor(80, "valid"), null, null)).isEqualByComparingTo("97.50");
        // position only: 16.5 × 1.25 = 20.625
        assertThat(scorer.score(10, null, null, null)).isEqualByComparingTo("20.63");
    }

    @Test
    void monotonicInRank() {
        BigDecimal previous = null;
        for (int rank = 1; rank <= 25; rank++) {
            BigDecimal s = scorer.score(rank, person(70, "valid"), null, new BigDecimal("40"));
            if (previous != null) {
                assertThat(s).isLessThanOrEqualTo(previous);
            }
            previous = s;
        }
        assertThat(scorer.score(20, null, null, null)).isGreaterThan(scorer.score(21, null, null, null));
    }

    @Test
    void monotonicInConfidence() {
        BigDecimal previous = null;
        for (int confidence = 0; confidence <= 100; confidence++) {
            BigDecimal s = scorer.score(5, mailbox(confidence, "accept_all"), null, null);
            if (previous != null) {
                assertThat(s).isGreaterThan(previous);
            }
            previous = s;
        }
    }

    @Test
    void aContactAlwaysBeatsNone() {
        assertThat(scorer.score(5, mailbox(0, null), null, null)).isGreaterThan(scorer.score(5, null, null, null));
        assertThat(scorer.score(5, person(50, null), null, null))
                .isGreaterThan(scorer.score(5, mailbox(100, "valid"), null, null));
    }

    @Test
    void staysWithinTheScale() {
        assertThat(scorer.score(1, editor(100, "valid"), "valid", new BigDecimal("999.99")))
                .isEqualByComparingTo("100.00");
        assertThat(scorer.score(1, editor(150, "valid"), "valid", new BigDecimal("100")))
                .isEqualByComparingTo("100.00");
    }

    private static Candidate editor(int confidence, String verification) {
        return new Candidate(email(confidence, verification), Candidate.PERSONAL, "test", Candidate.TARGET_ROLE);
    }

    private static Candidate person(int confidence, String verification) {
        return new Candidate(email(confidence, verification), Candidate.PERSONAL, "test", Candidate.OTHER_PERSON);
    }

    private static Candidate mailbox(int confidence, String verification) {
        return new Candidate(email(confidence, verification), Candidate.GENERIC, "test", Candidate.ROLE_MAILBOX);
    }

    private static HunterEmail email(int confidence, String verification) {
        return new HunterEmail("jo@x.com", "personal", confidence, "Jo", "Li", "Editor", null, null, verification, 1);
    }
}

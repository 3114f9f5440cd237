package dev.outreachpipeline.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outreachpipeline.sending.PacingDecision.SendNow;
import dev.outreachpipeline.sending.PacingDecision.Wait;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class SendPacingTest {

    /** A Monday, 11:00 in Berlin. */
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    private static final SendWindow OFFICE = SendWindow.parse("Mon-Fri 09:00-17:00 Europe/Berlin");

    private static PacingRules rules(SendWindow window) {
        return new PacingRules(30, 10, Duration.ofSeconds(90), Duration.ZERO, window);
    }

    private static SendPacing pacing(PacingRules rules) {
        return new SendPacing(rules, new Random(1));
    }

    private static Instant minutesAgo(long m) {
        return NOW.minus(Duration.ofMinutes(m));
    }

    private static Wait waits(PacingDecision d) {
        assertThat(d).isInstanceOf(Wait.class);
        return (Wait) d;
    }

    // --- Sending now

    @Test
    void aMailboxThatNeverSentMaySend() {
        assertThat(pacing(rules(SendWindow.always())).decide(new PacingFacts(NOW, 0, 0, null)))
                .isEqualTo(new SendNow());
    }

    @Test
    void withinEveryLimitTheMailboxMaySend() {
        var facts = new PacingFacts(NOW, 29, 9, minutesAgo(5), minutesAgo(23 * 60), minutesAgo(50));

        assertThat(pacing(rules(OFFICE)).decide(facts)).isInstanceOf(SendNow.class);
    }

    @Test
    void theGapIsMeasuredFromTheLastMessage() {
        SendPacing p = pacing(rules(SendWindow.always()));

        assertThat(p.decide(new PacingFacts(NOW, 1, 1, NOW.minusSeconds(90)))).isInstanceOf(SendNow.class);
        assertThat(p.decide(new PacingFacts(NOW, 1, 1, NOW.minusSeconds(89)))).isInstanceOf(Wait.class);
    }

    // --- Each reason

    @Test
    void outsideTheWindowItWaitsForTheOpening() {
        Instant saturday = Instant.parse("2026-03-07T12:00:00Z");

        Wait w = waits(pacing(rules(OFFICE)).decide(new PacingFacts(saturday, 0, 0, null)));

        assertThat(w.until()).isEqualTo(Instant.parse("2026-03-09T08:00:00Z"));
        assertThat(w.reason())
                .isEqualTo("outside the send window Mon-Fri 09:00-17:00 Europe/Berlin;"
                        + " opens at 2026-03-09T08:00:00Z (Mon 09:00 Europe/Berlin)");
    }

    @Test
    void outsideTheWindowOverTheChangeToSummerTime() {
        Instant saturday = Instant.parse("2026-03-28T12:00:00Z");

        Wait w = waits(pacing(rules(OFFICE)).decide(new PacingFacts(saturday, 0, 0, null)));

        assertThat(w.until()).isEqualTo(Instant.parse("2026-03-30T07:00:00Z"));
        assertThat(w.reason()).endsWith("opens at 2026-03-30T07:00:00Z (Mon 09:00 Europe/Berlin)");
    }

    @Test
    void aFullDailyCapWaitsUntilItsOldestMessageIsADayOld() {
        var facts = new PacingFacts(NOW, 30, 2, minutesAgo(30), minutesAgo(23 * 60), minutesAgo(50));

        Wait w = waits(pacing(rules(SendWindow.always())).decide(facts));

        assertThat(w.until()).isEqualTo(NOW.plus(Duration.ofHours(1)));
        assertThat(w.reason())
                .isEqualTo("the daily cap of 30 is reached (30 sent in the last 24 h);"
                        + " next send after 2026-03-02T11:00:00Z");
    }

    @Test
    void withoutItsOldestMessageAFullDailyCapAsksAgainAfterTheAverageGap() {
        Wait w = waits(pacing(rules(SendWindow.always())).decide(new PacingFacts(NOW, 30, 2, minutesAgo(30))));

        assertThat(w.until()).isEqualTo(NOW.plus(Duration.ofMinutes(48))); // 24 h / 30
        assertThat(w.reason())
                .isEqualTo("the daily cap of 30 is reached (30 sent in the last 24 h);"
                        + " checking again at 2026-03-02T10:48:00Z");
    }

    @Test
    void aFullHourlyCapWaitsUntilItsOldestMessageIsAnHourOld() {
        var facts = new PacingFacts(NOW, 12, 10, minutesAgo(5), minutesAgo(20 * 60), minutesAgo(45));

        Wait w = waits(pacing(rules(SendWindow.always())).decide(facts));

        assertThat(w.until()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
        assertThat(w.reason())
                .isEqualTo("the hourly cap of 10 is reached (10 sent in the last hour);"
                        + " next send after 2026-03-02T10:15:00Z");
    }

    @Test
    void withoutItsOldestMessageAFullHourlyCapAsksAgainAfterTheAverageGap() {
        Wait w = waits(pacing(rules(SendWindow.always())).decide(new PacingFacts(NOW, 12, 10, minutesAgo(5))));

        assertThat(w.until()).isEqualTo(NOW.plus(Duration.ofMinutes(6))); // 60 min / 10
        assertThat(w.reason())
                .startsWith("the hourly cap of 10 is reached (10 sent in the last hour); checking again at");
    }

    @Test
    void tooSoonAfterTheLastMessageItWaitsForTheGap() {
        Wait w = waits(pacing(rules(SendWindow.always())).decide(new PacingFacts(NOW, 5, 2, NOW.minusSeconds(40))));

        assertThat(w.until()).isEqualTo(NOW.plusSeconds(50));
        assertThat(w.reason()).isEqualTo("spacing: the last message went out 40 s ago; next at 2026-03-02T10:00:50Z");
    }

    @Test
    void aCapOfZeroSendsNothing() {
        var rules = new PacingRules(0, 10, Duration.ofSeconds(90), Duration.ZERO, SendWindow.always());

        Wait w = waits(pacing(rules).decide(new PacingFacts(NOW, 0, 0, null)));

        assertThat(w.until()).isEqualTo(NOW.plus(Duration.ofHours(24)));
        assertThat(w.reason())
                .isEqualTo("the daily cap is 0, so nothing is sent; checking again at 2026-03-03T10:00:00Z");
    }

    @Test
    void aCapLoweredBelowWhatWasSentStillHoldsSendingBack() {
        var rules = new PacingRules(20, 10, Duration.ofSeconds(90), Duration.ZERO, SendWindow.always());
        var facts = new PacingFacts(NOW, 30, 1, minutesAgo(30), minutesAgo(23 * 60), minutesAgo(30));

        Wait w = waits(pacing(rules).decide(facts));

        assertThat(w.reason()).startsWith("the daily cap of 20 is reached (30 sent in the last 24 h)");
        assertThat(w.until()).isEqualTo(NOW.plus(Duration.ofHours(1)));
    }

    @Test
    void factsSlightlyOutOfDateDoNotMakeTheCallerSpin() {
        // The oldest message counted already left the 24 hours: the count is stale. Ask again shortly.
        var facts = new PacingFacts(NOW, 30, 0, minutesAgo(120), NOW.minus(Duration.ofHours(25)), null);

        Wait w = waits(pacing(rules(SendWindow.always())).decide(facts));

        assertThat(w.until()).isEqualTo(NOW.plusSeconds(1));
    }

    @Test
    void aLastMessageDatedAfterNowCountsAsJustSent() {
        Wait w = waits(pacing(rules(SendWindow.always())).decide(new PacingFacts(NOW, 1, 1, NOW.plusSeconds(5))));

        assertThat(w.until()).isEqualTo(NOW.plusSeconds(95));
        assertThat(w.reason()).startsWith("spacing: the last message went out 0 s ago;");
    }

    @Test
    void longerSpacingIsToldInMinutes() {
        var rules = new PacingRules(30, 10, Duration.ofHours(3), Duration.ZERO, SendWindow.always());

        Wait w = waits(pacing(rules).decide(new PacingFacts(NOW, 1, 0, minutesAgo(75))));

        assertThat(w.reason()).isEqualTo("spacing: the last message went out 75 min ago; next at 2026-03-02T11:45:00Z");
    }

    // --- Which reason is told, and until when

    @Test
    void theWindowIsToldFirst() {
        Instant saturday = Instant.parse("2026-03-07T12:00:00Z");
        var facts = new PacingFacts(
                saturday,
                30,
                10,
                saturday.minusSeconds(10),
                saturday.minus(Duration.ofHours(20)),
                saturday.minus(Duration.ofMinutes(30)));

        assertThat(waits(pacing(rules(OFFICE)).decide(facts)).reason()).startsWith("outside the send window");
    }

    @Test
    void thenTheDailyCap() {
        var facts = new PacingFacts(NOW, 30, 10, NOW.minusSeconds(10), minutesAgo(20 * 60), minutesAgo(30));

        assertThat(waits(pacing(rules(OFFICE)).decide(facts)).reason()).startsWith("the daily cap of 30 is reached");
    }

    @Test
    void thenTheHourlyCap() {
        var facts = new PacingFacts(NOW, 29, 10, NOW.minusSeconds(10), minutesAgo(20 * 60), minutesAgo(30));

        assertThat(waits(pacing(rules(OFFICE)).decide(facts)).reason()).startsWith("the hourly cap of 10 is reached");
    }

    @Test
    void thenTheSpacing() {
        var facts = new PacingFacts(NOW, 29, 9, NOW.minusSeconds(10), minutesAgo(20 * 60), minutesAgo(30));

        assertThat(waits(pacing(rules(OFFICE)).decide(facts)).reason()).startsWith("spacing:");
    }

    @Test
    void theWaitLastsUntilEveryLimitHasLetGo() {
        // Daily cap has room in 10 min, hourly in 40 min, spacing in 50 s: the daily cap is told, the wait is 40 min.
        var facts = new PacingFacts(NOW, 30, 10, NOW.minusSeconds(40), minutesAgo(24 * 60 - 10), minutesAgo(20));

        Wait w = waits(pacing(rules(SendWindow.always())).decide(facts));

        assertThat(w.reason())
                .startsWith(
                        "the daily cap of 30 is reached (30 sent in the last 24 h); next send after 2026-03-02T10:40:00Z");
        assertThat(w.until()).isEqualTo(NOW.plus(Duration.ofMinutes(40)));
    }

    @Test
    void aCapThatLetsGoAfterTheWindowClosesWaitsForTheNextOpening() {
        Instant lateAfternoon = Instant.parse("2026-03-02T15:30:00Z"); // 16:30 in Berlin
        var facts = new PacingFacts(
                lateAfternoon,
                30,
                1,
                lateAfternoon.minus(Duration.ofMinutes(30)),
                lateAfternoon.minus(Duration.ofHours(23)),
                lateAfternoon.minus(Duration.ofMinutes(30)));

        Wait w = waits(pacing(rules(OFFICE)).decide(facts));

        assertThat(w.until()).isEqualTo(Instant.parse("2026-03-03T08:00:00Z"));
        assertThat(w.reason())
                .isEqualTo(
                        "the daily cap of 30 is reached (30 sent in the last 24 h);"
                                + " next send after 2026-03-03T08:00:00Z (when the send window Mon-Fri 09:00-17:00 Europe/Berlin opens)");
    }

    @Test
    void aClosedWindowTellsWhichLimitHoldsOnAfterItOpens() {
        Instant early = Instant.parse("2026-03-02T07:00:00Z"); // 08:00 in Berlin, opens at 09:00
        var facts = new PacingFacts(
                early, 30, 0, early.minus(Duration.ofHours(8)), Instant.parse("2026-03-01T09:30:00Z"), null);

        Wait w = waits(pacing(rules(OFFICE)).decide(facts));

        assertThat(w.until()).isEqualTo(Instant.parse("2026-03-02T09:30:00Z"));
        assertThat(w.reason())
                .isEqualTo("outside the send window Mon-Fri 09:00-17:00 Europe/Berlin;"
                        + " opens at 2026-03-02T08:00:00Z (Mon 09:00 Europe/Berlin);"
                        + " then the daily cap holds sending back: next send after 2026-03-02T09:30:00Z");
    }

    @Test
    void aCapThatLetsGoBeforeTheWindowOpensChangesNothing() {
        Instant saturday = Instant.parse("2026-03-07T12:00:00Z");
        var facts = new PacingFacts(
                saturday, 30, 0, saturday.minus(Duration.ofHours(20)), saturday.minus(Duration.ofHours(23)), null);

        Wait w = waits(pacing(rules(OFFICE)).decide(facts));

        assertThat(w.until()).isEqualTo(Instant.parse("2026-03-09T08:00:00Z"));
        assertThat(w.reason()).doesNotContain("then");
    }

    // --- Jitter

    @Test
    void theGapIsTheSpacingPlusOrMinusTheJitterFromTheGenerator() {
        var rules = new PacingRules(30, 10, Duration.ofSeconds(90), Duration.ofSeconds(30), SendWindow.always());
        Instant last = NOW.minusSeconds(10);
        Duration expectedGap = Duration.ofSeconds(90).plusMillis(new Random(42).nextLong(-30_000, 30_001));

        SendPacing p = new SendPacing(rules, new Random(42));
        Wait w = waits(p.decide(new PacingFacts(NOW, 1, 1, last)));

        assertThat(w.until()).isEqualTo(last.plus(expectedGap));
        assertThat(p.decide(new PacingFacts(last.plus(expectedGap).minusMillis(1), 1, 1, last)))
                .isInstanceOf(Wait.class);
        assertThat(p.decide(new PacingFacts(last.plus(expectedGap), 1, 1, last)))
                .isInstanceOf(SendNow.class);
    }

    @Test
    void theSameSeedGivesTheSameGaps() {
        var rules = new PacingRules(30, 10, Duration.ofSeconds(90), Duration.ofSeconds(30), SendWindow.always());
        SendPacing a = new SendPacing(rules, new Random(7));
        SendPacing b = new SendPacing(rules, new Random(7));

        for (int i = 0; i < 20; i++) {
            Instant last = NOW.minusSeconds(i);
            var facts = new PacingFacts(NOW, 1, 1, last);
            assertThat(waits(a.decide(facts)).until())
                    .isEqualTo(waits(b.decide(facts)).until());
        }
    }

    @Test
    void theGapIsDrawnOncePerLastMessageNotOncePerDecision() {
        var rules = new PacingRules(30, 10, Duration.ofSeconds(90), Duration.ofSeconds(30), SendWindow.always());
        var draws = new Draws(-30_000, 30_000);
        SendPacing p = new SendPacing(rules, draws);
        Instant last = NOW.minusSeconds(10);

        Instant first = waits(p.decide(new PacingFacts(NOW, 1, 1, last))).until();
        Instant again = waits(p.decide(new PacingFacts(NOW.plusSeconds(20), 1, 1, last)))
                .until();
        Instant afterNext = waits(p.decide(new PacingFacts(NOW.plusSeconds(61), 2, 2, NOW.plusSeconds(60))))
                .until();

        assertThat(first).isEqualTo(last.plusSeconds(60));
        assertThat(again).isEqualTo(first);
        assertThat(afterNext).isEqualTo(NOW.plusSeconds(60 + 120));
        assertThat(draws.left()).isZero();
    }

    @Test
    void everyGapLiesWithinTheJitter() {
        var rules = new PacingRules(30, 10, Duration.ofSeconds(90), Duration.ofSeconds(30), SendWindow.always());
        SendPacing p = new SendPacing(rules, new Random(3));
        Duration shortest = Duration.ofDays(1);
        Duration longest = Duration.ZERO;

        for (int i = 0; i < 2000; i++) {
            Instant last = NOW.plusSeconds(i * 1000L);
            Duration gap = Duration.between(
                    last,
                    waits(p.decide(new PacingFacts(last.plusMillis(1), 1, 1, last)))
                            .until());
            shortest = gap.compareTo(shortest) < 0 ? gap : shortest;
            longest = gap.compareTo(longest) > 0 ? gap : longest;
        }

        assertThat(shortest).isBetween(Duration.ofSeconds(60), Duration.ofSeconds(61));
        assertThat(longest).isBetween(Duration.ofSeconds(119), Duration.ofSeconds(120));
    }

    @Test
    void withoutJitterTheGapIsTheSpacingAndNothingIsDrawn() {
        SendPacing p = new SendPacing(rules(SendWindow.always()), new Draws());

        assertThat(waits(p.decide(new PacingFacts(NOW, 1, 1, NOW))).until()).isEqualTo(NOW.plusSeconds(90));
    }

    @Test
    void withoutSpacingOnlyTheCapsCount() {
        var rules = new PacingRules(30, 10, Duration.ZERO, Duration.ZERO, SendWindow.always());

        assertThat(new SendPacing(rules, new Draws()).decide(new PacingFacts(NOW, 1, 1, NOW)))
                .isInstanceOf(SendNow.class);
    }

    // --- Rules and facts that make no sense

    @Test
    void theJitterMustBeLessThanTheSpacing() {
        assertThatThrownBy(() ->
                        new PacingRules(30, 10, Duration.ofSeconds(30), Duration.ofSeconds(30), SendWindow.always()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the jitter (30s) must be less than the spacing (30s)");
        assertThat(new PacingRules(30, 10, Duration.ZERO, Duration.ZERO, SendWindow.always()).jitter())
                .isZero();
    }

    @Test
    void capsAndDurationsCannotBeNegative() {
        assertThatThrownBy(() -> new PacingRules(-1, 10, Duration.ofSeconds(90), Duration.ZERO, SendWindow.always()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PacingRules(30, -1, Duration.ofSeconds(90), Duration.ZERO, SendWindow.always()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PacingRules(30, 10, Duration.ofSeconds(-90), Duration.ZERO, SendWindow.always()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PacingFacts(NOW, -1, 0, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PacingFacts(null, 0, 0, null)).isInstanceOf(NullPointerException.class);
    }

    /** Hands out the given jitter draws in order, and fails when asked for more. */
    private static final class Draws implements RandomGenerator {
        private final ArrayDeque<Long> values;

        Draws(long... values) {
            this.values =
                    new ArrayDeque<>(java.util.Arrays.stream(values).boxed().toList());
        }

        int left() {
            return values.size();
        }

        @Override
        public long nextLong(long origin, long bound) {
            long v = values.remove();
            assertThat(v).isBetween(origin, bound - 1);
            return v;
        }

        @Override
        public long nextLong() {
            throw new AssertionError("only bounded draws are expected");
        }
    }

    @Test
    void theRulesAreKept() {
        PacingRules rules = rules(OFFICE);
        assertThat(pacing(rules).rules()).isEqualTo(rules);
    }
}

package dev.outreachpipeline.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The status rules and the decaying schedule, check after check, on a clock the test moves. */
class LinkOutcomesTest {

    private static final Instant T0 = Instant.parse("2026-01-10T08:00:00Z");
    private final LinkOutcomes outcomes = new LinkOutcomes(RecheckSchedule.parse("1,7,30"));

    private static LinkState pending() {
        return new LinkState(
                "l", "p", "https://a.example/p", "https://ours.test", LinkStatus.PENDING, 0, 0, 0, null, null, null);
    }

    private static LinkState after(LinkCheck c) {
        LinkState b = c.before();
        return new LinkState(
                b.id(),
                b.prospectId(),
                b.url(),
                b.target(),
                c.status(),
                b.checks() + 1,
                c.checksInStatus(),
                c.missesInARow(),
                c.firstMissAt(),
                c.firstLiveAt(),
                c.lostAt());
    }

    private static PageVisit found(String... rel) {
        return new PageVisit(true, 200, new PageFindings(true, "a", List.of(rel), false, null), false, List.of(), null);
    }

    private static PageVisit absent() {
        return new PageVisit(true, 200, PageFindings.nothing(), false, List.of(), null);
    }

    private static PageVisit gone() {
        return new PageVisit(true, 404, PageFindings.nothing(), false, List.of(), "the page is gone (HTTP 404)");
    }

    private static PageVisit down() {
        return PageVisit.unreachable(503, List.of(), "HTTP 503");
    }

    @Test
    void foundIsLiveOrLiveNofollowAndMovesTheProspectToLinkLive() {
        LinkCheck live = outcomes.decide(pending(), found(), T0);
        assertThat(live.status()).isEqualTo(LinkStatus.LIVE);
        assertThat(live.firstLiveAt()).isEqualTo(T0);
        assertThat(live.prospectStage()).isEqualTo("link_live");
        assertThat(outcomes.decide(pending(), found("sponsored"), T0).status()).isEqualTo(LinkStatus.LIVE_NOFOLLOW);
        // the same status again moves no stage
        assertThat(outcomes.decide(after(live), found(), T0.plus(Duration.ofDays(1)))
                        .prospectStage())
                .isNull();
    }

    @Test
    void absentOnceIsMissingAndTwiceWithinADayStillMissingForANeverSeenLink() {
        LinkCheck first = outcomes.decide(pending(), absent(), T0);
        assertThat(first.status()).isEqualTo(LinkStatus.MISSING);
        assertThat(first.prospectStage()).isNull();
        LinkCheck soon = outcomes.decide(after(first), absent(), T0.plus(Duration.ofHours(23)));
        assertThat(soon.status()).isEqualTo(LinkStatus.MISSING);
        assertThat(soon.missesInARow()).isEqualTo(2);
        LinkCheck dayLater = outcomes.decide(after(soon), absent(), T0.plus(Duration.ofDays(1)));
        assertThat(dayLater.status()).isEqualTo(LinkStatus.LOST);
        assertThat(dayLater.lostAt()).isEqualTo(T0.plus(Duration.ofDays(1)));
        assertThat(dayLater.prospectStage()).isEqualTo("link_lost");
    }

    @Test
    void aLiveLinkAbsentTwiceIsLostAndA404CountsAsAbsent() {
        LinkCheck live = outcomes.decide(pending(), found(), T0);
        LinkCheck miss = outcomes.decide(after(live), gone(), T0.plus(Duration.ofDays(1)));
        assertThat(miss.status()).isEqualTo(LinkStatus.MISSING);
        LinkCheck lost = outcomes.decide(
                after(miss), absent(), T0.plus(Duration.ofDays(1).plusHours(1)));
        assertThat(lost.status()).isEqualTo(LinkStatus.LOST);
        // back again: live, the lost time cleared, the first live time kept
        LinkCheck back = outcomes.decide(after(lost), found(), T0.plus(Duration.ofDays(3)));
        assertThat(back.status()).isEqualTo(LinkStatus.LIVE);
        assertThat(back.lostAt()).isNull();
        assertThat(back.firstLiveAt()).isEqualTo(T0);
        assertThat(back.missesInARow()).isZero();
    }

    @Test
    void unreachableNeverCountsAsAMissNorBreaksARunOfThem() {
        LinkCheck miss = outcomes.decide(pending(), absent(), T0);
        LinkCheck down = outcomes.decide(after(miss), down(), T0.plus(Duration.ofDays(1)));
        assertThat(down.status()).isEqualTo(LinkStatus.UNREACHABLE);
        assertThat(down.missesInARow()).isEqualTo(1);
        LinkCheck down2 = outcomes.decide(after(down), down(), T0.plus(Duration.ofDays(2)));
        assertThat(down2.status()).isEqualTo(LinkStatus.UNREACHABLE);
        LinkCheck miss2 = outcomes.decide(after(down2), absent(), T0.plus(Duration.ofDays(3)));
        assertThat(miss2.status()).isEqualTo(LinkStatus.LOST);
        // a lost link whose page is down stays lost
        assertThat(outcomes.decide(after(miss2), down(), T0.plus(Duration.ofDays(4)))
                        .status())
                .isEqualTo(LinkStatus.LOST);
    }

    @Test
    void rechecksDecayOneSevenThirtyThenEveryThirtyAndStartOverOnAChange() {
        LinkState s = pending();
        Instant now = T0;
        var gaps = new java.util.ArrayList<Long>();
        for (int i = 0; i < 5; i++) {
            LinkCheck c = outcomes.decide(s, found(), now);
            gaps.add(Duration.between(now, c.nextCheckAt()).toDays());
            now = c.nextCheckAt();
            s = after(c);
        }
        assertThat(gaps).containsExactly(1L, 7L, 30L, 30L, 30L);
        LinkCheck changed = outcomes.decide(s, absent(), now);
        assertThat(Duration.between(now, changed.nextCheckAt())).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void theRecheckSettingIsCheckedAndParsed() {
        assertThat(RecheckSchedule.checkSetting("1, 7,30")).isEmpty();
        assertThat(RecheckSchedule.checkSetting("1,x"))
                .hasValueSatisfying(m -> assertThat(m).contains("'x'"));
        assertThat(RecheckSchedule.checkSetting("0")).isPresent();
        assertThat(RecheckSchedule.checkSetting("")).isPresent();
        assertThat(RecheckSchedule.parse("2").next(T0, 9)).isEqualTo(T0.plus(Duration.ofDays(2)));
    }
}

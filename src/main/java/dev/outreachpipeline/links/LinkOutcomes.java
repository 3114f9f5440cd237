package dev.outreachpipeline.links;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The rules that turn what a check saw into a placement's status, and the status into the
 * prospect's pipeline stage.
 *
 * <ul>
 *   <li>Found: {@code live}, or {@code live_nofollow} when its rel has nofollow, sponsored or ugc.
 *   <li>Absent from a page that answered: {@code missing} the first time; {@code lost} when it was
 *       absent on two checks in a row at least {@link #CONFIRMATION} apart, or on two checks in a row
 *       after having been live (the operator saw it there; two misses confirm it is gone). A 404 or
 *       410 counts as absent, not as unreachable: a deleted post is the most common way a link goes,
 *       and it still takes two misses.
 *   <li>Nothing to look at ({@code unreachable}: timeout, 5xx, robots.txt, too many redirects): says
 *       nothing about the link, so the run of misses is neither added to nor broken, and a link that
 *       is already lost stays lost.
 * </ul>
 */
public final class LinkOutcomes {

    /** How far apart two misses must be to count a never-seen link lost: a page being edited is not a lost link. */
    static final Duration CONFIRMATION = Duration.ofDays(1);

    private final RecheckSchedule schedule;

    public LinkOutcomes(RecheckSchedule schedule) {
        this.schedule = schedule;
    }

    public LinkCheck decide(LinkState before, PageVisit visit, Instant now) {
        LinkStatus status;
        int misses = before.missesInARow();
        Instant firstMiss = before.firstMissAt();
        Instant firstLive = before.firstLiveAt();
        Instant lostAt = before.lostAt();
        if (!visit.reached()) {
            status = before.status() == LinkStatus.LOST ? LinkStatus.LOST : LinkStatus.UNREACHABLE;
        } else if (visit.findings().found()) {
            status = visit.findings().rel().isEmpty() ? LinkStatus.LIVE : LinkStatus.LIVE_NOFOLLOW;
            misses = 0;
            firstMiss = null;
            firstLive = firstLive == null ? now : firstLive;
            lostAt = null;
        } else {
            misses++;
            firstMiss = firstMiss == null ? now : firstMiss;
            boolean confirmed = misses >= 2
                    && (firstLive != null || Duration.between(firstMiss, now).compareTo(CONFIRMATION) >= 0);
            if (confirmed || before.status() == LinkStatus.LOST) {
                status = LinkStatus.LOST;
                lostAt = lostAt == null ? now : lostAt;
            } else {
                status = LinkStatus.MISSING;
            }
        }
        int inStatus = status == before.status() ? before.checksInStatus() + 1 : 1;
        return new LinkCheck(
                before,
                now,
                status,
                visit,
                inStatus,
                misses,
                firstMiss,
                firstLive,
                lostAt,
                schedule.next(now, inStatus));
    }

    /**
     * The prospect's stage a placement's status moves it to: {@code link_live} when the link is
     * found (followed or not), {@code link_lost} when it is lost; none for the other statuses (a
     * missing or unreachable link leaves the stage where it was). The stage itself is written by the
     * pipeline-stages feature, from the {@code prospectStage} parameter sql/record-link-check.sql is
     * given with every check (see docs/links.md).
     */
    public static Optional<String> stageFor(LinkStatus status) {
        return switch (status) {
            case LIVE, LIVE_NOFOLLOW -> Optional.of("link_live");
            case LOST -> Optional.of("link_lost");
            default -> Optional.empty();
        };
    }
}

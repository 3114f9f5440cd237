package dev.outreachpipeline.links;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What the last check of a placement found, as {@code link_placements.status} stores it. */
public enum LinkStatus {
    /** Never checked. */
    PENDING,
    /** The page links to the target and the link is followed. */
    LIVE,
    /** The page links to the target with rel nofollow, sponsored or ugc. */
    LIVE_NOFOLLOW,
    /** The page answered without the link, once (or twice within a day): not yet counted lost. */
    MISSING,
    /** The link was absent on two checks in a row at least a day apart. */
    LOST,
    /** No page to look at: a timeout, a 5xx, too many redirects, or robots.txt forbids the fetch. */
    UNREACHABLE;

    public static final List<String> NAMES =
            Arrays.stream(values()).map(LinkStatus::dbName).toList();

    public String dbName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isLive() {
        return this == LIVE || this == LIVE_NOFOLLOW;
    }

    public static Optional<LinkStatus> of(String name) {
        return Arrays.stream(values()).filter(s -> s.dbName().equals(name)).findFirst();
    }
}

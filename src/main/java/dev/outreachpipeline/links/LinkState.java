package dev.outreachpipeline.links;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

/** A placement as a check starts from: a row of sql/links-to-check.sql or sql/link-to-check.sql. */
public record LinkState(
        String id,
        String prospectId,
        String url,
        String target,
        LinkStatus status,
        int checks,
        int checksInStatus,
        int missesInARow,
        Instant firstMissAt,
        Instant firstLiveAt,
        Instant lostAt) {

    public static LinkState of(Map<String, Object> row) {
        return new LinkState(
                String.valueOf(row.get("id")),
                String.valueOf(row.get("prospect_id")),
                (String) row.get("url"),
                (String) row.get("target"),
                LinkStatus.of((String) row.get("status")).orElse(LinkStatus.PENDING),
                ((Number) row.get("checks")).intValue(),
                ((Number) row.get("checks_in_status")).intValue(),
                ((Number) row.get("misses_in_a_row")).intValue(),
                instant(row.get("first_miss_at")),
                instant(row.get("first_live_at")),
                instant(row.get("lost_at")));
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        throw new IllegalArgumentException("not a time: " + value.getClass().getName());
    }
}

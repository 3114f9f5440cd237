package dev.outreachpipeline.links;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One check of one placement and the placement's state after it: what sql/record-link-check.sql
 * writes (a {@code link_checks} row and the {@code link_placements} row's new values).
 */
public record LinkCheck(
        LinkState before,
        Instant checkedAt,
        LinkStatus status,
        PageVisit visit,
        int checksInStatus,
        int missesInARow,
        Instant firstMissAt,
        Instant firstLiveAt,
        Instant lostAt,
        Instant nextCheckAt) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public boolean statusChanged() {
        return status != before.status();
    }

    /**
     * The prospect's pipeline stage this check moves it to (link_live, link_lost), or null when it
     * moves none: see {@link LinkOutcomes#stageFor}.
     */
    public String prospectStage() {
        return statusChanged() ? LinkOutcomes.stageFor(status).orElse(null) : null;
    }

    /** One line for a terminal or a log: URL, status, and what explains it. */
    public String line() {
        var b = new StringBuilder(before.url()).append("  ").append(status.dbName());
        if (visit.httpStatus() != null) {
            b.append("  HTTP ").append(visit.httpStatus());
        }
        if (!visit.findings().rel().isEmpty()) {
            b.append("  rel=").append(String.join(",", visit.findings().rel()));
        }
        if (visit.noindex()) {
            b.append("  noindex");
        }
        if (visit.findings().canonicalElsewhere() != null) {
            b.append("  canonical elsewhere: ").append(visit.findings().canonicalElsewhere());
        }
        if (!visit.redirects().isEmpty()) {
            b.append("  ").append(visit.redirects().size()).append(" redirect(s)");
        }
        if (visit.reason() != null) {
            b.append("  (").append(visit.reason()).append(')');
        }
        // page text (a canonical URL) is hostile: no control characters reach a terminal or a log
        return b.toString().replaceAll("\\p{Cntrl}", "");
    }

    /** The named parameters of sql/record-link-check.sql. */
    public Map<String, Object> parameters() {
        var p = new HashMap<String, Object>();
        p.put("linkId", before.id());
        p.put("prospectId", before.prospectId());
        p.put("checkedAt", time(checkedAt));
        p.put("status", status.dbName());
        p.put("httpStatus", visit.httpStatus());
        p.put("found", visit.findings().found());
        p.put("rel", String.join(",", visit.findings().rel()));
        p.put("anchor", visit.findings().anchor());
        p.put("noindex", visit.reached() ? visit.noindex() : null);
        p.put("canonicalElsewhere", visit.findings().canonicalElsewhere());
        p.put("redirects", redirectsJson(visit.redirects()));
        p.put("reason", visit.reason());
        p.put("checksInStatus", checksInStatus);
        p.put("missesInARow", missesInARow);
        p.put("firstMissAt", time(firstMissAt));
        p.put("firstLiveAt", time(firstLiveAt));
        p.put("lostAt", time(lostAt));
        p.put("nextCheckAt", time(nextCheckAt));
        p.put("prospectStage", prospectStage());
        return p;
    }

    private static OffsetDateTime time(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    private static String redirectsJson(List<Redirect> redirects) {
        try {
            return JSON.writeValueAsString(redirects);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("redirects cannot be written as JSON", e);
        }
    }
}

package dev.outreachpipeline.api;

import dev.outreachpipeline.campaigns.Campaign;
import dev.outreachpipeline.campaigns.CampaignStore;
import dev.outreachpipeline.prospects.DraftDecisions;
import dev.outreachpipeline.prospects.ProspectCursor;
import dev.outreachpipeline.prospects.ProspectIds;
import dev.outreachpipeline.prospects.ProspectJson;
import dev.outreachpipeline.prospects.ProspectStore;
import dev.outreachpipeline.sending.MessagePreview;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * {@code GET /api/v1/prospects} and {@code GET /api/v1/prospects/{id}}: the rows of {@code prospects
 * list --json} (paged by their sort key, searchable) and the fields of {@code prospects show --json},
 * from {@link ProspectStore}, plus the first message as the send stage would send it now
 * ({@link MessagePreview}).
 */
final class ProspectEndpoints {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private final DataSource dataSource;
    private final MessagePreview preview;

    /** @param preview renders a draft as the send stage would send it; null where only lists are read */
    ProspectEndpoints(DataSource dataSource, MessagePreview preview) {
        this.dataSource = dataSource;
        this.preview = preview;
    }

    /** {@code ?campaign=&status=&min_score=&q=&limit=&cursor=}; every bad parameter is one reason of a 422. */
    Answer list(RoutingContext ctx) throws SQLException {
        var store = new ProspectStore(dataSource);
        var reasons = new ArrayList<String>();
        UUID campaignId = campaignId(query(ctx, "campaign"), reasons);
        String status = query(ctx, "status");
        if (status != null) {
            List<String> statuses = store.statuses();
            if (!statuses.contains(status)) {
                reasons.add("'" + status + "' is not a prospect status; use one of " + String.join(", ", statuses));
            }
        }
        BigDecimal minScore = minScore(query(ctx, "min_score"), reasons);
        String q = query(ctx, "q");
        int limit = limit(query(ctx, "limit"), reasons);
        ProspectCursor after = null;
        String cursor = query(ctx, "cursor");
        if (cursor != null) {
            try {
                after = ProspectCursor.decode(cursor);
            } catch (IllegalArgumentException e) {
                reasons.add(e.getMessage());
            }
        }
        if (!reasons.isEmpty()) {
            return Answer.refused(422, "the prospects were not listed", reasons);
        }
        // one row more than asked says whether there is a next page
        List<Map<String, Object>> rows = store.page(status, minScore, campaignId, q, after, limit + 1);
        boolean more = rows.size() > limit;
        List<Map<String, Object>> page = more ? rows.subList(0, limit) : rows;
        var body = new LinkedHashMap<String, Object>();
        body.put("prospects", ProspectJson.rows(page));
        body.put("next_cursor", more ? ProspectCursor.after(page.get(limit - 1)).encode() : null);
        return Answer.ok(body);
    }

    Answer show(RoutingContext ctx) throws SQLException {
        String typed = ctx.pathParam("id");
        UUID id = ProspectIds.parseOrNull(typed);
        if (id == null) {
            return Answer.refused(422, "no prospect was shown", List.of(notAnId(typed)));
        }
        Optional<Map<String, Object>> found = new ProspectStore(dataSource).find(id);
        if (found.isEmpty()) {
            return Answer.refused(404, "no such prospect", List.of("no prospect has the id " + id));
        }
        Map<String, Object> body = ProspectJson.row(found.get());
        MessagePreview.Preview message = message(new DraftDecisions(dataSource), preview, id);
        body.put("message", message.message());
        body.put("message_problems", message.problems());
        return Answer.ok(body);
    }

    /**
     * The prospect's first message exactly as the send stage would send it now, or (no draft yet) no
     * message and no problems.
     */
    static MessagePreview.Preview message(DraftDecisions decisions, MessagePreview preview, UUID id)
            throws SQLException {
        Optional<Map<String, Object>> facts = decisions.messageFacts(id);
        if (facts.isEmpty() || facts.get().get("draft_subject") == null) {
            return new MessagePreview.Preview(null, List.of());
        }
        Map<String, Object> f = facts.get();
        return preview.render(
                id,
                (String) f.get("campaign_mailboxes"),
                (String) f.get("contact_email"),
                (String) f.get("draft_subject"),
                (String) f.get("draft_body"),
                (String) f.get("draft_html"));
    }

    static String notAnId(String typed) {
        return "'" + typed + "' is not a prospect id (" + ProspectIds.FORM + ")";
    }

    /** The campaign's id, null for none asked; an unknown name adds a reason naming the campaigns there are. */
    UUID campaignId(String name, List<String> reasons) throws SQLException {
        if (name == null) {
            return null;
        }
        Optional<Campaign> found = new CampaignStore(dataSource).find(name);
        if (found.isEmpty()) {
            reasons.add(new CampaignStore(dataSource).unknown(name));
            return null;
        }
        return found.get().id();
    }

    static BigDecimal minScore(String text, List<String> reasons) {
        if (text == null) {
            return null;
        }
        try {
            BigDecimal score = new BigDecimal(text.trim());
            if (score.signum() < 0 || score.compareTo(BigDecimal.valueOf(100)) > 0) {
                reasons.add("min_score must be between 0 and 100, not " + text);
                return null;
            }
            return score;
        } catch (NumberFormatException e) {
            reasons.add("min_score must be a number between 0 and 100, not '" + text + "'");
            return null;
        }
    }

    private static int limit(String text, List<String> reasons) {
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // the same reason as a number out of range
        }
        reasons.add("limit must be a whole number from 1 to " + MAX_LIMIT + ", not '" + text + "'");
        return DEFAULT_LIMIT;
    }

    /** A query parameter, null when it is absent or empty (an empty filter filters nothing). */
    private static String query(RoutingContext ctx, String name) {
        List<String> values = ctx.queryParam(name);
        if (values.isEmpty() || values.get(0).isEmpty()) {
            return null;
        }
        return values.get(0);
    }
}

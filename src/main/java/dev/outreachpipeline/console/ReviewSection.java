package dev.outreachpipeline.console;

import dev.outreachpipeline.campaigns.Campaign;
import dev.outreachpipeline.campaigns.CampaignStore;
import dev.outreachpipeline.db.NamedParameters;
import dev.outreachpipeline.db.SqlStatement;
import dev.outreachpipeline.prospects.DraftDecisions;
import dev.outreachpipeline.prospects.ProspectIds;
import dev.outreachpipeline.prospects.ProspectStore;
import dev.outreachpipeline.sending.MessagePreview;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The review queue, {@code /review[?campaign=NAME&min_score=N]}: one drafted prospect at a time, best
 * score first, with the page it pitches, its contact and why, and its first message exactly as the
 * send stage would build it now ({@link MessagePreview}, as the API's {@code message}); edit the draft
 * (checked by the send stage's rules), approve, reject with a reason, skip (this session only: nothing
 * changes), bulk approve above a score. Every decision goes through {@link DraftDecisions} or {@link
 * ProspectStore}, as the API's and the command line's do. Every form works without JavaScript (a post,
 * then a redirect); with htmx the edit form swaps the message in place.
 */
final class ReviewSection implements ConsoleSection {

    /** The session key of the ids skipped in this session, comma-separated. */
    static final String SKIPPED = "outreach.review.skipped";

    /** How many skips a session remembers (the oldest is forgotten first). */
    static final int MAX_SKIPPED = 500;

    private static final NamedParameters QUEUE = SqlStatement.REVIEW_QUEUE.jdbc();

    private MessagePreview preview;
    private DataSource dataSource;

    @Override
    public void mount(ConsoleRouter router) {
        this.dataSource = router.services().dataSource();
        this.preview = MessagePreview.from(router.services().config());
        router.get("/review", this::queue);
        router.get("/review/:id", this::one);
        router.get("/review/:id/html", this::html);
        router.post("/review/approve", this::approveAll);
        router.post("/review/skipped/clear", this::clearSkipped);
        router.post("/review/:id/approve", this::approve);
        router.post("/review/:id/reject", this::reject);
        router.post("/review/:id/skip", this::skip);
        router.post("/review/:id/draft", this::edit);
    }

    /** The filters of the queue, as the request gives them; a bad one is a reason, and is left out. */
    private record Filters(String campaign, UUID campaignId, String minScoreText, BigDecimal minScore) {

        String query() {
            var q = new ArrayList<String>();
            if (campaign != null) {
                q.add("campaign=" + URLEncoder.encode(campaign, StandardCharsets.UTF_8));
            }
            if (minScoreText != null) {
                q.add("min_score=" + URLEncoder.encode(minScoreText, StandardCharsets.UTF_8));
            }
            return q.isEmpty() ? "" : "?" + String.join("&", q);
        }
    }

    private Filters filters(RoutingContext ctx, List<String> reasons) throws SQLException {
        String campaign = param(ctx, "campaign");
        UUID campaignId = null;
        if (campaign != null) {
            Optional<Campaign> found = new CampaignStore(dataSource).find(campaign);
            if (found.isEmpty()) {
                reasons.add("no campaign is named '" + campaign + "'");
            } else {
                campaignId = found.get().id();
            }
        }
        String minScoreText = param(ctx, "min_score");
        BigDecimal minScore = null;
        if (minScoreText != null) {
            try {
                minScore = new BigDecimal(minScoreText.trim());
                if (minScore.signum() < 0 || minScore.compareTo(BigDecimal.valueOf(100)) > 0) {
                    reasons.add("min_score must be between 0 and 100, not " + minScoreText);
                    minScore = null;
                }
            } catch (NumberFormatException e) {
                reasons.add("min_score must be a number between 0 and 100, not '" + minScoreText + "'");
            }
        }
        return new Filters(campaign, campaignId, minScoreText, minScore);
    }

    private ConsoleReply queue(RoutingContext ctx) throws SQLException {
        var reasons = new ArrayList<String>();
        Filters filters = filters(ctx, reasons);
        Map<String, Object> row = first(null, filters, skipped(ctx.session())).orElse(null);
        return new ConsoleReply.Page(
                reasons.isEmpty() ? 200 : 422,
                "review.html.ftl",
                model(
                        ctx,
                        filters,
                        row,
                        null,
                        reasons.isEmpty() ? null : new Refusal("filters", "The filters were not applied", reasons)));
    }

    /** One prospect of the queue, by id: where an edit leads back to. */
    private ConsoleReply one(RoutingContext ctx) throws SQLException {
        UUID id = ProspectIds.parseOrNull(ctx.pathParam("id"));
        Optional<Map<String, Object>> row = id == null ? Optional.empty() : first(id, null, List.of());
        if (row.isEmpty()) {
            return ConsoleReply.redirect("/review", "No prospect has that id.");
        }
        var filters = filters(ctx, new ArrayList<>());
        return ConsoleReply.page("review.html.ftl", model(ctx, filters, row.get(), null, null));
    }

    /** The HTML part as it would be sent, for the sandboxed frame of the review page. */
    private ConsoleReply html(RoutingContext ctx) throws SQLException {
        UUID id = ProspectIds.parseOrNull(ctx.pathParam("id"));
        Optional<Map<String, Object>> row = id == null ? Optional.empty() : first(id, null, List.of());
        Object html = row.map(r -> message(r).message()).map(m -> m.get("html")).orElse(null);
        return new ConsoleReply.Framed(
                html == null ? "<!DOCTYPE html><p>This message has no HTML part.</p>" : html.toString());
    }

    private ConsoleReply approve(RoutingContext ctx) throws SQLException {
        UUID id = ProspectIds.parseOrNull(ctx.pathParam("id"));
        var filters = filters(ctx, new ArrayList<>());
        if (id == null) {
            return ConsoleReply.redirect("/review" + filters.query(), "No prospect has that id.");
        }
        var store = new ProspectStore(dataSource);
        if (store.approve(List.of(id), false, null, null) == 1) {
            return ConsoleReply.redirect(
                    "/review" + filters.query(),
                    "Approved the draft to " + domain(store, id) + "; a send job sends it.");
        }
        return ConsoleReply.redirect(
                "/review" + filters.query(),
                "Not approved: " + domain(store, id) + " is " + status(store, id) + "; only drafted prospects can be"
                        + " approved.");
    }

    private ConsoleReply reject(RoutingContext ctx) throws SQLException {
        UUID id = ProspectIds.parseOrNull(ctx.pathParam("id"));
        var filters = filters(ctx, new ArrayList<>());
        if (id == null) {
            return ConsoleReply.redirect("/review" + filters.query(), "No prospect has that id.");
        }
        String reason = formField(ctx, "reason");
        DraftDecisions.Outcome outcome = new DraftDecisions(dataSource).reject(id, reason);
        var store = new ProspectStore(dataSource);
        return switch (outcome.result()) {
            case DONE ->
                ConsoleReply.redirect(
                        "/review" + filters.query(), "Rejected " + domain(store, id) + ": it will not be contacted.");
            case INVALID -> {
                Map<String, Object> row = first(id, null, List.of()).orElseThrow();
                var model = model(
                        ctx,
                        filters,
                        row,
                        null,
                        new Refusal("reject", "The prospect was not rejected", outcome.reasons()));
                model.put("reason", reason == null ? "" : reason);
                yield new ConsoleReply.Page(422, "review.html.ftl", model);
            }
            case UNKNOWN -> ConsoleReply.redirect("/review" + filters.query(), "No prospect has that id.");
            case CONFLICT ->
                ConsoleReply.redirect(
                        "/review" + filters.query(), "Not rejected: " + String.join("; ", outcome.reasons()) + ".");
        };
    }

    /** Skips the prospect in this session's queue; nothing about it changes. */
    private ConsoleReply skip(RoutingContext ctx) throws SQLException {
        UUID id = ProspectIds.parseOrNull(ctx.pathParam("id"));
        var filters = filters(ctx, new ArrayList<>());
        if (id != null) {
            var skipped = new LinkedHashSet<>(skipped(ctx.session()));
            skipped.add(id.toString());
            var kept = new ArrayList<>(skipped);
            ctx.session()
                    .put(SKIPPED, String.join(",", kept.subList(Math.max(0, kept.size() - MAX_SKIPPED), kept.size())));
        }
        return ConsoleReply.redirect("/review" + filters.query(), null);
    }

    private ConsoleReply clearSkipped(RoutingContext ctx) throws SQLException {
        ctx.session().remove(SKIPPED);
        return ConsoleReply.redirect(
                "/review" + filters(ctx, new ArrayList<>()).query(), "The skipped drafts are back in the queue.");
    }

    /** Saves an edited draft (the send stage's rules; a refusal shows every reason and saves nothing). */
    private ConsoleReply edit(RoutingContext ctx) throws SQLException {
        UUID id = ProspectIds.parseOrNull(ctx.pathParam("id"));
        var filters = filters(ctx, new ArrayList<>());
        if (id == null) {
            return ConsoleReply.redirect("/review" + filters.query(), "No prospect has that id.");
        }
        String subject = formField(ctx, "subject");
        String body = formField(ctx, "body");
        DraftDecisions.Outcome outcome = new DraftDecisions(dataSource).edit(id, subject, body);
        if (outcome.result() == DraftDecisions.Result.UNKNOWN) {
            return ConsoleReply.redirect("/review" + filters.query(), "No prospect has that id.");
        }
        Map<String, Object> row = first(id, null, List.of()).orElseThrow();
        boolean htmx = ConsoleRouter.fromHtmx(ctx);
        if (outcome.done()) {
            String saved = "Saved the draft." + (outcome.note() == null ? "" : " Note: " + outcome.note() + ".");
            if (htmx) {
                var model = model(ctx, filters, row, null, null);
                model.put("saved", saved);
                return ConsoleReply.page("review-message.html.ftl", model);
            }
            return ConsoleReply.redirect("/review/" + id + filters.query(), saved);
        }
        var edited = new HashMap<String, Object>();
        edited.put("subject", subject == null ? "" : subject);
        edited.put("body", body == null ? "" : body);
        var model = model(ctx, filters, row, edited, new Refusal("edit", "The draft was not saved", outcome.reasons()));
        return new ConsoleReply.Page(422, htmx ? "review-message.html.ftl" : "review.html.ftl", model);
    }

    private ConsoleReply approveAll(RoutingContext ctx) throws SQLException {
        var reasons = new ArrayList<String>();
        Filters filters = filters(ctx, reasons);
        if (!reasons.isEmpty()) {
            return new ConsoleReply.Page(
                    422,
                    "review.html.ftl",
                    model(ctx, filters, null, null, new Refusal("bulk", "Nothing was approved", reasons)));
        }
        int n = new ProspectStore(dataSource).approve(List.of(), true, filters.minScore(), filters.campaignId());
        return ConsoleReply.redirect(
                "/review" + filters.query(), "Approved " + n + " draft" + (n == 1 ? "" : "s") + ".");
    }

    /**
     * A refused request, shown next to the form it came from.
     *
     * @param place filters, reject, edit or bulk
     */
    private record Refusal(String place, String error, List<String> reasons) {}

    private Optional<Map<String, Object>> first(UUID id, Filters filters, List<String> skipped) throws SQLException {
        var values = new HashMap<String, Object>();
        values.put("prospectId", id == null ? null : id.toString());
        values.put(
                "campaignId",
                filters == null || filters.campaignId() == null
                        ? null
                        : filters.campaignId().toString());
        values.put("minScore", filters == null ? null : filters.minScore());
        values.put(
                "skipped",
                "["
                        + String.join(
                                ",", skipped.stream().map(s -> "\"" + s + "\"").toList()) + "]");
        List<Map<String, Object>> rows = QUEUE.rows(dataSource, values);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private MessagePreview.Preview message(Map<String, Object> row) {
        if (row.get("draft_subject") == null) {
            return new MessagePreview.Preview(null, List.of());
        }
        return preview.render(
                UUID.fromString(String.valueOf(row.get("id"))),
                (String) row.get("campaign_mailboxes"),
                (String) row.get("contact_email"),
                (String) row.get("draft_subject"),
                (String) row.get("draft_body"),
                (String) row.get("draft_html"));
    }

    /**
     * The page's model: the filters, the prospect (null for an empty queue) with its message as it
     * would be sent, the edit form's values (the draft, or what was typed when it was refused), and a
     * refusal with its reasons (null for none).
     */
    private HashMap<String, Object> model(
            RoutingContext ctx, Filters filters, Map<String, Object> row, Map<String, Object> edited, Refusal refusal) {
        var model = new HashMap<String, Object>();
        model.put("campaign", filters.campaign() == null ? "" : filters.campaign());
        model.put("minScore", filters.minScoreText() == null ? "" : filters.minScoreText());
        model.put("query", filters.query());
        model.put("skippedCount", skipped(ctx.session()).size());
        model.put("reason", "");
        if (refusal != null) {
            model.put(
                    "refusal",
                    Map.of(
                            "place",
                            refusal.place(),
                            "error",
                            refusal.error(),
                            "reasons",
                            List.copyOf(refusal.reasons())));
        }
        if (row != null) {
            var p = new HashMap<String, Object>();
            row.forEach((k, v) -> {
                if (v != null) {
                    p.put(k, v instanceof Temporal ? v.toString() : v instanceof Number n ? n.toString() : v);
                }
            });
            model.put("p", p);
            MessagePreview.Preview message = message(row);
            if (message.message() != null) {
                var m = new HashMap<String, Object>(message.message());
                m.remove("html");
                m.put("hasHtml", message.message().get("html") != null);
                var headers = new ArrayList<Map<String, Object>>();
                @SuppressWarnings("unchecked")
                Map<String, Object> h = (Map<String, Object>) message.message().get("headers");
                h.forEach((name, value) -> headers.add(Map.of("name", name, "value", String.valueOf(value))));
                m.put("headers", headers);
                m.remove("set_at_send");
                model.put("message", m);
            }
            model.put("messageProblems", message.problems());
            model.put(
                    "edit",
                    edited != null
                            ? edited
                            : Map.of(
                                    "subject", String.valueOf(row.getOrDefault("draft_subject", "")),
                                    "body", String.valueOf(row.getOrDefault("draft_body", ""))));
        }
        return model;
    }

    private static List<String> skipped(Session session) {
        Object value = session == null ? null : session.get(SKIPPED);
        if (value == null || value.toString().isEmpty()) {
            return List.of();
        }
        return List.of(value.toString().split(","));
    }

    private static String domain(ProspectStore store, UUID id) throws SQLException {
        return store.find(id).map(p -> String.valueOf(p.get("domain"))).orElse(id.toString());
    }

    private static String status(ProspectStore store, UUID id) throws SQLException {
        return store.find(id).map(p -> String.valueOf(p.get("outreach_status"))).orElse("gone");
    }

    /** A query parameter (the filters travel in the URL, also of a form's action), null when absent or empty. */
    private static String param(RoutingContext ctx, String name) {
        List<String> values = ctx.queryParam(name);
        String value = values.isEmpty() ? formField(ctx, name) : values.get(0);
        return value == null || value.isBlank() ? null : value;
    }

    private static String formField(RoutingContext ctx, String name) {
        return ctx.request().getFormAttribute(name);
    }
}

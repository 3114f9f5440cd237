package dev.outreachpipeline.console;

import dev.outreachpipeline.db.NamedParameters;
import dev.outreachpipeline.db.SqlStatement;
import dev.outreachpipeline.db.SqlValues;
import dev.outreachpipeline.prospects.HandBack;
import dev.outreachpipeline.prospects.MarkSent;
import dev.outreachpipeline.prospects.ProspectIds;
import dev.outreachpipeline.sending.Mailboxes;
import dev.outreachpipeline.sending.SendPreview;
import dev.outreachpipeline.sending.SendSettings;
import io.vertx.ext.web.RoutingContext;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * {@code GET /sending}: each mailbox's sends against its caps, its pause and when it sends next, the
 * queue with why each message waits — what {@code outreach send --dry-run} says, from the same
 * {@link SendPreview} — and the {@code send_unknown} prospects with the operator's two decisions:
 * {@code POST /sending/{id}/resend} (as {@code prospects resend}) and {@code POST /sending/{id}/mark-sent}
 * (as {@code prospects mark-sent}: found in the Sent folder).
 */
final class SendingSection implements ConsoleSection {

    private static final NamedParameters UNKNOWN = SqlStatement.SEND_UNKNOWN_PROSPECTS.jdbc();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");
    /** Where the jobs this page enqueues say they came from. */
    private static final String ORIGIN = "console";

    @Override
    public void mount(ConsoleRouter router) {
        ConsoleServices services = router.services();
        router.get("/sending", ctx -> ConsoleReply.page("sending.html.ftl", model(services)));
        router.post("/sending/:id/resend", ctx -> resend(services, ctx));
        router.post("/sending/:id/mark-sent", ctx -> markSent(services, ctx));
    }

    private static Map<String, Object> model(ConsoleServices services) throws SQLException {
        var mailboxes = Mailboxes.from(services.config());
        // the same seed as `send --dry-run`, so both draw the same spacing for a mailbox
        SendPreview.Preview preview = new SendPreview(
                        services.dataSource(), mailboxes, SendSettings.from(services.config()), null, new Random(0))
                .preview();
        var model = new HashMap<String, Object>();
        model.put("cannotSend", preview.cannotSend());
        var shown = new ArrayList<Map<String, Object>>();
        for (SendPreview.MailboxState m : preview.mailboxes()) {
            var row = new LinkedHashMap<String, Object>();
            row.put("id", m.id());
            row.put("address", m.address().isEmpty() ? "(MAIL_FROM not set)" : m.address());
            row.put("sentLast24h", m.sentLast24h());
            row.put("dailyCap", m.dailyCap());
            row.put("sentLastHour", m.sentLastHour());
            row.put("hourlyCap", m.hourlyCap());
            row.put("window", m.window());
            row.put("spacing", m.spacing() + " ± " + m.jitter());
            row.put("nextSend", m.nextSend());
            row.put("waits", m.holdsBack() != null);
            row.put("paused", m.pausedBecause() == null ? "" : m.pausedBecause());
            shown.add(row);
        }
        model.put("mailboxes", shown);
        var queue = new ArrayList<Map<String, Object>>();
        for (SendPreview.Queued q : preview.queue()) {
            queue.add(Map.of("position", q.position(), "contact", q.contactEmail(), "what", q.what(), "why", q.why()));
        }
        model.put("queue", queue);
        var unknown = new ArrayList<Map<String, Object>>();
        for (Map<String, Object> r : UNKNOWN.rows(services.dataSource(), Map.of())) {
            var row = new LinkedHashMap<String, Object>();
            row.put("id", r.get("id"));
            row.put("domain", text(r.get("domain")));
            row.put("contact", text(r.get("contact_email")));
            row.put("campaign", text(r.get("campaign")));
            row.put("subject", text(r.get("draft_subject")));
            row.put("message", message(((Number) r.get("step")).intValue()));
            Instant at = SqlValues.instant(r.get("attempted_at"));
            row.put("attemptedAt", at == null ? "not recorded" : TIME.format(at.atOffset(ZoneOffset.UTC)));
            row.put("from", text(r.get("from_address")));
            row.put("messageId", text(r.get("message_id")));
            row.put("reply", text(r.get("smtp_reply")));
            row.put("lastError", text(r.get("last_error")));
            unknown.add(row);
        }
        model.put("unknown", unknown);
        return model;
    }

    private static ConsoleReply resend(ConsoleServices services, RoutingContext ctx) throws SQLException {
        String typed = ctx.pathParam("id");
        UUID id = ProspectIds.parseOrNull(typed);
        if (id == null) {
            return refused(services, 422, "Nothing was resent.", "'" + typed + "' is not a prospect id");
        }
        HandBack.Outcome outcome =
                new HandBack(services.dataSource()).handBack(HandBack.Kind.RESEND, List.of(id.toString()), ORIGIN);
        if (outcome.moved().isEmpty()) {
            return refused(
                    services,
                    409,
                    "The prospect was not resent.",
                    outcome.refused().get(id.toString()));
        }
        return ConsoleReply.redirect(
                "/sending",
                "Prospect " + id + " will be sent again by send job " + outcome.job()
                        + (outcome.newJob() ? " (enqueued now)." : ", which was waiting already."));
    }

    private static ConsoleReply markSent(ConsoleServices services, RoutingContext ctx) throws SQLException {
        String typed = ctx.pathParam("id");
        UUID id = ProspectIds.parseOrNull(typed);
        if (id == null) {
            return refused(services, 422, "Nothing was marked sent.", "'" + typed + "' is not a prospect id");
        }
        var addresses = new LinkedHashMap<String, String>();
        Mailboxes.from(services.config()).all().forEach(m -> addresses.put(m.id(), m.address()));
        MarkSent.Outcome outcome =
                new MarkSent(services.dataSource(), addresses).markSent(id, "the operator (console)");
        if (!outcome.marked()) {
            return refused(
                    services,
                    outcome.status() == null ? 404 : 409,
                    "The prospect was not marked sent.",
                    outcome.refusal());
        }
        return ConsoleReply.redirect(
                "/sending",
                "Prospect " + id + " is marked sent: " + message(outcome.step()) + " went out at "
                        + TIME.format(outcome.sentAt().atOffset(ZoneOffset.UTC))
                        + "; its follow-ups fall due from then, as after any send.");
    }

    /** The page again with the refusal on top. */
    private static ConsoleReply refused(ConsoleServices services, int status, String error, String reason)
            throws SQLException {
        var model = model(services);
        model.put("error", error);
        model.put("reasons", reason == null ? List.of() : List.of(reason));
        return new ConsoleReply.Page(status, "sending.html.ftl", model);
    }

    private static String message(int step) {
        return step == 0 ? "its first message" : "its follow-up " + step;
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }
}

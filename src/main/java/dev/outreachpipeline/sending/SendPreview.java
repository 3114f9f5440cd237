package dev.outreachpipeline.sending;

import dev.outreachpipeline.cli.TerminalText;
import dev.outreachpipeline.db.NamedParameters;
import dev.outreachpipeline.db.SqlStatement;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;

/**
 * {@code outreach send --dry-run} and the console's sending page: what the next send job would do now, read-only — each mailbox's
 * recent sends against its caps, its pacing decision or its pause, and the queue in the order it is
 * served, each with the mailbox it would go from, what would happen to it and why. Addresses and
 * domains come from outside (SERP results, Hunter) and are printed through {@link TerminalText#line},
 * so an escape sequence in one cannot act on the terminal.
 */
public final class SendPreview {

    private static final NamedParameters SEND_FACTS = SqlStatement.SEND_FACTS.jdbc();
    private static final NamedParameters QUEUE = SqlStatement.SEND_PREVIEW_QUEUE.jdbc();
    private static final NamedParameters PAUSES = SqlStatement.MAILBOX_PAUSES.jdbc();

    private final DataSource dataSource;
    private final Mailboxes mailboxes;
    private final SendSettings send;
    private final UUID campaignId;
    private final RandomGenerator random;

    /** @param campaignId the campaign whose queue is shown, or null for every campaign */
    public SendPreview(
            DataSource dataSource, Mailboxes mailboxes, SendSettings send, UUID campaignId, RandomGenerator random) {
        this.dataSource = dataSource;
        this.mailboxes = mailboxes;
        this.send = send;
        this.campaignId = campaignId;
        this.random = random;
    }

    /** One mailbox as the next send job would find it. */
    private record State(Mailbox mailbox, PacingDecision decision, String pausedBecause, int room) {

        /** Why a message from this mailbox would not go now; null when it would. */
        String holdsBack() {
            if (pausedBecause != null) {
                return "the mailbox " + mailbox.id() + " is paused: " + pausedBecause;
            }
            return decision instanceof PacingDecision.Wait w ? w.reason() : null;
        }
    }

    /**
     * What {@code send --dry-run} says, as data: the CLI prints it ({@link #print}), the console's sending
     * page shows it. Every text from outside (addresses, suppression entries, campaign names) is already
     * one line without control characters.
     *
     * @param cannotSend why no mailbox can send (empty when one can)
     * @param mailboxes  each mailbox the next send job would use, with its counts, caps and when it sends next
     * @param queue      the approved prospects and due follow-ups in the order they are served, each with why
     */
    public record Preview(List<String> cannotSend, List<MailboxState> mailboxes, List<Queued> queue) {}

    /**
     * One mailbox as the next send job would find it.
     *
     * @param label         its address, after its id when there are several mailboxes
     * @param holdsBack     why a message from it would not go now, null when it would
     * @param pausedBecause why it is paused (its login was refused), or null
     */
    public record MailboxState(
            String id,
            String address,
            String label,
            int sentLast24h,
            int dailyCap,
            int sentLastHour,
            int hourlyCap,
            String window,
            String spacing,
            String jitter,
            String holdsBack,
            String pausedBecause) {

        /** "now", or "waits — " and the reason. */
        public String nextSend() {
            return holdsBack == null ? "now" : "waits — " + holdsBack;
        }
    }

    /**
     * A message in the queue.
     *
     * @param what "first message" or "follow-up N"
     * @param why  what would happen to it now and why
     */
    public record Queued(int position, String contactEmail, String what, String why) {}

    public void print(PrintWriter out) throws SQLException {
        Preview preview = preview();
        preview.cannotSend().forEach(p -> out.println("Cannot send: " + p));
        for (MailboxState m : preview.mailboxes()) {
            out.printf(
                    "Mailbox %s: %d sent in the last 24 h (cap %d), %d in the last hour (cap %d); window %s; spacing %s ± %s%n",
                    m.label(),
                    m.sentLast24h(),
                    m.dailyCap(),
                    m.sentLastHour(),
                    m.hourlyCap(),
                    m.window(),
                    m.spacing(),
                    m.jitter());
            out.println("Next send: " + m.nextSend());
        }
        for (Queued q : preview.queue()) {
            out.printf("%4d. %-40s %-14s %s%n", q.position(), q.contactEmail(), q.what(), q.why());
        }
        if (preview.queue().isEmpty()) {
            out.println("Nothing is approved or due for a follow-up.");
        }
    }

    /** Reads what the next send job would find and decides, once, what it would do with each message. */
    public Preview preview() throws SQLException {
        var cannotSend = new ArrayList<String>();
        var shownStates = new ArrayList<MailboxState>();
        List<Mailbox> sending = mailboxes.sending();
        if (sending.isEmpty()) {
            mailboxes.problems(mailboxes.get(MailboxIds.DEFAULT)).forEach(p -> cannotSend.add(TerminalText.line(p)));
        }
        boolean several = mailboxes.ids().size() > 1;
        var pauses = new HashMap<String, Map<String, Object>>();
        PAUSES.rows(dataSource, Map.of()).forEach(r -> pauses.put(String.valueOf(r.get("mailbox")), r));
        var states = new LinkedHashMap<String, State>();
        // default is described even when it cannot send, as it always was; a further one only when it can
        List<Mailbox> shown = sending.isEmpty() ? List.of(mailboxes.get(MailboxIds.DEFAULT)) : sending;
        for (Mailbox m : shown) {
            var facts = SEND_FACTS
                    .rows(
                            dataSource,
                            Map.of(
                                    "addresses",
                                    "[" + new com.fasterxml.jackson.databind.node.TextNode(m.address()) + "]"))
                    .get(0);
            int sent24h = ((Number) facts.get("sent_last_24h")).intValue();
            int sentHour = ((Number) facts.get("sent_last_hour")).intValue();
            PacingDecision decision = new SendPacing(m.pacing(), random)
                    .decide(new PacingFacts(
                            dev.outreachpipeline.db.SqlValues.instant(facts.get("now")),
                            sent24h,
                            sentHour,
                            dev.outreachpipeline.db.SqlValues.instant(facts.get("last_sent_at")),
                            dev.outreachpipeline.db.SqlValues.instant(facts.get("oldest_in_24h")),
                            dev.outreachpipeline.db.SqlValues.instant(facts.get("oldest_in_hour"))));
            var pause = pauses.get(m.id());
            String pausedBecause = pause != null && m.fingerprint().equals(pause.get("settings_fingerprint"))
                    ? String.valueOf(pause.get("reason"))
                    : null;
            PacingRules rules = m.pacing();
            var state = new State(
                    m,
                    decision,
                    pausedBecause,
                    Math.max(0, Math.min(rules.dailyCap() - sent24h, rules.hourlyCap() - sentHour)));
            shownStates.add(new MailboxState(
                    m.id(),
                    TerminalText.line(m.address()),
                    (several ? m.id() + " " : "")
                            + (m.address().isEmpty() ? "(MAIL_FROM not set)" : TerminalText.line(m.address())),
                    sent24h,
                    rules.dailyCap(),
                    sentHour,
                    rules.hourlyCap(),
                    String.valueOf(rules.window()),
                    DurationText.format(rules.spacing()),
                    DurationText.format(rules.jitter()),
                    state.holdsBack() == null ? null : TerminalText.line(state.holdsBack()),
                    pausedBecause == null ? null : TerminalText.line(pausedBecause)));
            states.put(m.id(), state);
        }

        var values = new HashMap<String, Object>();
        values.put("campaignId", campaignId);
        List<Map<String, Object>> rows = QUEUE.rows(dataSource, values);
        var queue = new ArrayList<Queued>();
        var sendable = new HashMap<String, Integer>();
        int position = 0;
        for (Map<String, Object> row : rows) {
            position++;
            boolean followup = Boolean.TRUE.equals(row.get("followup"));
            String what =
                    followup ? "follow-up " + (((Number) row.get("followups_sent")).intValue() + 1) : "first message";
            var skip = send.skipCountries().skipReason((Integer) row.get("location_code"));
            OffsetDateTime retry = (OffsetDateTime) row.get("next_attempt_at");
            State from = mailboxFor(String.valueOf(row.get("mailboxes")), states);
            String why;
            if (row.get("suppressed_by") != null) {
                why = "never sent: suppressed, " + TerminalText.line(String.valueOf(row.get("suppressed_by")));
            } else if (skip.isPresent()) {
                why = "never sent: " + TerminalText.line(skip.get());
            } else if (!"active".equals(row.get("campaign_status"))) {
                why = "waits: its campaign " + TerminalText.line(String.valueOf(row.get("campaign"))) + " is "
                        + row.get("campaign_status") + " (outreach campaign resume NAME)";
            } else if (from == null) {
                why = "waits: none of its mailboxes (" + TerminalText.line(String.valueOf(row.get("mailboxes")))
                        + ") can send";
            } else if (retry != null && retry.isAfter(OffsetDateTime.now())) {
                why = "waits: retry after a temporary SMTP failure at " + retry;
            } else {
                int before = sendable.getOrDefault(from.mailbox().id(), 0);
                if (from.pausedBecause() != null) {
                    why = "waits: " + TerminalText.line(from.holdsBack());
                } else if (before >= from.room()) {
                    why = "waits: the caps leave room for " + from.room() + " message(s) now";
                } else if (before == 0) {
                    why = from.holdsBack() != null
                            ? "waits: " + TerminalText.line(from.holdsBack())
                            : "would be sent now";
                } else {
                    why = "after " + before + " earlier message(s), one every "
                            + DurationText.format(from.mailbox().pacing().spacing()) + " or so";
                }
                sendable.put(from.mailbox().id(), before + 1);
                if (several) {
                    why = "from " + from.mailbox().id() + ": " + why;
                }
            }
            queue.add(new Queued(position, TerminalText.line(String.valueOf(row.get("contact_email"))), what, why));
        }
        return new Preview(List.copyOf(cannotSend), List.copyOf(shownStates), List.copyOf(queue));
    }

    /**
     * The mailbox a queued message would go from: the first of its mailboxes that can send now and has
     * room, else the first that can send at all; null when none of them can.
     */
    private static State mailboxFor(String ids, Map<String, State> states) {
        State fallback = null;
        for (String id : MailboxIds.parse(ids)) {
            State s = states.get(id);
            if (s == null) {
                continue;
            }
            if (s.holdsBack() == null && s.room() > 0) {
                return s;
            }
            if (fallback == null) {
                fallback = s;
            }
        }
        return fallback;
    }
}

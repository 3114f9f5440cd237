package dev.outreachpipeline.prospects;

import dev.outreachpipeline.db.NamedParameters;
import dev.outreachpipeline.db.SqlStatement;
import dev.outreachpipeline.drafting.HtmlFromText;
import dev.outreachpipeline.sending.DraftRules;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * An operator's decisions on one draft, for the API, the console and the command line alike: edit its
 * subject and text body (checked by {@link DraftRules}, the rules the send stage refuses a message by),
 * reject the prospect with a reason (it is never contacted), take an approval back. Each says what
 * happened: done (with the new status), no such prospect, refused because of where the prospect
 * stands, or refused because of what was asked, with every reason. A refused request changes nothing.
 */
public final class DraftDecisions {

    /** The longest reason for a rejection, in characters. */
    public static final int MAX_REASON = 500;

    private static final NamedParameters EDIT = SqlStatement.EDIT_DRAFT.jdbc();
    private static final NamedParameters REJECT = SqlStatement.REJECT_PROSPECT.jdbc();
    private static final NamedParameters UNAPPROVE = SqlStatement.UNAPPROVE_PROSPECT.jdbc();
    private static final NamedParameters MESSAGE = SqlStatement.PROSPECT_MESSAGE.jdbc();

    /** How a decision came out. */
    public enum Result {
        DONE,
        /** no prospect has the id */
        UNKNOWN,
        /** the prospect's status does not allow it */
        CONFLICT,
        /** what was asked is not acceptable (a bad draft, a missing reason) */
        INVALID
    }

    /**
     * @param status  the prospect's status afterwards (as it stands, when refused); null when unknown
     * @param reasons why it was refused, each a sentence; empty when done
     * @param note    what else the operator should know (e.g. the HTML part was cleared); may be null
     */
    public record Outcome(Result result, String status, List<String> reasons, String note) {

        public boolean done() {
            return result == Result.DONE;
        }
    }

    private final DataSource dataSource;

    public DraftDecisions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * What the prospect's first message is made of (id, outreach_status, contact_email, draft_subject,
     * draft_body, draft_html, campaign_mailboxes); empty for an unknown id.
     */
    public Optional<Map<String, Object>> messageFacts(UUID id) throws SQLException {
        List<Map<String, Object>> rows = MESSAGE.rows(dataSource, Map.of("prospectId", id.toString()));
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /**
     * Replaces the draft's subject and text body, when both pass {@link DraftRules} and the prospect is
     * drafted or approved (not yet claimed for sending). Line breaks are stored as \n, as drafting
     * stores them. A changed text never leaves an HTML part that says something else: one that was made
     * from the old text ({@link HtmlFromText}) is made anew from the new text; one a campaign's HTML
     * template wrote is cleared, and the note says the message goes out as text only (see
     * sql/edit-draft.sql).
     */
    public Outcome edit(UUID id, String subject, String body) throws SQLException {
        String text = body == null ? null : body.replace("\r\n", "\n").replace('\r', '\n');
        List<String> reasons = DraftRules.reasons(subject, text);
        if (!reasons.isEmpty()) {
            return refusedUnlessUnknown(id, Result.INVALID, reasons);
        }
        Optional<Map<String, Object>> before = messageFacts(id);
        if (before.isEmpty()) {
            return unknown(id);
        }
        Object storedText = before.get().get("draft_body");
        Object storedHtml = before.get().get("draft_html");
        var values = new HashMap<String, Object>();
        values.put("prospectId", id.toString());
        values.put("subject", subject);
        values.put("body", text);
        values.put("generatedHtml", storedText == null ? null : HtmlFromText.html(storedText.toString()));
        values.put("html", HtmlFromText.html(text));
        List<Map<String, Object>> rows = EDIT.rows(dataSource, values);
        if (rows.isEmpty()) {
            return conflict(
                    id,
                    "only a drafted prospect, or an approved one not yet claimed for sending, has a draft"
                            + " that can be edited");
        }
        boolean html = Boolean.TRUE.equals(rows.get(0).get("has_html"));
        boolean fromText = Boolean.TRUE.equals(rows.get(0).get("html_from_text"));
        String note;
        if (!html && storedHtml != null) {
            note = "the HTML part, written by the campaign's HTML template with the old wording, was dropped:"
                    + " the message goes out as text only";
        } else if (!html) {
            note = "the message has no HTML part: it goes out as text only";
        } else if (fromText && !text.equals(storedText)) {
            note = "the HTML part was made anew from the edited text";
        } else {
            note = null;
        }
        return new Outcome(Result.DONE, String.valueOf(rows.get(0).get("outreach_status")), List.of(), note);
    }

    /** Rejects the prospect: never contacted; the reason (required) is kept. */
    public Outcome reject(UUID id, String reason) throws SQLException {
        List<String> reasons = reasonProblems(reason);
        if (!reasons.isEmpty()) {
            return refusedUnlessUnknown(id, Result.INVALID, reasons);
        }
        var values = new HashMap<String, Object>();
        values.put("prospectId", id.toString());
        values.put("reason", reason.strip());
        if (REJECT.rows(dataSource, values).isEmpty()) {
            return conflict(
                    id,
                    "only a prospect nobody has written to and no job is working on can be rejected (pending,"
                            + " enriched, no_email, enrich_failed, drafted, draft_failed, approved, skipped)");
        }
        return new Outcome(Result.DONE, "rejected", List.of(), null);
    }

    /** An approved prospect not yet claimed for sending is drafted again. */
    public Outcome unapprove(UUID id) throws SQLException {
        if (UNAPPROVE.rows(dataSource, Map.of("prospectId", id.toString())).isEmpty()) {
            Optional<String> status = status(id);
            if (status.isEmpty()) {
                return unknown(id);
            }
            String why = switch (status.get()) {
                case "sending" -> "a send job claimed it for sending already (status sending)";
                case "drafted" -> "it is not approved (status drafted)";
                default ->
                    "it is " + status.get() + "; only an approved prospect not yet claimed for sending can be"
                            + " unapproved";
            };
            return new Outcome(Result.CONFLICT, status.get(), List.of(why), null);
        }
        return new Outcome(Result.DONE, "drafted", List.of(), null);
    }

    /** What is wrong with a rejection's reason: required, one line, at most {@value #MAX_REASON} characters. */
    public static List<String> reasonProblems(String reason) {
        var problems = new ArrayList<String>();
        if (reason == null || reason.isBlank()) {
            problems.add("a reason is required: say why this prospect is not to be contacted");
            return problems;
        }
        if (reason.strip().length() > MAX_REASON) {
            problems.add("the reason is " + reason.strip().length() + " characters long; the limit is " + MAX_REASON);
        }
        if (reason.codePoints().anyMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029)) {
            problems.add("the reason contains a line break or control character; write it on one line");
        }
        return problems;
    }

    private Outcome refusedUnlessUnknown(UUID id, Result result, List<String> reasons) throws SQLException {
        Optional<String> status = status(id);
        return status.isEmpty() ? unknown(id) : new Outcome(result, status.get(), List.copyOf(reasons), null);
    }

    private Outcome conflict(UUID id, String allowed) throws SQLException {
        Optional<String> status = status(id);
        if (status.isEmpty()) {
            return unknown(id);
        }
        return new Outcome(Result.CONFLICT, status.get(), List.of("it is " + status.get() + "; " + allowed), null);
    }

    private static Outcome unknown(UUID id) {
        return new Outcome(Result.UNKNOWN, null, List.of("no prospect has the id " + id), null);
    }

    private Optional<String> status(UUID id) throws SQLException {
        return messageFacts(id).map(row -> String.valueOf(row.get("outreach_status")));
    }
}

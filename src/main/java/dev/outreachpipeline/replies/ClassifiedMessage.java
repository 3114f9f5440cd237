package dev.outreachpipeline.replies;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A message read from the mailbox and what it is to us, ready for the record-inbound-message route:
 * where it sits in the folder (recording it moves the remembered position there), its own Message-ID,
 * and its classification. Whether it is about one of our messages the database decides.
 *
 * @param position     the folder's UIDVALIDITY and this message's UID
 * @param ownMessageId the message's own Message-ID (a copy of one of ours is not an answer), or null
 * @param from         its sender's bare address, or null
 * @param subject      its subject, one line, or null
 * @param received     when it was written (or received), or null
 */
public record ClassifiedMessage(
        MailboxPosition position,
        String ownMessageId,
        Classification classification,
        String from,
        String subject,
        Instant received) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public ClassifiedMessage(MailboxPosition position, String ownMessageId, Classification classification) {
        this(position, ownMessageId, classification, null, null, null);
    }

    public long uid() {
        return position.uid();
    }

    /** What the message is counted as when it is about one of ours: reply, auto_reply, hard_bounce, soft_bounce, unrelated. */
    public String kind() {
        return classification.outcome();
    }

    /** Its class (interested, out_of_office, …; see {@link ReplyClass}), or "none" for an unrelated message. */
    public String replyClass() {
        ReplyVerdict v = classification.verdict();
        return v == null ? "none" : v.replyClass().id();
    }

    /**
     * The parameters of the statements that record it (match-inbound-message, record-reply,
     * record-dsn-bounce, suppress-dsn-bounce, count-into-job-result, advance-mailbox-read, record-reply-text,
     * snooze-followups, suppress-reply-sender, move-stage-by-reply): the position, kind, messageIds (a
     * JSON array), ownMessageId, calls (always 0: reading mail costs no provider call), for a bounce the
     * lastError and suppressionSource sentences (null otherwise), and the reply's class, reason, text,
     * from, subject, receivedAt, returnDate, snoozeUntil and replyKey (the Message-ID, else the
     * message's place in the mailbox).
     */
    public Map<String, Object> parameters() {
        Map<String, Object> p = position.parameters();
        p.put("kind", kind());
        p.put("messageIds", idsJson(classification.messageIds()));
        p.put("ownMessageId", ownMessageId);
        p.put("calls", 0);
        p.put("lastError", null);
        p.put("suppressionSource", null);
        if (classification instanceof Classification.Bounce b) {
            String about = "DSN " + (b.status() == null ? "without status" : b.status())
                    + (b.recipient() == null ? "" : " for " + b.recipient())
                    + (b.diagnostic() == null ? "" : ": " + b.diagnostic());
            p.put("suppressionSource", InboundText.oneLine(about, 300));
            p.put("lastError", InboundText.oneLine("bounced (" + about + "); the address is suppressed", 400));
        }
        ReplyVerdict v = classification.verdict();
        // A message without a Message-ID is known by its place in the mailbox, so reading it again keeps it once too.
        p.put(
                "replyKey",
                ownMessageId != null
                        ? ownMessageId
                        : "imap:" + position.account() + "/" + position.folder() + "/" + position.uidValidity() + "/"
                                + position.uid());
        p.put("replyClass", replyClass());
        p.put("reason", v == null ? null : InboundText.oneLine(v.reason(), 1_000));
        p.put("replyText", v == null ? null : v.text());
        p.put("fromAddress", from);
        p.put("subject", subject);
        p.put("receivedAt", received == null ? null : Timestamp.from(received));
        p.put("returnDate", v == null || v.returnDate() == null ? null : java.sql.Date.valueOf(v.returnDate()));
        p.put("snoozeUntil", v == null || v.snoozeUntil() == null ? null : Timestamp.from(v.snoozeUntil()));
        p.put(
                "stageNote",
                v == null
                        ? null
                        : InboundText.oneLine(
                                "reply classified " + v.replyClass().id() + ": " + v.reason(), 500));
        return p;
    }

    /**
     * The ids as a JSON array for the database, each also in lower case: our ids are lower-case, and a
     * relay that changed their case must not hide a reply.
     */
    private static String idsJson(List<String> ids) {
        var all = new LinkedHashSet<String>();
        for (String id : ids) {
            all.add(id);
            all.add(id.toLowerCase(Locale.ROOT));
        }
        var array = JSON.createArrayNode();
        all.forEach(array::add);
        return array.toString();
    }
}

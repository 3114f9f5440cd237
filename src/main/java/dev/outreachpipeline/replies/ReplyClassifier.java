package dev.outreachpipeline.replies;

import dev.outreachpipeline.replies.InboundMessage.DeliveryReport;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides what a received message is: a reply, an automatic reply, a bounce or something else. It
 * does not know which Message-IDs are ours; it says which ids to look for, and the database decides.
 */
public final class ReplyClassifier {

    private final boolean ignoreAutoReplies;
    private final Set<String> ownAddresses;
    private final ReplyTextClassifier text;

    /**
     * @param ignoreAutoReplies automatic replies are told apart from a person's (otherwise they count as replies)
     * @param ownAddresses      our sending addresses: a message from one of them (a copy of our own) is never a reply
     */
    public ReplyClassifier(boolean ignoreAutoReplies, Collection<String> ownAddresses) {
        this(ignoreAutoReplies, ownAddresses, ReplySettings.DEFAULTS);
    }

    /**
     * @param ignoreAutoReplies automatic replies are told apart from a person's; otherwise they count as
     *                          a person's reply, to be read by a person ({@code needs_review})
     * @param ownAddresses      our sending addresses: a message from one of them (a copy of our own) is never a reply
     * @param settings          the snooze without a return date, and how much of a reply's text is kept
     */
    public ReplyClassifier(boolean ignoreAutoReplies, Collection<String> ownAddresses, ReplySettings settings) {
        this.text = new ReplyTextClassifier(settings);
        this.ignoreAutoReplies = ignoreAutoReplies;
        this.ownAddresses = ownAddresses.stream()
                .filter(a -> a != null && !a.isBlank())
                .map(a -> a.trim().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    public Classification classify(InboundMessage message) {
        List<String> ids = message.referencedIds();
        if (message.isDeliveryReport()) {
            return deliveryReport(message.deliveryReport(), ids);
        }
        if (message.from() != null && ownAddresses.contains(message.from())) {
            return new Classification.Unrelated("sent from our own address");
        }
        if (ids.isEmpty()) {
            return new Classification.Unrelated("refers to no earlier message");
        }
        java.time.Instant received = message.received() != null ? message.received() : java.time.Instant.now();
        List<String> automatic = message.autoReplySignals();
        ReplyVerdict verdict = text.classify(message.subject(), message.body(), automatic, received);
        if (automatic.isEmpty()) {
            // "I'm on annual leave" without an automatic header is still no answer: the follow-ups wait.
            return verdict.replyClass() == ReplyClass.OUT_OF_OFFICE
                    ? new Classification.AutoReply(ids, verdict.signals(), verdict)
                    : new Classification.Reply(ids, verdict);
        }
        if (ignoreAutoReplies) {
            return new Classification.AutoReply(ids, automatic, verdict);
        }
        var signals = new java.util.ArrayList<String>();
        signals.add("automatic, counted as a reply (outreach.replies.ignore-auto-replies = false)");
        signals.addAll(verdict.signals());
        return new Classification.Reply(
                ids, new ReplyVerdict(ReplyClass.NEEDS_REVIEW, signals, null, null, verdict.text()));
    }

    /**
     * Action failed with a 5.x.x status is a hard bounce. Any other failure or delay (a 4.x.x status, or
     * no usable one) is a soft bounce, as is a 4.x.x or 5.x.x status without an action: an address is
     * suppressed only when the report says plainly that delivery failed for good.
     */
    private static Classification deliveryReport(DeliveryReport report, List<String> ids) {
        if (ids.isEmpty()) {
            return new Classification.Unrelated("a delivery report that names no message");
        }
        String action = report.action();
        String status = report.status();
        boolean permanent = status != null && status.startsWith("5.");
        boolean temporary = status != null && status.startsWith("4.");
        if ("failed".equals(action) && permanent) {
            return bounce(true, report, ids);
        }
        if ("failed".equals(action) || "delayed".equals(action) || action == null && (permanent || temporary)) {
            return bounce(false, report, ids);
        }
        return new Classification.Unrelated(
                "a delivery report that is not a failure" + (action == null ? "" : " (action " + action + ")"));
    }

    private static Classification bounce(boolean hard, DeliveryReport report, List<String> ids) {
        return new Classification.Bounce(
                hard, report.status(), report.finalRecipient(), report.originalMessageId(), report.diagnostic(), ids);
    }
}

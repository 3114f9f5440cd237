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

    /**
     * @param ignoreAutoReplies automatic replies are told apart from a person's (otherwise they count as replies)
     * @param ownAddresses      our sending addresses: a message from one of them (a copy of our own) is never a reply
     */
    public ReplyClassifier(boolean ignoreAutoReplies, Collection<String> ownAddresses) {
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
        if (ignoreAutoReplies && !message.autoReplySignals().isEmpty()) {
            return new Classification.AutoReply(ids, message.autoReplySignals());
        }
        return new Classification.Reply(ids);
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

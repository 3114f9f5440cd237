package dev.outreachpipeline.replies;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * What we keep of a received message: its ids, who sent it, its subject, the signs that a machine
 * answered, and for a delivery status notification (RFC 3464) what it reports. Every text here has
 * been bounded and made one line by {@link InboundMessageReader}; Message-IDs keep their angle brackets.
 *
 * @param messageId        the message's own Message-ID, or null
 * @param inReplyTo        the ids in In-Reply-To
 * @param references       the ids in References, oldest first (capped)
 * @param from             the sender's bare address, lower-case, or null when unreadable
 * @param subject          the decoded subject, one line, at most 200 characters, or null
 * @param autoReplySignals why the message looks automatic (e.g. "Auto-Submitted: auto-replied"); empty for a person's
 * @param deliveryReport   what a delivery status notification reports; null for any other message
 * @param body             the message's text (see {@link MessageBody}), quoted history included; null when unread
 * @param received         when it was sent (its Date), else received; null when unknown
 */
public record InboundMessage(
        String messageId,
        List<String> inReplyTo,
        List<String> references,
        String from,
        String subject,
        List<String> autoReplySignals,
        DeliveryReport deliveryReport,
        String body,
        java.time.Instant received) {

    /**
     * A delivery status notification's facts about the one recipient it reports on.
     *
     * @param originalMessageId the Message-ID of the message it is about (from the returned headers, or an
     *                          Original-Message-ID field), or null
     * @param action            failed, delayed, delivered, relayed or expanded (lower-case), or null
     * @param status            the status code, e.g. 5.1.1, or null
     * @param finalRecipient    the address the report is about, lower-case, or null
     * @param diagnostic        the remote server's words (Diagnostic-Code), one line, at most 200 characters, or null
     */
    public record DeliveryReport(
            String originalMessageId, String action, String status, String finalRecipient, String diagnostic) {}

    /** A message whose text was not read. */
    public InboundMessage(
            String messageId,
            List<String> inReplyTo,
            List<String> references,
            String from,
            String subject,
            List<String> autoReplySignals,
            DeliveryReport deliveryReport) {
        this(messageId, inReplyTo, references, from, subject, autoReplySignals, deliveryReport, null, null);
    }

    public InboundMessage {
        inReplyTo = List.copyOf(Objects.requireNonNullElse(inReplyTo, List.of()));
        references = List.copyOf(Objects.requireNonNullElse(references, List.of()));
        autoReplySignals = List.copyOf(Objects.requireNonNullElse(autoReplySignals, List.of()));
    }

    /** A message of which nothing could be read. */
    public static InboundMessage unreadable() {
        return new InboundMessage(null, List.of(), List.of(), null, null, List.of(), null, null, null);
    }

    public boolean isDeliveryReport() {
        return deliveryReport != null;
    }

    /**
     * Every id the message refers to, nearest first: the reported message's id (for a delivery
     * report), then In-Reply-To, then References from its newest end back to the thread's root.
     */
    public List<String> referencedIds() {
        var ids = new LinkedHashSet<String>();
        if (deliveryReport != null && deliveryReport.originalMessageId() != null) {
            ids.add(deliveryReport.originalMessageId());
        }
        ids.addAll(inReplyTo);
        var newestFirst = new ArrayList<>(references);
        java.util.Collections.reverse(newestFirst);
        ids.addAll(newestFirst);
        if (messageId != null) {
            ids.remove(messageId);
        }
        return List.copyOf(ids);
    }
}

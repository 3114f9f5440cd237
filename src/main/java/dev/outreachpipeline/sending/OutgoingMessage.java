package dev.outreachpipeline.sending;

import java.util.List;
import java.util.Objects;

/**
 * Everything one outgoing email is made of, before it becomes a MIME message. Values are taken as
 * they are: {@link MessageComposer} checks them and refuses, rather than repairs, a bad one.
 *
 * @param fromAddress        the sender's bare address, e.g. {@code sam@example.com}
 * @param fromName           the sender's display name; null or blank for none
 * @param toAddress          the prospect's bare address
 * @param subject            one line; a follow-up's subject gets "Re: " put in front by the composer
 * @param textBody           the plain-text body, without the footer
 * @param htmlBody           the HTML body without the footer, every prospect-derived value already escaped; null for none
 * @param messageId          this message's Message-ID, generated and stored before sending, e.g. {@code <uuid@example.com>}
 * @param inReplyTo          the Message-ID of the message this follows up; null for a first contact
 * @param references         the thread's Message-IDs, oldest first; empty means just {@code inReplyTo}
 * @param unsubscribeUrl     the one-click unsubscribe link, {@code {publicBaseUrl}/u/{token}}
 * @param unsubscribeMailto  the unsubscribe mailto URI, e.g. {@code mailto:unsubscribe@example.com?subject=unsubscribe}
 * @param postalAddress      the sender's physical postal address, shown in the footer
 */
public record OutgoingMessage(
        String fromAddress,
        String fromName,
        String toAddress,
        String subject,
        String textBody,
        String htmlBody,
        String messageId,
        String inReplyTo,
        List<String> references,
        String unsubscribeUrl,
        String unsubscribeMailto,
        String postalAddress) {

    public OutgoingMessage {
        Objects.requireNonNull(fromAddress, "fromAddress");
        Objects.requireNonNull(toAddress, "toAddress");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(textBody, "textBody");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(unsubscribeUrl, "unsubscribeUrl");
        Objects.requireNonNull(unsubscribeMailto, "unsubscribeMailto");
        Objects.requireNonNull(postalAddress, "postalAddress");
        references = references == null ? List.of() : List.copyOf(references);
    }

    /** A first contact: no In-Reply-To, no References. */
    public static OutgoingMessage first(
            String fromAddress,
            String fromName,
            String toAddress,
            String subject,
            String textBody,
            String htmlBody,
            String messageId,
            String unsubscribeUrl,
            String unsubscribeMailto,
            String postalAddress) {
        return new OutgoingMessage(
                fromAddress,
                fromName,
                toAddress,
                subject,
                textBody,
                htmlBody,
                messageId,
                null,
                List.of(),
                unsubscribeUrl,
                unsubscribeMailto,
                postalAddress);
    }

    public boolean isFollowUp() {
        return inReplyTo != null;
    }
}

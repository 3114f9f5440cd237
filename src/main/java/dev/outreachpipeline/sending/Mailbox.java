package dev.outreachpipeline.sending;

import dev.outreachpipeline.replies.ImapSettings;
import java.util.Locale;
import java.util.Optional;

/**
 * One sending mailbox: its id, the SMTP server and From address it sends with, the caps and spacing
 * it keeps, and where its replies arrive (when IMAP is set). {@code default} is the mailbox of the
 * outreach.smtp.*, outreach.mail.*, outreach.send.* and outreach.imap.* settings; the others come from
 * outreach.mailbox.&lt;id&gt;.*. {@link #toString()} shows no password.
 */
public record Mailbox(String id, SmtpSettings smtp, PacingRules pacing, ImapSettings imap) {

    /** The From address, lower-case: what its sends are counted and locked by (send_attempts.mailbox). */
    public String address() {
        return smtp.from().toLowerCase(Locale.ROOT);
    }

    public String senderDomain() {
        return address().substring(address().indexOf('@') + 1);
    }

    /** Whether it can send at all (an SMTP server and a From address are set). */
    public boolean configured() {
        return !smtp.host().isBlank() && !smtp.from().isBlank();
    }

    /** Where its replies are read, when an IMAP server is set. */
    public Optional<ImapSettings> replies() {
        return imap.enabled() ? Optional.of(imap) : Optional.empty();
    }

    /**
     * A digest of the settings its SMTP login uses (server, port, security, user, password), keyed by the
     * unsubscribe secret: a pause records it, and an instance whose settings give another one does not
     * honour that pause. Keyed, so that the password cannot be guessed from the stored value.
     */
    public String fingerprint() {
        try {
            var mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(
                    ("mailbox-fingerprint:" + smtp.unsubscribeSecret())
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    "HmacSHA256"));
            String login = String.join(
                    "\n",
                    smtp.host().toLowerCase(Locale.ROOT),
                    Integer.toString(smtp.port()),
                    smtp.security().name(),
                    smtp.username(),
                    smtp.password());
            byte[] digest = mac.doFinal(login.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 16);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /**
     * The message this mailbox sends to a prospect: its From, the prospect's signed one-click unsubscribe
     * link, the unsubscribe address and the shared postal address. The send stage and the preview of a
     * draft both build messages here, so what an operator is shown is what leaves.
     *
     * @param references the thread's earlier Message-IDs, oldest first; empty for a first message
     */
    public OutgoingMessage message(
            java.util.UUID prospectId,
            String toAddress,
            String subject,
            String textBody,
            String htmlBody,
            String messageId,
            java.util.List<String> references) {
        String token = smtp.unsubscribeTokens().tokenFor(prospectId);
        return new OutgoingMessage(
                smtp.from(),
                smtp.fromName(),
                toAddress,
                subject,
                textBody,
                htmlBody,
                messageId,
                references.isEmpty() ? null : references.get(references.size() - 1),
                references,
                smtp.unsubscribeUrl(token),
                smtp.unsubscribeMailto(),
                smtp.postalAddress());
    }

    /** The name of its setting for a sentence: outreach.smtp.host for default, outreach.mailbox.b.smtp.host for b. */
    public String settingName(String defaultKey, String mailboxKey) {
        return MailboxIds.DEFAULT.equals(id) ? defaultKey : "outreach.mailbox." + id + "." + mailboxKey;
    }
}

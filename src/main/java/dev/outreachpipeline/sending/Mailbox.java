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

    /** The name of its setting for a sentence: outreach.smtp.host for default, outreach.mailbox.b.smtp.host for b. */
    public String settingName(String defaultKey, String mailboxKey) {
        return MailboxIds.DEFAULT.equals(id) ? defaultKey : "outreach.mailbox." + id + "." + mailboxKey;
    }
}

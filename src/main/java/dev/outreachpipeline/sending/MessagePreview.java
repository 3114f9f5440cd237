package dev.outreachpipeline.sending;

import dev.outreachpipeline.config.OutreachConfig;
import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A prospect's first message as it would be sent now: built by the mailbox its campaign sends from
 * ({@link Mailbox#message}) and composed by the same {@link MessageComposer} the send stage uses, then
 * read back part by part. Date and Message-ID are left out: the send stage sets them when the message
 * leaves, and a preview that showed them would show values that will never be used.
 *
 * <p>Thread-safe.
 */
public final class MessagePreview {

    /** The headers the send stage sets only when the message leaves. */
    public static final List<String> SET_AT_SEND = List.of("Date", "Message-ID");

    public static final String NOTE = "Date and Message-ID are set when the message is sent (a multipart"
            + " message's boundary is drawn anew then too); everything else is what the send stage would send now.";

    private final Mailboxes mailboxes;
    private final MessageComposer composer;

    public MessagePreview(Mailboxes mailboxes, Clock clock) {
        this.mailboxes = mailboxes;
        this.composer = new MessageComposer(clock);
    }

    public static MessagePreview from(OutreachConfig config) {
        return new MessagePreview(Mailboxes.from(config), Clock.systemUTC());
    }

    /**
     * The message, or why it cannot be shown.
     *
     * @param message  subject, text, html (null for none), headers (name to decoded value, in order),
     *                 mailbox, set_at_send, note; null when it cannot be built
     * @param problems why it cannot be built (sending settings missing, a draft the composer refuses)
     */
    public record Preview(Map<String, Object> message, List<String> problems) {}

    /**
     * @param campaignMailboxes the campaign's mailbox ids as stored (comma-separated, the first that can
     *                          send is the one a send job tries first)
     */
    public Preview render(
            UUID prospectId, String campaignMailboxes, String toAddress, String subject, String text, String html) {
        List<String> named = campaignMailboxes == null || campaignMailboxes.isBlank()
                ? List.of(MailboxIds.DEFAULT)
                : Arrays.stream(campaignMailboxes.split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList();
        List<Mailbox> sending = mailboxes.sending();
        List<Mailbox> usable = named.stream()
                .flatMap(id -> mailboxes.find(id).stream())
                .filter(sending::contains)
                .toList();
        if (usable.isEmpty()) {
            var problems = new ArrayList<String>();
            for (String id : named) {
                problems.add(mailboxes
                        .find(id)
                        .map(m -> "mailbox " + id + " cannot send: " + String.join(" ", mailboxes.problems(m)))
                        .orElse("mailbox " + id + " is not configured"));
            }
            return new Preview(null, problems);
        }
        Mailbox mailbox = usable.get(0);
        try {
            MimeMessage composed = composer.compose(mailbox.message(
                    prospectId, toAddress, subject, text, html, "<preview@" + mailbox.senderDomain() + ">", List.of()));
            return new Preview(read(composed, mailbox, usable), List.of());
        } catch (MessageRejected e) {
            return new Preview(null, List.of(e.getMessage()));
        }
    }

    private static Map<String, Object> read(MimeMessage m, Mailbox mailbox, List<Mailbox> usable) {
        try {
            var out = new LinkedHashMap<String, Object>();
            out.put("subject", m.getSubject());
            String textPart;
            String htmlPart = null;
            if (m.getContent() instanceof MimeMultipart parts) {
                textPart = content(parts.getBodyPart(0));
                htmlPart = content(parts.getBodyPart(1));
            } else {
                textPart = String.valueOf(m.getContent());
            }
            out.put("text", lf(textPart));
            out.put("html", htmlPart == null ? null : lf(htmlPart));
            var headers = new LinkedHashMap<String, Object>();
            for (Header h : Collections.list(m.getAllHeaders())) {
                if (SET_AT_SEND.stream().noneMatch(h.getName()::equalsIgnoreCase)) {
                    headers.put(h.getName(), decoded(h.getValue()));
                }
            }
            out.put("headers", headers);
            out.put("mailbox", mailbox.id());
            out.put("mailboxes", usable.stream().map(Mailbox::id).toList());
            out.put("set_at_send", SET_AT_SEND);
            out.put("note", NOTE);
            return out;
        } catch (MessagingException | IOException e) {
            // the message was built a moment ago in memory: reading it back cannot fail but by a bug
            throw new IllegalStateException("a composed message could not be read back: " + e.getMessage(), e);
        }
    }

    private static String content(BodyPart part) throws MessagingException, IOException {
        return String.valueOf(part.getContent());
    }

    private static String decoded(String value) {
        String unfolded = MimeUtility.unfold(value);
        try {
            return MimeUtility.decodeText(unfolded);
        } catch (UnsupportedEncodingException e) {
            return unfolded;
        }
    }

    private static String lf(String s) {
        return s.replace("\r\n", "\n");
    }
}

package dev.outreachpipeline.sending;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Turns an {@link OutgoingMessage} into the MIME message that is handed to SMTP, header by header, so
 * that nothing about it depends on Camel headers or Jakarta Mail defaults: From, To, Subject, Date,
 * Message-ID, the thread headers of a follow-up, RFC 8058 one-click unsubscribe, and a footer with the
 * postal address and the unsubscribe link. The text part is format=flowed ({@link FlowedText}); the HTML
 * part, when the draft has one, is sent as it was drafted, with the footer added.
 *
 * <p>Every header value is checked before it is used, and a bad one is refused ({@link MessageRejected})
 * rather than cleaned: the values were approved as they are, and CR or LF in a header lets whoever
 * wrote the value add header fields of their own (a Bcc, say).
 *
 * <p>Thread-safe.
 */
public final class MessageComposer {

    /** The longest line RFC 5322 allows, without its CRLF. */
    static final int MAX_LINE = 998;

    static final String FOOTER_SOURCE_LINE = "We found your address in a public listing of contacts for your website.";

    private static final Pattern MESSAGE_ID =
            Pattern.compile("<[^<>@\\s\"()\\[\\]\\\\,;:]+@[^<>@\\s\"()\\[\\]\\\\,;:]+>");
    private static final Pattern REPLY_PREFIX = Pattern.compile("^(?:\\s*re\\s*:\\s*)+", Pattern.CASE_INSENSITIVE);
    private static final Pattern CLOSING_BODY = Pattern.compile("(?i)</body\\s*>");
    private static final DateTimeFormatter RFC_5322_DATE =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.US);
    private static final String UTF_8 = "UTF-8";

    private final Clock clock;
    private final Session session;

    /** @param clock gives the Date header */
    public MessageComposer(Clock clock) {
        this.clock = clock;
        // Composing needs no server; the sending side brings its own session.
        this.session = Session.getInstance(new Properties());
    }

    /**
     * @throws MessageRejected naming the field when a value may not go into the message
     */
    public MimeMessage compose(OutgoingMessage m) {
        check(m);
        String subject = m.isFollowUp() ? replySubject(m.subject()) : m.subject();
        try {
            var message = new FixedIdMimeMessage(session, m.messageId());
            message.setFrom(from(m));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(m.toAddress(), true));
            message.setSubject(subject, UTF_8);
            message.setHeader("Date", RFC_5322_DATE.format(ZonedDateTime.now(clock)));
            if (m.isFollowUp()) {
                message.setHeader("In-Reply-To", m.inReplyTo());
                List<String> references = m.references().isEmpty() ? List.of(m.inReplyTo()) : m.references();
                message.setHeader(
                        "References", MimeUtility.fold("References: ".length(), String.join(" ", references)));
            }
            message.setHeader(
                    "List-Unsubscribe",
                    MimeUtility.fold(
                            "List-Unsubscribe: ".length(),
                            "<" + m.unsubscribeUrl() + ">, <" + m.unsubscribeMailto() + ">"));
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            setBody(message, m);
            message.saveChanges();
            checkLineLengths(message);
            return message;
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new MessageRejected("message", "the message could not be built: " + e.getMessage(), e);
        }
    }

    /**
     * A follow-up's subject: "Re: " once, in front of the subject without the "Re:" prefixes it may
     * already carry ("RE: re: x" becomes "Re: x").
     */
    static String replySubject(String subject) {
        return "Re: " + REPLY_PREFIX.matcher(subject).replaceFirst("");
    }

    private static void check(OutgoingMessage m) {
        MailAddresses.problem(m.fromAddress()).ifPresent(p -> {
            throw new MessageRejected(
                    "From", "invalid sender address " + HeaderText.quoted(m.fromAddress()) + ": it " + p);
        });
        MailAddresses.problem(m.toAddress()).ifPresent(p -> {
            throw new MessageRejected(
                    "To", "invalid recipient address " + HeaderText.quoted(m.toAddress()) + ": it " + p);
        });
        if (m.fromName() != null) {
            checkText("From display name", m.fromName());
        }
        // the draft's own rules, the ones an edit of the draft is checked against as well
        List<DraftRules.Problem> draft = DraftRules.problems(m.subject(), m.textBody());
        if (!draft.isEmpty()) {
            throw new MessageRejected(draft.get(0).field(), draft.get(0).reason());
        }
        checkMessageId("Message-ID", m.messageId());
        if (m.inReplyTo() != null) {
            checkMessageId("In-Reply-To", m.inReplyTo());
        } else if (!m.references().isEmpty()) {
            throw new MessageRejected(
                    "References", "References are set but In-Reply-To is not; a follow-up needs both");
        }
        for (String reference : m.references()) {
            checkMessageId("References", reference);
        }
        checkUri("List-Unsubscribe URL", m.unsubscribeUrl(), "https://", "http://");
        checkUri("List-Unsubscribe mailto", m.unsubscribeMailto(), "mailto:");
        if (m.postalAddress().isBlank()) {
            throw new MessageRejected(
                    "postal address",
                    "the postal address is empty; every message must carry the"
                            + " sender's physical postal address (CAN-SPAM)");
        }
    }

    private static void checkText(String field, String value) {
        if (HeaderText.hasControl(value)) {
            throw new MessageRejected(
                    field,
                    "the " + field + " " + HeaderText.quoted(value)
                            + " contains a line break or control character; it may not go into a header");
        }
    }

    private static void checkMessageId(String field, String value) {
        checkText(field, value);
        if (value.length() > 250 || !MESSAGE_ID.matcher(value).matches()) {
            throw new MessageRejected(
                    field,
                    "the " + field + " " + HeaderText.quoted(value)
                            + " is not a message id of the form <unique@domain>");
        }
    }

    /** A URI in angle brackets in List-Unsubscribe: no space, no bracket, nothing that ends the header. */
    private static void checkUri(String field, String value, String... schemes) {
        checkText(field, value);
        boolean schemeOk = false;
        for (String scheme : schemes) {
            schemeOk |= value.regionMatches(true, 0, scheme, 0, scheme.length()) && value.length() > scheme.length();
        }
        if (!schemeOk
                || value.chars()
                        .anyMatch(c -> c == '<' || c == '>' || c == '"' || Character.isWhitespace(c) || c > 126)) {
            throw new MessageRejected(
                    field,
                    "the " + field + " " + HeaderText.quoted(value) + " must be a " + String.join(" or ", schemes)
                            + " URI without spaces, quotes, angle brackets or non-ASCII characters");
        }
    }

    private static InternetAddress from(OutgoingMessage m) throws UnsupportedEncodingException, MessagingException {
        var from = new InternetAddress(m.fromAddress(), true);
        if (m.fromName() != null && !m.fromName().isBlank()) {
            // Jakarta Mail quotes or RFC 2047-encodes the name, so it cannot pose as a second address.
            from.setPersonal(m.fromName().strip(), UTF_8);
        }
        return from;
    }

    private static void setBody(MimeMessage message, OutgoingMessage m) throws MessagingException {
        String text = crlf(flowedText(m));
        if (m.htmlBody() == null || m.htmlBody().isBlank()) {
            message.setContent(text, FlowedText.CONTENT_TYPE);
            quotedPrintable(message);
            return;
        }
        var textPart = new MimeBodyPart();
        textPart.setContent(text, FlowedText.CONTENT_TYPE);
        quotedPrintable(textPart);
        var htmlPart = new MimeBodyPart();
        htmlPart.setText(crlf(withHtmlFooter(m.htmlBody(), htmlFooter(m))), UTF_8, "html");
        quotedPrintable(htmlPart);
        // Least preferred first: a client shows the last part it can render.
        message.setContent(new MimeMultipart("alternative", textPart, htmlPart));
    }

    /**
     * Quoted-printable keeps every encoded line short whatever the body holds: a line of more than 998
     * characters would otherwise be cut or bounced by some server on the way.
     */
    private static void quotedPrintable(jakarta.mail.Part part) throws MessagingException {
        part.setHeader("Content-Transfer-Encoding", "quoted-printable");
    }

    /**
     * The text part: the draft's paragraphs and the footer, wrapped by {@link FlowedText} (format=flowed),
     * so a paragraph stored as one line reads as short lines everywhere and reflows where it can. The
     * footer's unsubscribe link is a word like any other, never cut.
     */
    static String flowedText(OutgoingMessage m) {
        return FlowedText.encode(m.textBody().stripTrailing() + "\n" + textFooter(m));
    }

    static String textFooter(OutgoingMessage m) {
        return "\n--\n"
                + m.postalAddress().strip() + "\n"
                + FOOTER_SOURCE_LINE + "\n"
                + "Unsubscribe: " + m.unsubscribeUrl() + "\n";
    }

    static String htmlFooter(OutgoingMessage m) {
        return "<hr>\n<p style=\"font-size:12px;color:#666666\">"
                + escapeHtml(m.postalAddress().strip()).replace("\n", "<br>\n") + "<br>\n"
                + escapeHtml(FOOTER_SOURCE_LINE) + "<br>\n"
                + "<a href=\"" + escapeHtml(m.unsubscribeUrl()) + "\">Unsubscribe</a></p>\n";
    }

    /** The footer goes before the last {@code </body>}, or at the end of a fragment without one. */
    private static String withHtmlFooter(String html, String footer) {
        var matcher = CLOSING_BODY.matcher(html);
        int at = -1;
        while (matcher.find()) {
            at = matcher.start();
        }
        return at < 0 ? html.stripTrailing() + "\n" + footer : html.substring(0, at) + footer + html.substring(at);
    }

    static String escapeHtml(String text) {
        return com.google.common.html.HtmlEscapers.htmlEscaper().escape(text);
    }

    private static String crlf(String s) {
        return s.replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\r\n");
    }

    /**
     * The last word on header lines: Jakarta Mail folds long values at spaces, but a value with a
     * run of more than ~990 characters without one cannot be folded, and such a line is refused.
     */
    private static void checkLineLengths(MimeMessage message) throws MessagingException {
        for (String header : Collections.list(message.getAllHeaderLines())) {
            for (String line : header.split("\r\n")) {
                if (line.length() > MAX_LINE) {
                    String name = header.substring(0, Math.max(0, header.indexOf(':')));
                    throw new MessageRejected(
                            name,
                            "the " + name + " header has a line of " + line.length()
                                    + " characters that cannot be folded; the limit is " + MAX_LINE);
                }
            }
        }
    }

    /**
     * Jakarta Mail gives a message a fresh Message-ID each time its changes are saved (and Transport.send
     * saves them). Ours was generated and stored before sending, so that replies and bounces can be
     * matched to the prospect: it must be the one that leaves.
     */
    private static final class FixedIdMimeMessage extends MimeMessage {

        private final String messageId;

        FixedIdMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}

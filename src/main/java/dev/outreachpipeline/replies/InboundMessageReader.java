package dev.outreachpipeline.replies;

import dev.outreachpipeline.replies.InboundMessage.DeliveryReport;
import jakarta.mail.BodyPart;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.StoreClosedException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a received message (from the IMAP folder, or built in a test) into an {@link InboundMessage}.
 * Everything in it is untrusted: a header that is missing, garbled or enormous gives null or an empty
 * list rather than an error; encoded words are decoded where possible and the result made one bounded
 * line; of a delivery report only the first parts, and of each only its beginning, are read. Reading
 * never marks the message \Seen when the session peeks (see {@link ImapSettings#mailProperties()}).
 */
public final class InboundMessageReader {

    /** Ids kept from References: the first and the last half of this many. */
    static final int MAX_REFERENCES = 100;
    /** Ids kept from In-Reply-To (normally one). */
    static final int MAX_IN_REPLY_TO = 10;
    /** Bytes read of one part of a delivery report. */
    static final int MAX_PART_BYTES = 64 * 1024;
    /** Parts of a delivery report looked at. */
    static final int MAX_PARTS = 10;

    private static final Set<String> AUTOMATIC_PRECEDENCE = Set.of("auto_reply", "bulk", "junk");
    /**
     * Subjects that out-of-office and vacation responders put first, in the languages they are most
     * often met in. Only at the start, so a person's "Re: your vacation rentals post" is not taken for one.
     */
    private static final Pattern VACATION_SUBJECT = Pattern.compile(
            "^\\s*(?:"
                    + "out of (?:the )?office|ooo\\b|automatic reply|auto(?:matic)?[ -]?(?:reply|response|respon[sd]er)\\b|autoreply"
                    + "|away from (?:the |my )?(?:office|desk)|on vacation\\b|vacation (?:reply|notice|message|auto)"
                    + "|abwesenheit|automatische antwort|r[ée]ponse automatique|absence du bureau|respuesta autom[áa]tica"
                    + "|fuera de la oficina|risposta automatica|fuori ufficio|automatisch antwoord|afwezigheid"
                    + "|resposta autom[áa]tica|automatyczna odpowied[źz]|autosvar|automatiskt svar)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private InboundMessageReader() {}

    /**
     * @throws MessagingException only when the connection to the server is lost (the folder or store
     *                            closed), so that the message is read again by the next check
     */
    public static InboundMessage read(Message message) throws MessagingException {
        String subject = subject(header(message, "Subject"));
        DeliveryReport report = deliveryReport(message);
        return new InboundMessage(
                first(InboundText.messageIds(header(message, "Message-ID"), 1)),
                InboundText.messageIds(header(message, "In-Reply-To"), MAX_IN_REPLY_TO),
                InboundText.messageIds(allValues(message, "References"), MAX_REFERENCES),
                from(header(message, "From")),
                subject,
                autoReplySignals(message, subject),
                report,
                report == null ? MessageBody.text(message) : null,
                written(message));
    }

    /** Why the message looks written by a machine rather than a person (RFC 3834 and common practice). */
    static List<String> autoReplySignals(Part message, String subject) throws MessagingException {
        var signals = new ArrayList<String>();
        String autoSubmitted = header(message, "Auto-Submitted");
        if (autoSubmitted != null && !autoSubmitted.isBlank()) {
            String kind = InboundText.token(autoSubmitted);
            if (!"no".equals(kind)) {
                signals.add("Auto-Submitted: " + (kind == null ? "(unreadable)" : kind));
            }
        }
        for (String name : List.of("X-Autoreply", "X-Autorespond")) {
            String value = header(message, name);
            if (value != null && !value.isBlank()) {
                String kind = InboundText.token(value);
                if (!"no".equals(kind) && !"false".equals(kind)) {
                    signals.add(name);
                }
            }
        }
        // Exchange puts it on its own automatic replies (asking that nothing answers them in turn).
        String suppress = header(message, "X-Auto-Response-Suppress");
        if (suppress != null && !suppress.isBlank()) {
            signals.add("X-Auto-Response-Suppress: " + InboundText.oneLine(suppress, 60));
        }
        String precedence = InboundText.token(header(message, "Precedence"));
        if (precedence != null && AUTOMATIC_PRECEDENCE.contains(precedence)) {
            signals.add("Precedence: " + precedence);
        }
        if (subject != null && VACATION_SUBJECT.matcher(subject).find()) {
            signals.add("out-of-office subject");
        }
        return signals;
    }

    /** The report of a multipart/report; report-type=delivery-status message; null for any other message. */
    static DeliveryReport deliveryReport(Part message) throws MessagingException {
        ContentType type = contentType(message);
        if (type == null || !type.match("multipart/report")) {
            return null;
        }
        String reportType = type.getParameter("report-type");
        if (reportType == null
                || !(reportType.trim().equalsIgnoreCase("delivery-status")
                        || reportType.trim().equalsIgnoreCase("global-delivery-status"))) {
            return null;
        }
        DeliveryReport fields = null;
        String returnedId = null;
        try {
            // Built from the data source, not getContent(): no content handler gets to judge the report.
            var parts = new MimeMultipart(message.getDataHandler().getDataSource());
            int count = Math.min(parts.getCount(), MAX_PARTS);
            for (int i = 0; i < count; i++) {
                BodyPart part = parts.getBodyPart(i);
                ContentType partType = contentType(part);
                if (partType == null) {
                    continue;
                }
                if (fields == null
                        && (partType.match("message/delivery-status")
                                || partType.match("message/global-delivery-status"))) {
                    fields = DeliveryStatusParser.parse(beginning(part));
                } else if (returnedId == null
                        && (partType.match("message/rfc822") || partType.match("message/global"))) {
                    returnedId = returnedMessageId(part, true);
                } else if (returnedId == null
                        && (partType.match("text/rfc822-headers") || partType.match("message/global-headers"))) {
                    returnedId = returnedMessageId(part, false);
                }
            }
        } catch (FolderClosedException | StoreClosedException e) {
            throw e;
        } catch (MessagingException | IOException | RuntimeException e) {
            // A garbled report: what was read so far is all there is.
        }
        if (fields == null) {
            fields = new DeliveryReport(null, null, null, null, null);
        }
        return new DeliveryReport(
                returnedId != null ? returnedId : fields.originalMessageId(),
                fields.action(),
                fields.status(),
                fields.finalRecipient(),
                fields.diagnostic());
    }

    /**
     * The Message-ID among the returned message's headers. A returned whole message is asked for its id
     * first: over IMAP that is the nested message the server described in its BODYSTRUCTURE, and asking
     * fetches nothing more (some servers send only the body for a message/rfc822 part's section).
     */
    private static String returnedMessageId(Part part, boolean wholeMessage) throws MessagingException, IOException {
        if (wholeMessage) {
            try {
                if (part.getContent() instanceof MimeMessage nested) {
                    String id = first(InboundText.messageIds(InboundText.capped(nested.getMessageID()), 1));
                    if (id != null) {
                        return id;
                    }
                }
            } catch (FolderClosedException | StoreClosedException e) {
                throw e;
            } catch (MessagingException | IOException | RuntimeException e) {
                // read its headers from its bytes instead
            }
        }
        var headers = new InternetHeaders(new ByteArrayInputStream(beginning(part)), true);
        return first(InboundText.messageIds(headers.getHeader("Message-ID", null), 1));
    }

    /** At most {@link #MAX_PART_BYTES} of a part's content, transfer encoding undone. */
    private static byte[] beginning(Part part) throws MessagingException, IOException {
        InputStream in = null;
        if (part instanceof MimeBodyPart mime) {
            // The raw stream reads only what is asked for; getInputStream() may render a whole nested message first.
            try {
                in = mime.getRawInputStream();
            } catch (FolderClosedException | StoreClosedException e) {
                throw e;
            } catch (MessagingException e) {
                in = null; // a part built in memory has no raw bytes yet
            }
            String encoding = in == null ? null : mime.getEncoding();
            if (encoding != null) {
                try {
                    in = MimeUtility.decode(in, encoding.trim());
                } catch (MessagingException e) {
                    // an unknown transfer encoding: read the bytes as they are
                }
            }
        }
        if (in == null) {
            in = part.getInputStream();
        }
        try (InputStream stream = in) {
            return stream.readNBytes(MAX_PART_BYTES);
        }
    }

    /** The message's Date, else when the server received it; null when neither can be read. */
    private static java.time.Instant written(Message message) throws MessagingException {
        try {
            java.util.Date date = message.getSentDate();
            if (date == null) {
                date = message.getReceivedDate();
            }
            return date == null ? null : date.toInstant();
        } catch (FolderClosedException | StoreClosedException e) {
            throw e;
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static String subject(String raw) {
        if (raw == null) {
            return null;
        }
        String value = raw.length() > 4_000 ? raw.substring(0, 4_000) : raw;
        String decoded;
        try {
            decoded = MimeUtility.decodeText(MimeUtility.unfold(value));
        } catch (IOException | RuntimeException e) {
            decoded = value;
        }
        return InboundText.oneLine(decoded, 200);
    }

    /** The first address of From, bare and lower-case; null when there is none that reads as an address. */
    private static String from(String raw) {
        if (raw == null) {
            return null;
        }
        String value = raw.length() > 4_000 ? raw.substring(0, 4_000) : raw;
        try {
            InternetAddress[] addresses = InternetAddress.parseHeader(value, false);
            return addresses.length == 0 ? null : InboundText.address(addresses[0].getAddress());
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static ContentType contentType(Part part) throws MessagingException {
        try {
            String value = part.getContentType();
            return value == null ? null : new ContentType(value);
        } catch (FolderClosedException | StoreClosedException e) {
            throw e;
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    /** The first value of a header field, capped; null when it is missing or cannot be read. */
    static String header(Part part, String name) throws MessagingException {
        try {
            String[] values = part.getHeader(name);
            return values == null || values.length == 0 ? null : InboundText.capped(values[0]);
        } catch (FolderClosedException | StoreClosedException e) {
            throw e;
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    /** Every value of a header field that may be repeated, joined, capped. */
    private static String allValues(Part part, String name) throws MessagingException {
        try {
            String[] values = part.getHeader(name);
            if (values == null || values.length == 0) {
                return null;
            }
            return InboundText.capped(String.join(
                    " ",
                    java.util.Arrays.stream(values)
                            .limit(20)
                            .map(InboundText::capped)
                            .toList()));
        } catch (FolderClosedException | StoreClosedException e) {
            throw e;
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static String first(List<String> values) {
        return values.isEmpty() ? null : values.get(0);
    }
}

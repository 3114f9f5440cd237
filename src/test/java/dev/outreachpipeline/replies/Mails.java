package dev.outreachpipeline.replies;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/**
 * Messages as they arrive in the sending mailbox: replies, automatic replies, delivery reports, junk.
 * Public for the route-level test of 60-replies.
 */
public final class Mails {

    static final Session SESSION = Session.getInstance(new Properties());

    private Mails() {}

    /** A message that keeps the Message-ID it is given when saved. */
    public static final class Built extends MimeMessage {
        Built() {
            super(SESSION);
        }

        @Override
        protected void updateMessageID() {
            // keep ours
        }
    }

    public static Built message(String from, String to, String subject, String messageId) {
        try {
            var m = new Built();
            m.setFrom(new InternetAddress(from));
            m.setRecipients(jakarta.mail.Message.RecipientType.TO, to);
            m.setSubject(subject, "UTF-8");
            m.setSentDate(new Date());
            if (messageId != null) {
                m.setHeader("Message-ID", messageId);
            }
            return m;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A person's answer to one of our messages. */
    public static Built reply(String from, String to, String ourMessageId, String references)
            throws MessagingException {
        Built m = message(from, to, "Re: A guest post idea", "<reply-" + System.nanoTime() + "@mail.prospect.example>");
        if (ourMessageId != null) {
            m.setHeader("In-Reply-To", ourMessageId);
        }
        if (references != null) {
            m.setHeader("References", references);
        }
        m.setText("Sounds good, send me a draft.\n\n> earlier text\n", "UTF-8");
        return m;
    }

    /** An out-of-office answer (RFC 3834). */
    static Built vacation(String from, String to, String ourMessageId) throws MessagingException {
        Built m = message(
                from, to, "Out of Office: A guest post idea", "<ooo-" + System.nanoTime() + "@mail.prospect.example>");
        m.setHeader("In-Reply-To", ourMessageId);
        m.setHeader("References", ourMessageId);
        m.setHeader("Auto-Submitted", "auto-replied");
        m.setHeader("X-Autoreply", "yes");
        m.setText("I am away until Monday.\n", "UTF-8");
        return m;
    }

    /**
     * A delivery status notification (RFC 3464) about one of our messages: a human-readable part, the
     * machine-readable message/delivery-status, and the returned message's headers.
     */
    public static Built dsn(
            String to,
            String ourMessageId,
            String recipient,
            String action,
            String status,
            boolean wholeMessageReturned)
            throws MessagingException {
        Built m = message(
                "MAILER-DAEMON@mx.sender.example",
                to,
                "Undelivered Mail Returned to Sender",
                "<dsn-" + System.nanoTime() + "@mx.sender.example>");
        m.setHeader("Auto-Submitted", "auto-replied");
        var report = new MimeMultipart("report; report-type=delivery-status");
        var text = new MimeBodyPart();
        text.setText(
                "This is the mail system at host mx.sender.example.\n\nYour message could not be delivered.\n",
                "UTF-8");
        report.addBodyPart(text);
        var statusPart = new MimeBodyPart();
        statusPart.setDataHandler(bytes(
                "Reporting-MTA: dns; mx.sender.example\r\n"
                        + "X-Postfix-Queue-ID: 4QxYz1abc\r\n"
                        + "Arrival-Date: Mon, 2 Mar 2026 09:15:31 +0000 (UTC)\r\n"
                        + "\r\n"
                        + "Final-Recipient: rfc822; " + recipient + "\r\n"
                        + "Original-Recipient: rfc822;" + recipient + "\r\n"
                        + "Action: " + action + "\r\n"
                        + "Status: " + status + "\r\n"
                        + "Remote-MTA: dns; mx.prospect.example\r\n"
                        + "Diagnostic-Code: smtp; 550 5.1.1 <" + recipient + ">:\r\n"
                        + "    Recipient address rejected: User unknown in virtual mailbox table\r\n",
                "message/delivery-status"));
        report.addBodyPart(statusPart);
        String returnedHeaders = "Return-Path: <sam@sender.example>\r\n"
                + "From: Sam Sender <sam@sender.example>\r\n"
                + "To: " + recipient + "\r\n"
                + "Subject: A guest post idea\r\n"
                + "Message-ID: " + ourMessageId + "\r\n"
                + "Date: Mon, 2 Mar 2026 09:15:30 +0000\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n";
        var returned = new MimeBodyPart();
        if (wholeMessageReturned) {
            returned.setDataHandler(bytes(returnedHeaders + "\r\nHello,\r\nA short note.\r\n", "message/rfc822"));
        } else {
            returned.setDataHandler(bytes(returnedHeaders, "text/rfc822-headers"));
        }
        report.addBodyPart(returned);
        m.setContent(report);
        return m;
    }

    static jakarta.activation.DataHandler bytes(String content, String type) {
        return new jakarta.activation.DataHandler(
                new jakarta.mail.util.ByteArrayDataSource(content.getBytes(StandardCharsets.UTF_8), type));
    }

    /** The message as the receiving side sees it: its bytes, parsed again. */
    static MimeMessage received(MimeMessage built) {
        try {
            built.saveChanges();
            var out = new ByteArrayOutputStream();
            built.writeTo(out);
            return parse(out.toByteArray());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MimeMessage parse(byte[] raw) {
        try {
            return new MimeMessage(SESSION, new ByteArrayInputStream(raw));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static MimeMessage parse(String raw) {
        return parse(raw.getBytes(StandardCharsets.ISO_8859_1));
    }
}

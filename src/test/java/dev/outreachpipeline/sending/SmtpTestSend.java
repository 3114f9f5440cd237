package dev.outreachpipeline.sending;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

/** Sends one message the way the daemon's SMTP client does: a session from SmtpSettings, connect, send, close. */
final class SmtpTestSend {

    private SmtpTestSend() {}

    static SmtpOutcome send(SmtpSettings settings, MimeMessage message) {
        try {
            return send(settings, message, message.getAllRecipients());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static SmtpOutcome send(SmtpSettings settings, MimeMessage message, Address[] envelopeRecipients) {
        Session session = Session.getInstance(settings.mailProperties());
        Transport transport = null;
        try {
            transport = session.getTransport("smtp");
            transport.connect(
                    settings.host(),
                    settings.port(),
                    blankToNull(settings.username()),
                    blankToNull(settings.password()));
            transport.sendMessage(message, envelopeRecipients);
            return SmtpClassifier.classify(null);
        } catch (Exception e) {
            return SmtpClassifier.classify(e);
        } finally {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException ignored) {
                    // the outcome is already decided; QUIT failing changes nothing
                }
            }
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

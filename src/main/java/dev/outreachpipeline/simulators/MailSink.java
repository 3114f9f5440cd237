package dev.outreachpipeline.simulators;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An SMTP server on 127.0.0.1 (a free port) that accepts every message for every recipient and
 * keeps it in memory: GreenMail's, with no authentication and no TLS, for a sandbox or a benchmark
 * where nothing may leave the machine.
 */
public final class MailSink implements AutoCloseable {

    private final GreenMail greenMail;

    public MailSink() {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        greenMail.start();
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return greenMail.getSmtp().getPort();
    }

    /** Every message received so far, by recipient, then by arrival. */
    public List<MimeMessage> received() {
        return List.of(greenMail.getReceivedMessages());
    }

    public int count() {
        return greenMail.getReceivedMessages().length;
    }

    /**
     * Writes each received message as it was received (RFC 5322) into {@code dir}, named
     * {@code 001-<first recipient>.eml} and so on, in the order the sink keeps them: by recipient,
     * then by arrival, so a thread's messages sit next to each other.
     *
     * @return the files written
     */
    public List<Path> writeEml(Path dir) throws IOException {
        Files.createDirectories(dir);
        var files = new ArrayList<Path>();
        MimeMessage[] messages = greenMail.getReceivedMessages();
        for (int i = 0; i < messages.length; i++) {
            Path file = dir.resolve(String.format("%03d-%s.eml", i + 1, recipientName(messages[i])));
            try (OutputStream out = Files.newOutputStream(file)) {
                messages[i].writeTo(out);
            } catch (MessagingException e) {
                throw new IOException("cannot write message " + (i + 1) + " to " + file + ": " + e.getMessage(), e);
            }
            files.add(file);
        }
        return files;
    }

    private static String recipientName(MimeMessage message) {
        try {
            var to = message.getAllRecipients();
            String address = to == null || to.length == 0 ? "unknown" : to[0].toString();
            String name = address.replaceAll("[^A-Za-z0-9@._-]", "").replace('@', '_');
            return name.isEmpty() ? "unknown" : name.length() > 80 ? name.substring(0, 80) : name;
        } catch (MessagingException e) {
            return "unknown";
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}

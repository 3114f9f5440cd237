package dev.outreachpipeline.simulators;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailSinkTest {

    @Test
    void keepsWhatItReceivesAndWritesItAsEmlFiles(@TempDir Path dir) throws Exception {
        try (var sink = new MailSink()) {
            var props = new Properties();
            props.put("mail.smtp.host", sink.host());
            props.put("mail.smtp.port", String.valueOf(sink.port()));
            var message = new MimeMessage(Session.getInstance(props));
            message.setFrom(new InternetAddress("me@sandbox.example"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress("info@garden-notes-1.example"));
            message.setSubject("Hello");
            message.setHeader("List-Unsubscribe", "<https://sandbox.example/u/t>");
            message.setText("Body");
            Transport.send(message);

            assertThat(sink.count()).isEqualTo(1);
            var files = sink.writeEml(dir.resolve("mail"));
            assertThat(files).hasSize(1);
            assertThat(files.get(0).getFileName().toString()).isEqualTo("001-info_garden-notes-1.example.eml");
            assertThat(Files.readString(files.get(0)))
                    .contains(
                            "Subject: Hello",
                            "List-Unsubscribe: <https://sandbox.example/u/t>",
                            "To: info@garden-notes-1.example");
        }
    }
}

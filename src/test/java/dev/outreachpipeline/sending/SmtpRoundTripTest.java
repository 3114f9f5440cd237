package dev.outreachpipeline.sending;

import static dev.outreachpipeline.sending.MessageComposerTest.headerNames;
import static dev.outreachpipeline.sending.MessageComposerTest.parsed;
import static dev.outreachpipeline.sending.MessageComposerTest.unfolded;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.outreachpipeline.sending.SmtpOutcome.Permanent;
import dev.outreachpipeline.sending.SmtpOutcome.Sent;
import dev.outreachpipeline.sending.SmtpOutcome.Temporary;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A composed message through Jakarta Mail's SMTP transport to GreenMail, as the daemon will send it. */
class SmtpRoundTripTest {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("sam@example.com", "sam", "right-password"));

    private static final Instant NOW = Instant.parse("2026-03-02T09:15:30Z");
    private static final String SECRET = "0123456789abcdef0123456789abcdef-x";

    private static SmtpSettings settings(int port, String username, String password) {
        return new SmtpSettings(
                "127.0.0.1",
                port,
                username,
                password,
                SmtpSettings.Security.NONE,
                Duration.ofSeconds(5),
                "sam@example.com",
                "Sam Writer",
                "Example Ltd, 1 Main Street, Springfield",
                SECRET,
                "https://outreach.example.com",
                "");
    }

    private static SmtpSettings settings() {
        return settings(GREEN_MAIL.getSmtp().getPort(), "", "");
    }

    private static MimeMessage followUp(SmtpSettings s, UUID prospect) {
        String token = s.unsubscribeTokens().tokenFor(prospect);
        var message = new OutgoingMessage(
                s.from(),
                s.fromName(),
                "ana@gardenblog.com",
                "A guest post idea for gardenblog.com",
                "Hi Ana,\n\nJust following up on my note.\n\nSam Writer\n",
                "<html><body><p>Hi Ana,</p><p>Just following up on my note.</p></body></html>",
                "<" + UUID.randomUUID() + "@example.com>",
                "<parent-1@example.com>",
                List.of("<parent-1@example.com>"),
                s.unsubscribeUrl(token),
                s.unsubscribeMailto(),
                s.postalAddress());
        return new MessageComposer(Clock.fixed(NOW, ZoneOffset.UTC)).compose(message);
    }

    @Test
    void theServerReceivesExactlyTheComposedMessage() throws Exception {
        SmtpSettings s = settings();
        UUID prospect = UUID.randomUUID();
        MimeMessage sent = followUp(s, prospect);
        String messageId = sent.getMessageID();

        assertThat(SmtpTestSend.send(s, sent)).isEqualTo(new Sent());

        assertThat(GREEN_MAIL.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage r = received[0];

        // GreenMail adds the trace fields a receiving server adds; everything else is ours, unchanged.
        var expected = new ArrayList<>(headerNames(parsed(sent)));
        expected.addAll(List.of("Return-Path", "Received"));
        assertThat(headerNames(r)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(r.getMessageID()).isEqualTo(messageId);
        String token = s.unsubscribeTokens().tokenFor(prospect);
        assertThat(unfolded(r, "List-Unsubscribe"))
                .isEqualTo("<https://outreach.example.com/u/" + token
                        + ">, <mailto:unsubscribe@example.com?subject=unsubscribe>");
        assertThat(unfolded(r, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(unfolded(r, "In-Reply-To")).isEqualTo("<parent-1@example.com>");
        assertThat(unfolded(r, "References")).isEqualTo("<parent-1@example.com>");
        assertThat(r.getSubject()).isEqualTo("Re: A guest post idea for gardenblog.com");
        assertThat(r.getSentDate().toInstant()).isEqualTo(NOW);
        assertThat(((InternetAddress) r.getFrom()[0]).toUnicodeString()).isEqualTo("Sam Writer <sam@example.com>");
        assertThat(r.getRecipients(Message.RecipientType.TO))
                .extracting(Address::toString)
                .containsExactly("ana@gardenblog.com");
        assertThat(r.getHeader("Return-Path")[0]).isEqualTo("<sam@example.com>");
        assertThat(s.unsubscribeTokens().verify(token)).contains(prospect);

        var parts = (MimeMultipart) r.getContent();
        var sentParts = (MimeMultipart) sent.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        for (int i = 0; i < 2; i++) {
            assertThat(parts.getBodyPart(i).getContentType())
                    .isEqualTo(sentParts.getBodyPart(i).getContentType());
            assertThat((String) parts.getBodyPart(i).getContent())
                    .isEqualTo(sentParts.getBodyPart(i).getContent());
        }
        assertThat((String) parts.getBodyPart(0).getContent())
                .contains("Just following up")
                .contains(token);
    }

    @Test
    void aRecipientTheServerRefusesIsClassifiedFromItsReply() throws Exception {
        // GreenMail refuses nothing by itself; a command longer than its 4096-character limit gets a 500.
        var tooLong = new InternetAddress();
        tooLong.setAddress("a".repeat(4200) + "@gardenblog.com");

        SmtpOutcome outcome =
                SmtpTestSend.send(settings(), followUp(settings(), UUID.randomUUID()), new Address[] {tooLong});

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        Permanent.class, p -> assertThat(p.reply()).startsWith("500 "));
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void aRefusedLoginIsTemporaryAndSendsNothing() {
        SmtpSettings wrong = settings(GREEN_MAIL.getSmtp().getPort(), "sam", "wrong-password");

        assertThat(SmtpTestSend.send(wrong, followUp(wrong, UUID.randomUUID())))
                .isInstanceOfSatisfying(
                        Temporary.class,
                        t -> assertThat(t.reply()).contains("refused the login").contains("535"));
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();

        SmtpSettings right = settings(GREEN_MAIL.getSmtp().getPort(), "sam", "right-password");
        assertThat(SmtpTestSend.send(right, followUp(right, UUID.randomUUID()))).isEqualTo(new Sent());
    }

    @Test
    void aServerThatIsNotThereIsTemporary() throws IOException {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SmtpSettings nowhere = settings(closedPort, "", "");

        assertThat(SmtpTestSend.send(nowhere, followUp(nowhere, UUID.randomUUID())))
                .isInstanceOfSatisfying(
                        Temporary.class, t -> assertThat(t.reply()).contains("could not connect"));
    }
}

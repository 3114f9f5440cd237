package dev.outreachpipeline.sending;

import static dev.outreachpipeline.sending.ScriptedSmtpServer.HANG_UP;
import static dev.outreachpipeline.sending.ScriptedSmtpServer.SILENT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outreachpipeline.sending.SmtpOutcome.BadMailbox;
import dev.outreachpipeline.sending.SmtpOutcome.Permanent;
import dev.outreachpipeline.sending.SmtpOutcome.Sent;
import dev.outreachpipeline.sending.SmtpOutcome.Temporary;
import dev.outreachpipeline.sending.SmtpOutcome.Unknown;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What Angus Mail really throws when a server refuses, falls silent or hangs up at each step, and what
 * that is classified as: the exceptions here come out of the SMTP transport, not from a constructor.
 */
class SmtpFailuresTest {

    private static SmtpOutcome sendTo(Map<String, String> script) throws Exception {
        try (var server = new ScriptedSmtpServer(script)) {
            var settings = new SmtpSettings(
                    "127.0.0.1",
                    server.port(),
                    "",
                    "",
                    SmtpSettings.Security.NONE,
                    Duration.ofSeconds(1),
                    "sam@example.com",
                    "Sam Writer",
                    "1 Main Street, Springfield",
                    "0123456789abcdef0123456789abcdef-x",
                    "https://outreach.example.com",
                    "");
            MimeMessage message = new MessageComposer(Clock.systemUTC()).compose(MessageComposerTest.first());
            return SmtpTestSend.send(settings, message);
        }
    }

    @Test
    void aServerThatTakesTheMessageMeansSent() throws Exception {
        assertThat(sendTo(Map.of())).isEqualTo(new Sent());
    }

    @Test
    void anUnknownMailboxIsABadMailbox() throws Exception {
        assertThat(sendTo(Map.of("RCPT", "550 5.1.1 <ana@gardenblog.com>: Recipient address rejected: User unknown")))
                .isEqualTo(new BadMailbox("550 5.1.1 <ana@gardenblog.com>: Recipient address rejected: User unknown"));
    }

    @Test
    void greylistingAndBusyServersAreTemporary() throws Exception {
        assertThat(sendTo(Map.of("RCPT", "450 4.2.0 <ana@gardenblog.com>: Recipient address rejected: Greylisted")))
                .isInstanceOf(Temporary.class);
        assertThat(sendTo(Map.of("END", "451 4.7.1 Try again later")))
                .isEqualTo(new Temporary("451 4.7.1 Try again later"));
        assertThat(sendTo(Map.of("MAIL", "421 4.7.0 Too many connections, closing")))
                .isInstanceOf(Temporary.class);
        assertThat(sendTo(Map.of("GREETING", "421 4.3.2 Service not available")))
                .isInstanceOf(Temporary.class);
    }

    @Test
    void aMessageRefusedAfterItsDataIsPermanent() throws Exception {
        assertThat(sendTo(Map.of("END", "554 5.7.1 Message rejected: spam")))
                .isEqualTo(new Permanent("554 5.7.1 Message rejected: spam"));
    }

    @Test
    void silenceOrAHangUpBeforeTheDataIsTemporary() throws Exception {
        assertThat(sendTo(Map.of("MAIL", SILENT)))
                .isInstanceOfSatisfying(
                        Temporary.class,
                        t -> assertThat(t.reply())
                                .contains("before the message was sent")
                                .contains("Read timed out"));
        assertThat(sendTo(Map.of("RCPT", SILENT))).isInstanceOf(Temporary.class);
        assertThat(sendTo(Map.of("EHLO", SILENT))).isInstanceOf(Temporary.class);
        assertThat(sendTo(Map.of("RCPT", HANG_UP))).isInstanceOf(Temporary.class);
        assertThat(sendTo(Map.of("GREETING", HANG_UP))).isInstanceOf(Temporary.class);
    }

    @Test
    void silenceOrAHangUpAfterTheDataIsUnknown() throws Exception {
        assertThat(sendTo(Map.of("END", SILENT)))
                .isInstanceOfSatisfying(
                        Unknown.class,
                        u -> assertThat(u.reply()).contains("may have accepted").contains("Read timed out"));
        assertThat(sendTo(Map.of("END", HANG_UP)))
                .isInstanceOfSatisfying(
                        Unknown.class, u -> assertThat(u.reply()).contains("may have accepted"));
        assertThat(sendTo(Map.of("DATA", SILENT))).isInstanceOf(Unknown.class);
    }
}

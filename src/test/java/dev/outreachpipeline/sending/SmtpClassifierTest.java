package dev.outreachpipeline.sending;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreachpipeline.sending.SmtpOutcome.BadMailbox;
import dev.outreachpipeline.sending.SmtpOutcome.Permanent;
import dev.outreachpipeline.sending.SmtpOutcome.Sent;
import dev.outreachpipeline.sending.SmtpOutcome.Temporary;
import dev.outreachpipeline.sending.SmtpOutcome.Unknown;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import org.apache.camel.CamelExecutionException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.eclipse.angus.mail.util.SocketConnectException;
import org.junit.jupiter.api.Test;

class SmtpClassifierTest {

    private static final InternetAddress ANA = address("ana@gardenblog.com");
    private static final InternetAddress SAM = address("sam@example.com");

    private static InternetAddress address(String a) {
        try {
            return new InternetAddress(a, true);
        } catch (jakarta.mail.internet.AddressException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What Angus throws when the server refuses the only recipient: SendFailedException("Invalid Addresses") → the RCPT reply. */
    private static SendFailedException rcptRefused(int code, String reply) {
        var rcpt = new SMTPAddressFailedException(ANA, "RCPT TO:<ana@gardenblog.com>", code, reply + "\n");
        return new SendFailedException("Invalid Addresses", rcpt, new Address[0], new Address[0], new Address[] {ANA});
    }

    /** What Angus throws when a command of the send (MAIL FROM, DATA, the final dot) gets an unexpected reply. */
    private static SMTPSendFailedException commandRefused(String command, int code, String reply) {
        return new SMTPSendFailedException(
                command, code, reply + "\n", null, new Address[0], new Address[] {ANA}, new Address[0]);
    }

    @Test
    void noFailureIsSent() {
        assertThat(SmtpClassifier.classify(null)).isEqualTo(new Sent());
    }

    @Test
    void fourHundredRepliesAreTemporary() {
        for (int code : new int[] {421, 450, 451, 452, 454}) {
            String reply = code + " 4.3.0 Try again later";
            assertThat(SmtpClassifier.classify(rcptRefused(code, reply)))
                    .as("RCPT %d", code)
                    .isEqualTo(new Temporary(reply));
            assertThat(SmtpClassifier.classify(commandRefused(".", code, reply)))
                    .as(". %d", code)
                    .isEqualTo(new Temporary(reply));
            assertThat(SmtpClassifier.classify(commandRefused("MAIL FROM:<sam@example.com>", code, reply)))
                    .as("MAIL %d", code)
                    .isEqualTo(new Temporary(reply));
        }
        assertThat(SmtpClassifier.classify(rcptRefused(
                        450,
                        "450-4.2.1 The user you are trying to contact is receiving mail"
                                + " too quickly.\n450 4.2.1 Please try again later.")))
                .isEqualTo(new Temporary("450-4.2.1 The user you are trying to contact is receiving mail too quickly."
                        + " 450 4.2.1 Please try again later."));
    }

    @Test
    void enhancedStatus51xIsABadMailbox() {
        assertThat(SmtpClassifier.classify(rcptRefused(550, "550 5.1.1 User unknown")))
                .isEqualTo(new BadMailbox("550 5.1.1 User unknown"));
        assertThat(SmtpClassifier.classify(rcptRefused(553, "553 5.1.3 Bad recipient address syntax")))
                .isEqualTo(new BadMailbox("553 5.1.3 Bad recipient address syntax"));
        assertThat(SmtpClassifier.classify(rcptRefused(
                        550,
                        "550-5.1.1 The email account that you tried to reach does"
                                + " not exist.\n550 5.1.1 https://support.google.com/mail/?p=NoSuchUser")))
                .isInstanceOf(BadMailbox.class);
        assertThat(SmtpClassifier.classify(rcptRefused(551, "551 5.1.6 User has moved")))
                .isInstanceOf(BadMailbox.class);
        assertThat(SmtpClassifier.classify(commandRefused(".", 550, "550 5.1.1 Recipient rejected after data")))
                .isInstanceOf(BadMailbox.class);
    }

    @Test
    void otherFiveHundredsArePermanent() {
        assertThat(SmtpClassifier.classify(rcptRefused(550, "550 5.7.1 Message rejected as spam")))
                .isEqualTo(new Permanent("550 5.7.1 Message rejected as spam"));
        assertThat(SmtpClassifier.classify(commandRefused(".", 554, "554 5.7.1 Rejected by policy")))
                .isEqualTo(new Permanent("554 5.7.1 Rejected by policy"));
        assertThat(SmtpClassifier.classify(commandRefused(".", 552, "552 5.3.4 Message too big")))
                .isInstanceOf(Permanent.class);
        // No enhanced status: "User unknown" in words is not enough to suppress an address for ever.
        assertThat(SmtpClassifier.classify(rcptRefused(550, "550 User unknown")))
                .isInstanceOf(Permanent.class);
        // An enhanced code that disagrees with the reply's class is not believed.
        assertThat(SmtpClassifier.classify(rcptRefused(550, "550 4.1.1 odd"))).isInstanceOf(Permanent.class);
        assertThat(SmtpClassifier.classify(rcptRefused(550, "550 5.10.1 odd"))).isInstanceOf(Permanent.class);
    }

    @Test
    void aRefusedSenderIsNeverTheRecipientsBadMailbox() {
        var mailFrom = commandRefused("MAIL FROM:<sam@example.com>", 553, "553 5.1.8 Sender domain does not exist");
        mailFrom.setNextException(new SMTPSenderFailedException(
                SAM, "MAIL FROM:<sam@example.com>", 553, "553 5.1.8 Sender domain does not exist"));
        assertThat(SmtpClassifier.classify(mailFrom))
                .isEqualTo(new Permanent("553 5.1.8 Sender domain does not exist"));

        assertThat(SmtpClassifier.classify(
                        commandRefused("MAIL FROM:<sam@example.com>", 550, "550 5.1.0 Sender rejected")))
                .isInstanceOf(Permanent.class);
        assertThat(SmtpClassifier.classify(rcptRefused(550, "550 5.1.7 Bad sender mailbox syntax")))
                .isInstanceOf(Permanent.class);
        assertThat(SmtpClassifier.classify(new SMTPSenderFailedException(
                        SAM, "MAIL FROM:<sam@example.com>", 550, "550 5.1.1 no such sender")))
                .isInstanceOf(Permanent.class);
    }

    @Test
    void theReplyIsFoundThroughWrappers() {
        var wrapped = new CamelExecutionException(
                "Exception occurred during execution",
                null,
                new RuntimeException("send failed", rcptRefused(550, "550 5.1.1 User unknown")));

        assertThat(SmtpClassifier.classify(wrapped)).isEqualTo(new BadMailbox("550 5.1.1 User unknown"));
    }

    @Test
    void aConnectionThatEndedBeforeTheDataIsTemporaryAndAfterItUnknown() {
        // Angus reports a connection closed while it waited for a reply as code -1 and "[EOF]".
        assertThat(SmtpClassifier.classify(rcptRefused(-1, "[EOF]"))).isInstanceOf(Temporary.class);
        assertThat(SmtpClassifier.classify(commandRefused("MAIL FROM:<sam@example.com>", -1, "[EOF]")))
                .isInstanceOf(Temporary.class);
        assertThat(SmtpClassifier.classify(commandRefused("DATA", -1, "[EOF]"))).isInstanceOf(Unknown.class);
        SmtpOutcome afterDot = SmtpClassifier.classify(commandRefused(".", -1, "[EOF]"));
        assertThat(afterDot).isInstanceOf(Unknown.class);
        assertThat(((Unknown) afterDot).reply())
                .contains("after the end of the message data")
                .contains("may have accepted");
    }

    @Test
    void refusedOrUnreachableServersAreTemporary() {
        var refused = new MailConnectException(new SocketConnectException(
                "Connection refused", new ConnectException("Connection refused"), "smtp.example.com", 587, 60_000));
        assertThat(SmtpClassifier.classify(refused))
                .isInstanceOfSatisfying(
                        Temporary.class,
                        t -> assertThat(t.reply()).contains("could not connect").contains("smtp.example.com"));
        assertThat(SmtpClassifier.classify(new MessagingException(
                        "Could not connect to SMTP host: smtp.example.com, port: 587",
                        new ConnectException("Connection refused"))))
                .isInstanceOf(Temporary.class);
        assertThat(SmtpClassifier.classify(new MessagingException(
                        "Unknown SMTP host: smtp.example.com", new UnknownHostException("smtp.example.com"))))
                .isInstanceOf(Temporary.class);
        assertThat(SmtpClassifier.classify(
                        new AuthenticationFailedException("535 5.7.8 Authentication credentials invalid")))
                .isInstanceOfSatisfying(
                        Temporary.class,
                        t -> assertThat(t.reply()).contains("refused the login").contains("535"));
    }

    @Test
    void aTimeoutOrResetWhoseMomentCannotBeToldIsUnknown() {
        // Made here rather than inside Angus's SMTP transport, so nothing says whether the data had been sent.
        SmtpOutcome timeout = SmtpClassifier.classify(
                new MessagingException("Exception reading response", new SocketTimeoutException("Read timed out")));
        assertThat(timeout)
                .isInstanceOfSatisfying(
                        Unknown.class,
                        u -> assertThat(u.reply())
                                .isEqualTo(
                                        "failed, and it cannot be told whether the server accepted the message: Exception reading response"
                                                + " (SocketTimeoutException: Read timed out)"));
        assertThat(SmtpClassifier.classify(new MessagingException(
                        "IOException while sending message", new SocketException("Connection reset"))))
                .isInstanceOf(Unknown.class);
        assertThat(SmtpClassifier.classify(new IllegalStateException("Not connected")))
                .isInstanceOf(Unknown.class);
        assertThat(SmtpClassifier.classify(new SendFailedException("No recipient addresses")))
                .isInstanceOf(Unknown.class);
    }

    @Test
    void aMessageThatWasNeverBuiltIsPermanent() {
        assertThat(SmtpClassifier.classify(new MessageRejected("To", "invalid recipient address 'x': it is empty")))
                .isEqualTo(new Permanent("not sent: invalid recipient address 'x': it is empty"));
    }

    @Test
    void repliesAreOneLineAndBounded() {
        SmtpOutcome o = SmtpClassifier.classify(rcptRefused(550, "550 5.7.1 " + "blah\r\n".repeat(500)));

        assertThat(((Permanent) o).reply())
                .doesNotContain("\r")
                .doesNotContain("\n")
                .hasSizeLessThanOrEqualTo(500);
    }

    @Test
    void aSelfReferencingCauseChainEnds() {
        var a = new MessagingException("a");
        var b = new MessagingException("b");
        a.setNextException(b);
        b.setNextException(a);

        assertThat(SmtpClassifier.classify(a)).isInstanceOf(Unknown.class);
    }
}

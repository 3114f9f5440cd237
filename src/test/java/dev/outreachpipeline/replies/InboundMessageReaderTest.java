package dev.outreachpipeline.replies;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InboundMessageReaderTest {

    private static final String OURS = "<0b7e5d7c-1f0e-4a53-9a43-2f1f3c6f9a10@sender.example>";
    private static final String OUR_FOLLOW_UP = "<5d2c7a2e-66a4-4b3e-8f7d-0a8c2b9e4c11@sender.example>";

    private static InboundMessage read(MimeMessage m) throws Exception {
        return InboundMessageReader.read(m);
    }

    @Test
    void aReplyWithInReplyTo() throws Exception {
        InboundMessage in = read(
                Mails.received(Mails.reply("Ana Gardener <Ana@GardenBlog.example>", "sam@sender.example", OURS, OURS)));

        assertThat(in.messageId()).startsWith("<reply-").endsWith("@mail.prospect.example>");
        assertThat(in.inReplyTo()).containsExactly(OURS);
        assertThat(in.references()).containsExactly(OURS);
        assertThat(in.from()).isEqualTo("ana@gardenblog.example");
        assertThat(in.subject()).isEqualTo("Re: A guest post idea");
        assertThat(in.autoReplySignals()).isEmpty();
        assertThat(in.isDeliveryReport()).isFalse();
        assertThat(in.referencedIds()).containsExactly(OURS);
    }

    @Test
    void aReplyThatNamesOurMessageOnlyInReferencesNearestFirst() throws Exception {
        InboundMessage in = read(Mails.received(
                Mails.reply("ana@gardenblog.example", "sam@sender.example", null, OURS + "\r\n " + OUR_FOLLOW_UP)));

        assertThat(in.inReplyTo()).isEmpty();
        assertThat(in.references()).containsExactly(OURS, OUR_FOLLOW_UP);
        assertThat(in.referencedIds()).containsExactly(OUR_FOLLOW_UP, OURS);
    }

    @Test
    void aVacationAutoReplyShowsWhyItIsAutomatic() throws Exception {
        InboundMessage in = read(Mails.received(Mails.vacation("ana@gardenblog.example", "sam@sender.example", OURS)));

        assertThat(in.autoReplySignals())
                .containsExactly("Auto-Submitted: auto-replied", "X-Autoreply", "out-of-office subject");
        assertThat(in.referencedIds()).containsExactly(OURS);
    }

    @Test
    void automaticRepliesAreKnownByTheirHeadersOrTheirSubject() throws Exception {
        var precedence = Mails.reply("ana@gardenblog.example", "sam@sender.example", OURS, null);
        precedence.setHeader("Precedence", "bulk");
        assertThat(read(Mails.received(precedence)).autoReplySignals()).containsExactly("Precedence: bulk");

        var generated = Mails.reply("ana@gardenblog.example", "sam@sender.example", OURS, null);
        generated.setHeader("Auto-Submitted", "auto-generated; owner-email=\"x@y.example\"");
        assertThat(read(Mails.received(generated)).autoReplySignals())
                .containsExactly("Auto-Submitted: auto-generated");

        var person = Mails.reply("ana@gardenblog.example", "sam@sender.example", OURS, null);
        person.setHeader("Auto-Submitted", "no");
        person.setHeader("Precedence", "list");
        assertThat(read(Mails.received(person)).autoReplySignals()).isEmpty();

        for (String subject : List.of(
                "Automatic reply: A guest post idea",
                "Abwesenheitsnotiz: A guest post idea",
                "Réponse automatique : A guest post idea",
                "Out of office",
                "AutoReply: away")) {
            var m = Mails.reply("ana@gardenblog.example", "sam@sender.example", OURS, null);
            m.setSubject(subject, "UTF-8");
            assertThat(read(Mails.received(m)).autoReplySignals()).as(subject).containsExactly("out-of-office subject");
        }
        var vacationTopic = Mails.reply("ana@gardenblog.example", "sam@sender.example", OURS, null);
        vacationTopic.setSubject("Re: Vacation rentals: a guest post idea", "UTF-8");
        assertThat(read(Mails.received(vacationTopic)).autoReplySignals()).isEmpty();
    }

    @Test
    void aDeliveryStatusNotificationWithReturnedHeaders() throws Exception {
        MimeMessage received =
                Mails.received(Mails.dsn("sam@sender.example", OURS, "Editor@Gone.example", "failed", "5.1.1", false));
        assertThat(received.getContentType()).contains("multipart/report").contains("report-type=delivery-status");

        InboundMessage in = read(received);

        assertThat(in.isDeliveryReport()).isTrue();
        var report = in.deliveryReport();
        assertThat(report.originalMessageId()).isEqualTo(OURS);
        assertThat(report.action()).isEqualTo("failed");
        assertThat(report.status()).isEqualTo("5.1.1");
        assertThat(report.finalRecipient()).isEqualTo("editor@gone.example");
        assertThat(report.diagnostic())
                .isEqualTo("smtp; 550 5.1.1 <Editor@Gone.example>: Recipient address rejected:"
                        + " User unknown in virtual mailbox table");
        assertThat(in.referencedIds()).containsExactly(OURS);
    }

    @Test
    void aDeliveryStatusNotificationThatReturnsTheWholeMessage() throws Exception {
        InboundMessage in = read(Mails.received(Mails.dsn(
                "sam@sender.example", OURS, "editor@slow.example", "delayed", "4.4.7 (delivery time expired)", true)));

        assertThat(in.deliveryReport().originalMessageId()).isEqualTo(OURS);
        assertThat(in.deliveryReport().action()).isEqualTo("delayed");
        assertThat(in.deliveryReport().status()).isEqualTo("4.4.7");
    }

    @Test
    void anOriginalMessageIdFieldServesWhenNoHeadersAreReturned() throws Exception {
        String raw = "From: MAILER-DAEMON@mx.sender.example\r\n"
                + "To: sam@sender.example\r\n"
                + "Subject: Delivery Status Notification (Failure)\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=\"delivery-status\"; boundary=\"b1\"\r\n"
                + "\r\n"
                + "--b1\r\nContent-Type: text/plain\r\n\r\nDelivery failed.\r\n"
                + "--b1\r\nContent-Type: message/delivery-status\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + java.util.Base64.getMimeEncoder()
                        .encodeToString(("Reporting-MTA: dns; mx.sender.example\r\n"
                                        + "Original-Message-ID: " + OURS + "\r\n\r\n"
                                        + "Final-Recipient: rfc822;nobody@gone.example\r\nAction: failed\r\nStatus: 5.2.1\r\n")
                                .getBytes())
                + "\r\n"
                + "--b1--\r\n";

        InboundMessage in = read(Mails.parse(raw));

        assertThat(in.deliveryReport().originalMessageId()).isEqualTo(OURS);
        assertThat(in.deliveryReport().finalRecipient()).isEqualTo("nobody@gone.example");
        assertThat(in.deliveryReport().status()).isEqualTo("5.2.1");
    }

    @Test
    void garbageGivesNothingRatherThanAnError() throws Exception {
        String raw = "From: <<<@@>>> \"unterminated\r\n"
                + "Message-ID: no brackets here\r\n"
                + "In-Reply-To: <>\r\n"
                + "References: <a b@c> <@> <x@>\r\n"
                + "Subject: =?x-unknown-charset?B?!!!?= =?utf-8?Q?Hello=0D=0ABcc:_victim@else.example?=\u0000\u0007\r\n"
                + "Auto-Submitted: \u0001\r\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"never-used\"\r\n"
                + "\r\n"
                + "\u0000\u00ff\u00fe not a multipart at all\r\n";

        InboundMessage in = read(Mails.parse(raw));

        assertThat(in.messageId()).isNull();
        assertThat(in.inReplyTo()).isEmpty();
        assertThat(in.references()).isEmpty();
        assertThat(in.from()).isNull();
        assertThat(in.subject())
                .doesNotContain("\r")
                .doesNotContain("\n")
                .doesNotContain("\u0000")
                .contains("Bcc:");
        assertThat(in.autoReplySignals()).containsExactly("Auto-Submitted: (unreadable)");
        assertThat(in.isDeliveryReport()).isTrue();
        assertThat(in.deliveryReport().originalMessageId()).isNull();
        assertThat(in.referencedIds()).isEmpty();

        InboundMessage empty = read(Mails.parse("\r\n\r\n"));
        assertThat(empty).isEqualTo(InboundMessage.unreadable());
    }

    @Test
    void aHugeReferencesListKeepsItsRootAndItsNewestIds() throws Exception {
        var ids = new ArrayList<String>();
        for (int i = 0; i < 5_000; i++) {
            ids.add("<id-" + i + "@thread.example>");
        }
        var m = Mails.reply("ana@gardenblog.example", "sam@sender.example", null, String.join("\r\n ", ids));

        InboundMessage in = read(Mails.received(m));

        assertThat(in.references())
                .hasSize(InboundMessageReader.MAX_REFERENCES)
                .startsWith("<id-0@thread.example>")
                .endsWith("<id-4999@thread.example>");
        assertThat(in.referencedIds().get(0)).isEqualTo("<id-4999@thread.example>");
    }

    @Test
    void encodedWordsAreDecodedIntoOneBoundedLine() throws Exception {
        var m = Mails.reply("ana@gardenblog.example", "sam@sender.example", OURS, null);
        m.setHeader(
                "Subject",
                "=?UTF-8?B?"
                        + java.util.Base64.getEncoder()
                                .encodeToString(("Re: Grüße\u2028Line two\r\n" + "x".repeat(500))
                                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        + "?=");

        InboundMessage in = read(Mails.received(m));

        assertThat(in.subject()).startsWith("Re: Grüße Line two x").hasSize(200).endsWith("…");
    }
}

package dev.outreachpipeline.replies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreachpipeline.replies.Classification.AutoReply;
import dev.outreachpipeline.replies.Classification.Bounce;
import dev.outreachpipeline.replies.Classification.Reply;
import dev.outreachpipeline.replies.Classification.Unrelated;
import dev.outreachpipeline.replies.InboundMessage.DeliveryReport;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyClassifierTest {

    private static final String OURS = "<0b7e5d7c-1f0e-4a53-9a43-2f1f3c6f9a10@sender.example>";
    private static final ReplyClassifier CLASSIFIER = new ReplyClassifier(true, List.of("Sam@Sender.example"));

    private static Classification classify(jakarta.mail.internet.MimeMessage m) throws Exception {
        return CLASSIFIER.classify(InboundMessageReader.read(Mails.received(m)));
    }

    @Test
    void aReplyNamesTheMessagesItAnswers() throws Exception {
        assertThat(classify(Mails.reply("ana@gardenblog.example", "sam@sender.example", OURS, OURS)))
                .isInstanceOfSatisfying(
                        Reply.class, r -> assertThat(r.messageIds()).containsExactly(OURS));
        assertThat(classify(
                        Mails.reply("ana@gardenblog.example", "sam@sender.example", null, "<root@x.example> " + OURS)))
                .isInstanceOfSatisfying(
                        Reply.class, r -> assertThat(r.messageIds()).containsExactly(OURS, "<root@x.example>"));
    }

    @Test
    void anAutoReplyIsToldApartUnlessTheSettingSaysOtherwise() throws Exception {
        var vacation = Mails.vacation("ana@gardenblog.example", "sam@sender.example", OURS);
        assertThat(classify(vacation)).isInstanceOfSatisfying(AutoReply.class, a -> {
            assertThat(a.messageIds()).containsExactly(OURS);
            assertThat(a.signals()).contains("Auto-Submitted: auto-replied");
            assertThat(a.outcome()).isEqualTo("auto_reply");
        });

        var counted = new ReplyClassifier(false, List.of())
                .classify(InboundMessageReader.read(
                        Mails.received(Mails.vacation("ana@gardenblog.example", "sam@sender.example", OURS))));
        assertThat(counted).isInstanceOfSatisfying(Reply.class, r -> {
            assertThat(r.messageIds()).containsExactly(OURS);
            assertThat(r.verdict().replyClass())
                    .as("counted as a person's reply, for a person to read")
                    .isEqualTo(ReplyClass.NEEDS_REVIEW);
        });
    }

    @Test
    void aPermanentFailureIsAHardBounceATemporaryOneSoft() throws Exception {
        assertThat(classify(Mails.dsn("sam@sender.example", OURS, "editor@gone.example", "failed", "5.1.1", false)))
                .isInstanceOfSatisfying(Bounce.class, b -> {
                    assertThat(b.hard()).isTrue();
                    assertThat(b.status()).isEqualTo("5.1.1");
                    assertThat(b.recipient()).isEqualTo("editor@gone.example");
                    assertThat(b.originalMessageId()).isEqualTo(OURS);
                    assertThat(b.messageIds()).containsExactly(OURS);
                    assertThat(b.outcome()).isEqualTo("hard_bounce");
                });
        assertThat(classify(Mails.dsn("sam@sender.example", OURS, "editor@full.example", "failed", "4.2.2", false)))
                .isInstanceOfSatisfying(Bounce.class, b -> assertThat(b.hard()).isFalse());
        assertThat(classify(Mails.dsn("sam@sender.example", OURS, "editor@slow.example", "delayed", "4.4.7", true)))
                .isInstanceOfSatisfying(
                        Bounce.class, b -> assertThat(b.outcome()).isEqualTo("soft_bounce"));
    }

    @Test
    void deliveryReportsThatDoNotSayPlainlyThatDeliveryFailedForGoodSuppressNothing() {
        assertThat(report("failed", null))
                .isInstanceOfSatisfying(Bounce.class, b -> assertThat(b.hard()).isFalse());
        assertThat(report("failed", "2.0.0"))
                .isInstanceOfSatisfying(Bounce.class, b -> assertThat(b.hard()).isFalse());
        assertThat(report(null, "5.1.1"))
                .isInstanceOfSatisfying(Bounce.class, b -> assertThat(b.hard()).isFalse());
        assertThat(report("delayed", "5.0.0"))
                .isInstanceOfSatisfying(Bounce.class, b -> assertThat(b.hard()).isFalse());
        assertThat(report("delivered", "2.0.0")).isInstanceOf(Unrelated.class);
        assertThat(report("relayed", null)).isInstanceOf(Unrelated.class);
        assertThat(CLASSIFIER.classify(new InboundMessage(
                        null,
                        List.of(),
                        List.of(),
                        null,
                        null,
                        List.of(),
                        new DeliveryReport(null, "failed", "5.1.1", "x@y.example", null))))
                .isInstanceOf(Unrelated.class);
    }

    private static Classification report(String action, String status) {
        return CLASSIFIER.classify(new InboundMessage(
                "<dsn@mx.example>",
                List.of(),
                List.of(),
                "mailer-daemon@mx.example",
                null,
                List.of(),
                new DeliveryReport(OURS, action, status, "x@y.example", null)));
    }

    @Test
    void ourOwnMessagesAndMessagesThatReferToNothingAreUnrelated() throws Exception {
        var ownFollowUp = Mails.reply("sam@sender.example", "ana@gardenblog.example", OURS, OURS);
        assertThat(classify(ownFollowUp)).isEqualTo(new Unrelated("sent from our own address"));

        var newsletter =
                Mails.message("news@shop.example", "sam@sender.example", "Our spring sale", "<n1@shop.example>");
        newsletter.setText("Sale!");
        assertThat(classify(newsletter)).isEqualTo(new Unrelated("refers to no earlier message"));

        assertThat(CLASSIFIER.classify(InboundMessage.unreadable())).isInstanceOf(Unrelated.class);
    }

    @Test
    void aMessageThatRefersToItselfDoesNotCount() {
        var self = new InboundMessage(
                OURS, List.of(OURS), List.of(OURS), "ana@gardenblog.example", "Re: x", List.of(), null);
        assertThat(CLASSIFIER.classify(self)).isInstanceOf(Unrelated.class);
    }
}

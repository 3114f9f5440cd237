package dev.outreachpipeline.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MessageComposerTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:15:30Z");
    private static final MessageComposer COMPOSER = new MessageComposer(Clock.fixed(NOW, ZoneId.of("Europe/Berlin")));
    private static final String URL = "https://outreach.example.com/u/P-o9HntEzTqgcp4ZK0WItg.Zm9yZ2VkLWJ1dC13ZWxsLWZv";
    private static final String MAILTO = "mailto:unsubscribe@example.com?subject=unsubscribe";
    private static final String POSTAL = "Example Ltd, 1 Main Street, Springfield, IL 62701, USA";

    static OutgoingMessage first() {
        return OutgoingMessage.first(
                "sam@example.com",
                "Sam Writer",
                "ana@gardenblog.com",
                "A guest post idea for gardenblog.com",
                "Hi Ana,\n\nI liked your post.\n\nSam Writer\n",
                null,
                "<0f8e4c2a-1b2c-4d3e-8f90-a1b2c3d4e5f6@example.com>",
                URL,
                MAILTO,
                POSTAL);
    }

    static OutgoingMessage with(OutgoingMessage m, String field, Object value) {
        return new OutgoingMessage(
                field.equals("from") ? (String) value : m.fromAddress(),
                field.equals("fromName") ? (String) value : m.fromName(),
                field.equals("to") ? (String) value : m.toAddress(),
                field.equals("subject") ? (String) value : m.subject(),
                field.equals("text") ? (String) value : m.textBody(),
                field.equals("html") ? (String) value : m.htmlBody(),
                field.equals("messageId") ? (String) value : m.messageId(),
                field.equals("inReplyTo") ? (String) value : m.inReplyTo(),
                field.equals("references") ? castList(value) : m.references(),
                field.equals("url") ? (String) value : m.unsubscribeUrl(),
                field.equals("mailto") ? (String) value : m.unsubscribeMailto(),
                field.equals("postal") ? (String) value : m.postalAddress());
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object value) {
        return (List<String>) value;
    }

    static byte[] bytes(MimeMessage message) throws Exception {
        var out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    /** What a receiving server would see: the message written out and parsed again. */
    static MimeMessage parsed(MimeMessage message) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes(message)));
    }

    static String raw(MimeMessage message) throws Exception {
        return new String(bytes(message), StandardCharsets.US_ASCII);
    }

    static List<String> headerNames(MimeMessage message) throws Exception {
        return Collections.list(message.getAllHeaders()).stream()
                .map(Header::getName)
                .toList();
    }

    static String unfolded(MimeMessage message, String name) throws Exception {
        String[] values = message.getHeader(name);
        assertThat(values).as(name).isNotNull().hasSize(1);
        return values[0].replace("\r\n", "");
    }

    @Test
    void aFirstContactCarriesExactlyTheHeadersItShould() throws Exception {
        MimeMessage m = parsed(COMPOSER.compose(first()));

        assertThat(headerNames(m))
                .containsExactlyInAnyOrder(
                        "Date",
                        "From",
                        "To",
                        "Message-ID",
                        "Subject",
                        "MIME-Version",
                        "Content-Type",
                        "Content-Transfer-Encoding",
                        "List-Unsubscribe",
                        "List-Unsubscribe-Post");
        var from = (InternetAddress) m.getFrom()[0];
        assertThat(m.getFrom()).hasSize(1);
        assertThat(from.getAddress()).isEqualTo("sam@example.com");
        assertThat(from.getPersonal()).isEqualTo("Sam Writer");
        assertThat(m.getRecipients(Message.RecipientType.TO))
                .extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly("ana@gardenblog.com");
        assertThat(m.getAllRecipients()).hasSize(1);
        assertThat(m.getSubject()).isEqualTo("A guest post idea for gardenblog.com");
        assertThat(m.getMessageID()).isEqualTo("<0f8e4c2a-1b2c-4d3e-8f90-a1b2c3d4e5f6@example.com>");
        assertThat(m.getSentDate().toInstant()).isEqualTo(NOW);
        assertThat(unfolded(m, "Date")).isEqualTo("Mon, 2 Mar 2026 10:15:30 +0100");
        assertThat(unfolded(m, "List-Unsubscribe")).isEqualTo("<" + URL + ">, <" + MAILTO + ">");
        assertThat(unfolded(m, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(m.getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8; format=flowed; delsp=no");
        assertThat(m.getEncoding()).isEqualTo("quoted-printable");
        assertThat(m.getHeader("In-Reply-To")).isNull();
        assertThat(m.getHeader("References")).isNull();
        assertThat(m.getHeader("X-Mailer")).isNull();
    }

    @Test
    void theTextBodyEndsWithTheFooter() throws Exception {
        String body = ((String) parsed(COMPOSER.compose(first())).getContent()).replace("\r\n", "\n");

        // flowed: the unsubscribe line is longer than 72, so the link goes on to a line of its own
        assertThat(body).endsWith("\nUnsubscribe: \n" + URL + "\n");
        assertThat(FlowedTextTest.deflow(body))
                .isEqualTo("Hi Ana,\n\nI liked your post.\n\nSam Writer\n"
                        + "\n--\n"
                        + POSTAL + "\n"
                        + "We found your address in a public listing of contacts for your website.\n"
                        + "Unsubscribe: " + URL + "\n");
    }

    @Test
    void theTextPartIsFlowedAParagraphWrappedAt72AndTheUnsubscribeLinkOnOneLine() throws Exception {
        String paragraph = "Would you be open to a guest post on gardenblog.com? I would write an original article"
                + " for your readers, free of charge; all I would ask is a link to acme.example.";
        String longUrl = URL + "-and-a-much-longer-token-than-usual-so-it-cannot-fit-on-a-line-of-seventy-two";
        MimeMessage p = parsed(COMPOSER.compose(
                with(with(first(), "text", "Hi Ana,\n\n" + paragraph + "\n\nThank you,\nSam\n"), "url", longUrl)));

        String body = ((String) p.getContent()).replace("\r\n", "\n");
        List<String> lines = body.lines().toList();
        assertThat(lines)
                .filteredOn(l -> !l.contains(longUrl))
                .allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(72));
        assertThat(lines).contains("Unsubscribe: ", longUrl, "--", "Thank you,", "Sam");
        assertThat(FlowedTextTest.deflow(body))
                .isEqualTo("Hi Ana,\n\n" + paragraph + "\n\nThank you,\nSam\n\n--\n" + POSTAL + "\n"
                        + MessageComposer.FOOTER_SOURCE_LINE + "\nUnsubscribe: " + longUrl + "\n");
    }

    @Test
    void anHtmlBodyMakesAMultipartAlternativeWithAnEscapedFooterBeforeTheClosingBody() throws Exception {
        OutgoingMessage m = with(
                with(first(), "html", "<html><body><p>Hi Ana,</p>\n<p>I liked your post.</p></body></html>\n"),
                "postal",
                "Smith & Sons <Ltd>, \"Yard\" 5");

        MimeMessage p = parsed(COMPOSER.compose(m));

        assertThat(p.getContentType()).startsWith("multipart/alternative");
        var parts = (MimeMultipart) p.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType())
                .isEqualToIgnoringCase("text/plain; charset=UTF-8; format=flowed; delsp=no");
        assertThat(parts.getBodyPart(1).getContentType()).isEqualToIgnoringCase("text/html; charset=UTF-8");
        assertThat(parts.getBodyPart(0).getHeader("Content-Transfer-Encoding")).containsExactly("quoted-printable");
        assertThat(parts.getBodyPart(1).getHeader("Content-Transfer-Encoding")).containsExactly("quoted-printable");

        String text = ((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n");
        assertThat(text).contains("Smith & Sons <Ltd>, \"Yard\" 5\n").contains("Unsubscribe: \n" + URL + "\n");

        String html = ((String) parts.getBodyPart(1).getContent()).replace("\r\n", "\n");
        assertThat(html)
                .startsWith("<html><body><p>Hi Ana,</p>\n<p>I liked your post.</p><hr>")
                .contains("Smith &amp; Sons &lt;Ltd&gt;, &quot;Yard&quot; 5")
                .doesNotContain("<Ltd>")
                .contains(MessageComposer.FOOTER_SOURCE_LINE)
                .contains("<a href=\"" + URL + "\">Unsubscribe</a>")
                .endsWith("</p>\n</body></html>\n");
    }

    @Test
    void anHtmlFragmentWithoutBodyGetsTheFooterAtTheEnd() throws Exception {
        MimeMessage p = parsed(COMPOSER.compose(with(first(), "html", "<p>Hi Ana,</p>")));

        String html = (String) ((MimeMultipart) p.getContent()).getBodyPart(1).getContent();
        assertThat(html.replace("\r\n", "\n"))
                .startsWith("<p>Hi Ana,</p>\n<hr>")
                .endsWith("Unsubscribe</a></p>\n");
    }

    @Test
    void aFollowUpRepliesInTheThreadWithOneRe() throws Exception {
        String parent = "<11111111-2222-3333-4444-555555555555@example.com>";
        String grandParent = "<00000000-2222-3333-4444-555555555555@example.com>";
        OutgoingMessage followUp = with(with(first(), "inReplyTo", parent), "references", List.of(grandParent, parent));

        MimeMessage p = parsed(COMPOSER.compose(followUp));

        assertThat(p.getSubject()).isEqualTo("Re: A guest post idea for gardenblog.com");
        assertThat(unfolded(p, "In-Reply-To")).isEqualTo(parent);
        assertThat(unfolded(p, "References")).isEqualTo(grandParent + " " + parent);
        assertThat(p.getMessageID()).isEqualTo(first().messageId());

        MimeMessage onlyParent = parsed(COMPOSER.compose(with(first(), "inReplyTo", parent)));
        assertThat(unfolded(onlyParent, "References")).isEqualTo(parent);
    }

    @Test
    void reIsNeverDoubled() {
        assertThat(MessageComposer.replySubject("Guest post")).isEqualTo("Re: Guest post");
        assertThat(MessageComposer.replySubject("Re: Guest post")).isEqualTo("Re: Guest post");
        assertThat(MessageComposer.replySubject("Re: Re: Guest post")).isEqualTo("Re: Guest post");
        assertThat(MessageComposer.replySubject("RE: re:Guest post")).isEqualTo("Re: Guest post");
        assertThat(MessageComposer.replySubject("Re : Guest post")).isEqualTo("Re: Guest post");
        assertThat(MessageComposer.replySubject("Regarding your post")).isEqualTo("Re: Regarding your post");
        assertThat(MessageComposer.replySubject("Report: Re: thing")).isEqualTo("Re: Report: Re: thing");
    }

    @Test
    void theMessageIdSurvivesSavingAndWriting() throws Exception {
        MimeMessage m = COMPOSER.compose(first());
        m.saveChanges();
        m.saveChanges();

        assertThat(m.getMessageID()).isEqualTo(first().messageId());
        assertThat(parsed(m).getMessageID()).isEqualTo(first().messageId());
        assertThat(raw(m)).contains("Message-ID: " + first().messageId() + "\r\n");
    }

    @Test
    void aSubjectWithALineBreakIsRefusedAndNoBccAppears() {
        for (String hostile : List.of(
                "Hello\r\nBcc: everyone@example.com",
                "Hello\nBcc: everyone@example.com",
                "Hello\rBcc: everyone@example.com",
                "Hello\u0085Bcc: x@example.com",
                "Hello\u2028Bcc: x@example.com",
                "Hello\u0000",
                "Tab\there")) {
            assertThatThrownBy(() -> COMPOSER.compose(with(first(), "subject", hostile)))
                    .as(hostile)
                    .isInstanceOfSatisfying(MessageRejected.class, e -> {
                        assertThat(e.field()).isEqualTo("Subject");
                        assertThat(e.getMessage())
                                .contains("Subject")
                                .contains("line break or control character")
                                .doesNotContain("\r")
                                .doesNotContain("\n");
                    });
        }
    }

    @Test
    void aHostileTitleInTheBodyStaysBodyText() throws Exception {
        String body = "Hi Ana,\n\nAbout \"Lights\r\nBcc: everyone@example.com\r\n\r\n\" on your blog.\n";

        MimeMessage p = parsed(COMPOSER.compose(with(first(), "text", body)));

        assertThat(p.getHeader("Bcc")).isNull();
        assertThat(p.getRecipients(Message.RecipientType.BCC)).isNull();
        assertThat(p.getAllRecipients()).hasSize(1);
        assertThat((String) p.getContent()).contains("Bcc: everyone@example.com");
    }

    @Test
    void badRecipientAddressesAreRefused() {
        for (String bad : List.of(
                "",
                "ana",
                "ana@",
                "@gardenblog.com",
                "ana@localhost",
                "ana@[127.0.0.1]",
                "ana@gardenblog.com\r\nBcc: eve@example.com",
                "ana@gardenblog.com\nBcc: eve@example.com",
                "ana@gardenblog.com, eve@example.com",
                "ana@gardenblog.com eve@example.com",
                "Ana <ana@gardenblog.com>",
                "\"Ana\" <ana@gardenblog.com>",
                "ana@gardenblog.com (Ana)",
                "team: ana@gardenblog.com;",
                "\"a b\"@gardenblog.com",
                "ana..x@gardenblog.com",
                "ana@garden..blog.com",
                "ana@-gardenblog.com",
                "anä@gardenblog.com",
                "ana@gardenblög.com",
                "ana@gardenblog.com\u0000",
                "a".repeat(65) + "@gardenblog.com",
                "ana@" + "b".repeat(250) + ".com")) {
            assertThatThrownBy(() -> COMPOSER.compose(with(first(), "to", bad)))
                    .as(bad)
                    .isInstanceOfSatisfying(MessageRejected.class, e -> {
                        assertThat(e.field()).isEqualTo("To");
                        assertThat(e.getMessage())
                                .startsWith("invalid recipient address")
                                .doesNotContain("\r")
                                .doesNotContain("\n");
                    });
        }
    }

    @Test
    void plainAddressesOfEveryDayShapesAreAccepted() throws Exception {
        for (String good : List.of(
                "ana@gardenblog.com",
                "ana.maria+outreach@mail.garden-blog.co.uk",
                "o'neil@example.ie",
                "INFO@EXAMPLE.COM",
                "x_y-z@xn--bcher-kva.example")) {
            MimeMessage p = parsed(COMPOSER.compose(with(first(), "to", good)));
            assertThat(((InternetAddress) p.getAllRecipients()[0]).getAddress()).isEqualTo(good);
        }
    }

    @Test
    void aBadSenderAddressIsRefusedAsTheSender() {
        assertThatThrownBy(() -> COMPOSER.compose(with(first(), "from", "Sam <sam@example.com>")))
                .isInstanceOfSatisfying(MessageRejected.class, e -> {
                    assertThat(e.field()).isEqualTo("From");
                    assertThat(e.getMessage()).startsWith("invalid sender address");
                });
    }

    @Test
    void aDisplayNameCannotAddAnAddress() throws Exception {
        String name = "Sam\" <evil@attacker.example>, \"Eve";

        MimeMessage p = parsed(COMPOSER.compose(with(first(), "fromName", name)));

        assertThat(p.getFrom()).hasSize(1);
        assertThat(((InternetAddress) p.getFrom()[0]).getAddress()).isEqualTo("sam@example.com");
        assertThat(((InternetAddress) p.getFrom()[0]).getPersonal()).isEqualTo(name);
        assertThatThrownBy(() -> COMPOSER.compose(with(first(), "fromName", "Sam\r\nBcc: eve@example.com")))
                .isInstanceOfSatisfying(
                        MessageRejected.class, e -> assertThat(e.field()).isEqualTo("From display name"));
    }

    @Test
    void aNonAsciiDisplayNameAndSubjectAreEncoded() throws Exception {
        MimeMessage m = COMPOSER.compose(with(with(first(), "fromName", "Ana Müller"), "subject", "Grüße aus Köln"));

        String raw = raw(m);
        assertThat(raw).doesNotContain("ü").contains("=?UTF-8?");
        MimeMessage p = parsed(m);
        assertThat(((InternetAddress) p.getFrom()[0]).getPersonal()).isEqualTo("Ana Müller");
        assertThat(p.getSubject()).isEqualTo("Grüße aus Köln");
    }

    @Test
    void aLongSubjectIsFoldedAndComesBackWhole() throws Exception {
        String subject = ("A guest post idea about garden lights, solar lamps and string lights for your blog ")
                .repeat(11)
                .strip();
        assertThat(subject.length()).isGreaterThan(900);

        MimeMessage m = COMPOSER.compose(with(first(), "subject", subject));

        String subjectHeader = raw(m)
                .lines()
                .dropWhile(l -> !l.startsWith("Subject: "))
                .takeWhile(l -> l.startsWith("Subject: ") || l.startsWith(" ") || l.startsWith("\t"))
                .toList()
                .stream()
                .reduce("", (a, b) -> a + b + "\n");
        assertThat(subjectHeader.lines().count())
                .as("folded over several lines")
                .isGreaterThan(5);
        assertThat(subjectHeader.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(78));
        assertThat(parsed(m).getSubject()).isEqualTo(subject);
    }

    @Test
    void aLongNonAsciiSubjectIsEncodedInShortPieces() throws Exception {
        String subject = "Grüße ".repeat(120).strip();

        MimeMessage m = COMPOSER.compose(with(first(), "subject", subject));

        assertThat(raw(m).lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(998));
        assertThat(parsed(m).getSubject()).isEqualTo(subject);
    }

    @Test
    void aSubjectThatCannotBeFoldedIsRefused() {
        assertThatThrownBy(() -> COMPOSER.compose(with(first(), "subject", "x".repeat(995))))
                .isInstanceOfSatisfying(MessageRejected.class, e -> {
                    assertThat(e.field()).isEqualTo("Subject");
                    assertThat(e.getMessage()).contains("998");
                });
    }

    @Test
    void bodyLinesLongerThan998CharactersSurvive() throws Exception {
        String longLine = "word ".repeat(400) + "x".repeat(3000);
        String body = "Hi Ana,\n\n" + longLine + "\n\nSam\n.\nA line with only a dot above.\n";

        MimeMessage m = COMPOSER.compose(with(with(first(), "text", body), "html", "<p>" + longLine + "</p>"));

        assertThat(raw(m).lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(998));
        var parts = (MimeMultipart) parsed(m).getContent();
        String text = ((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n");
        assertThat(FlowedTextTest.deflow(text)).startsWith(body).contains("\n" + longLine + "\n");
        assertThat(text).contains("\n" + "x".repeat(3000) + "\n");
        assertThat((String) parts.getBodyPart(1).getContent()).contains("<p>" + longLine + "</p>");
    }

    @Test
    void theWholeMessageIsSevenBitWhateverTheBodyHolds() throws Exception {
        byte[] bytes =
                bytes(COMPOSER.compose(with(with(first(), "text", "Grüße, Ana — 👋\n"), "html", "<p>Grüße 👋</p>")));

        for (byte b : bytes) {
            assertThat(b & 0xFF).isLessThan(128);
        }
    }

    @Test
    void messageIdsMustLookLikeMessageIds() {
        for (String bad : List.of(
                "0f8e4c2a@example.com",
                "<0f8e4c2a>",
                "<a b@example.com>",
                "<a@b@example.com>",
                "<a@example.com>\r\nBcc: x@example.com",
                "<a@example.com> <b@example.com>",
                "<>")) {
            assertThatThrownBy(() -> COMPOSER.compose(with(first(), "messageId", bad)))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            MessageRejected.class, e -> assertThat(e.field()).isEqualTo("Message-ID"));
            assertThatThrownBy(() -> COMPOSER.compose(with(first(), "inReplyTo", bad)))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            MessageRejected.class, e -> assertThat(e.field()).isEqualTo("In-Reply-To"));
        }
        assertThatThrownBy(() -> COMPOSER.compose(with(first(), "references", List.of("<a@example.com>"))))
                .isInstanceOfSatisfying(
                        MessageRejected.class, e -> assertThat(e.field()).isEqualTo("References"));
    }

    @Test
    void unsubscribeUrisThatWouldBreakTheHeaderAreRefused() {
        for (String bad : List.of(
                "https://x.example/u/t>, <https://evil.example/",
                "https://x.example/u/t\r\nBcc: e@x.com",
                "javascript:alert(1)",
                "https://",
                "https://x.example/u/a b",
                "ftp://x.example/u/t")) {
            assertThatThrownBy(() -> COMPOSER.compose(with(first(), "url", bad)))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            MessageRejected.class, e -> assertThat(e.field()).isEqualTo("List-Unsubscribe URL"));
        }
        assertThatThrownBy(() -> COMPOSER.compose(with(first(), "mailto", "unsubscribe@example.com")))
                .isInstanceOfSatisfying(
                        MessageRejected.class, e -> assertThat(e.field()).isEqualTo("List-Unsubscribe mailto"));
    }

    @Test
    void aMessageWithoutPostalAddressOrBodyIsRefused() {
        assertThatThrownBy(() -> COMPOSER.compose(with(first(), "postal", "  ")))
                .isInstanceOfSatisfying(
                        MessageRejected.class, e -> assertThat(e.getMessage()).contains("CAN-SPAM"));
        assertThatThrownBy(() -> COMPOSER.compose(with(first(), "text", "\n"))).isInstanceOf(MessageRejected.class);
        assertThatThrownBy(() -> COMPOSER.compose(with(first(), "subject", " ")))
                .isInstanceOf(MessageRejected.class);
    }
}

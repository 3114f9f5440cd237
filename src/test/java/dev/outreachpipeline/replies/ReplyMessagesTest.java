package dev.outreachpipeline.replies;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each class in each language, from whole messages as Outlook, Gmail, Thunderbird, Exchange, a help
 * desk and Postfix write them (src/test/resources/replies/*.eml): headers, multipart bodies, quoted
 * history that says the opposite of the reply (the quoted pitch asks "interested?", offers "no
 * thanks" and carries an unsubscribe link). Read as the reply check reads them, classified without a
 * database.
 */
class ReplyMessagesTest {

    private static final String OURS = "<0b7e5d7c-1f0e-4a53-9a43-2f1f3c6f9a10@sender.example>";
    private static final ReplyClassifier CLASSIFIER =
            new ReplyClassifier(true, List.of("sam@sender.example"), new ReplySettings(7, 20_000));

    static Classification classified(String file) throws Exception {
        try (InputStream in = ReplyMessagesTest.class.getResourceAsStream("/replies/" + file)) {
            assertThat(in).as(file).isNotNull();
            return CLASSIFIER.classify(InboundMessageReader.read(Mails.parse(in.readAllBytes())));
        }
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "outlook-interested-en.eml,      interested,          reply",
        "interested-de.eml,              interested,          reply",
        "interested-fr.eml,              interested,          reply",
        "interested-es.eml,              interested,          reply",
        "gmail-not-interested-en.eml,    not_interested,      reply",
        "not-interested-de.eml,          not_interested,      reply",
        "not-interested-fr.eml,          not_interested,      reply",
        "not-interested-es.eml,          not_interested,      reply",
        "gmail-remove-me-en.eml,         unsubscribe_request, reply",
        "outlook-unsubscribe-de.eml,     unsubscribe_request, reply",
        "thunderbird-unsubscribe-fr.eml, unsubscribe_request, reply",
        "gmail-unsubscribe-es.eml,       unsubscribe_request, reply",
        "exchange-ooo-en.eml,            out_of_office,       auto_reply",
        "gmail-vacation-de.eml,          out_of_office,       auto_reply",
        "ooo-fr.eml,                     out_of_office,       auto_reply",
        "ooo-es.eml,                     out_of_office,       auto_reply",
        "ooo-without-date-en.eml,        out_of_office,       auto_reply",
        "ticket-auto-reply-en.eml,       auto_reply,          auto_reply",
        "dsn-user-unknown.eml,           bounce,              hard_bounce",
        "needs-review-en.eml,            needs_review,        reply",
        "conflicting-en.eml,             needs_review,        reply",
    })
    void eachMessageGetsItsClass(String file, String replyClass, String outcome) throws Exception {
        Classification c = classified(file);

        assertThat(c.verdict().replyClass().id()).as(c.verdict().reason()).isEqualTo(replyClass);
        assertThat(c.outcome()).isEqualTo(outcome);
        assertThat(c.messageIds()).contains(OURS);
    }

    @ParameterizedTest(name = "{0} is back on {1}")
    @CsvSource({
        "exchange-ooo-en.eml, 2027-01-14",
        "gmail-vacation-de.eml, 2027-01-14",
        "ooo-fr.eml, 2027-01-14",
        "ooo-es.eml, 2027-01-14",
    })
    void anOutOfOfficeReplySnoozesUntilTheDayAfterTheStatedReturn(String file, LocalDate back) throws Exception {
        ReplyVerdict v = classified(file).verdict();

        assertThat(v.returnDate()).isEqualTo(back);
        assertThat(v.snoozeUntil())
                .isEqualTo(
                        back.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
    }

    @org.junit.jupiter.api.Test
    void withoutAStatedDateTheSnoozeIsTheSetting() throws Exception {
        ReplyVerdict v = classified("ooo-without-date-en.eml").verdict();

        assertThat(v.returnDate()).isNull();
        assertThat(v.snoozeUntil())
                .isEqualTo(Instant.parse("2027-01-05T10:00:00Z").plus(java.time.Duration.ofDays(7)));
    }

    @org.junit.jupiter.api.Test
    void theTextKeptIsThePersonsOwnWithoutTheQuotedHistory() throws Exception {
        ReplyVerdict v = classified("outlook-interested-en.eml").verdict();

        assertThat(v.text())
                .startsWith("Hi Sam,")
                .contains("what topics did you have in mind?")
                .doesNotContain("Sent:")
                .doesNotContain("Unsubscribe")
                .doesNotContain("soil testing");
        assertThat(classified("gmail-not-interested-en.eml").verdict().text())
                .doesNotContain("wrote:")
                .doesNotContain("Would you be interested");
    }

    @org.junit.jupiter.api.Test
    void theTextIsCutToTheSettingAndLosesItsControlCharacters() {
        var classifier = new ReplyTextClassifier(new ReplySettings(7, 100));
        String body = "Sounds good\u0007\u001b[31m " + "x".repeat(500);

        ReplyVerdict v = classifier.classify("Re: hi", body, List.of(), Instant.parse("2027-01-05T10:00:00Z"));

        assertThat(v.replyClass()).isEqualTo(ReplyClass.INTERESTED);
        assertThat(v.text()).hasSize(100).endsWith("…").doesNotContain("\u0007").doesNotContain("\u001b");
    }
}

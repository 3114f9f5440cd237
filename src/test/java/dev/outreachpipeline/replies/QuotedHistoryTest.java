package dev.outreachpipeline.replies;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuotedHistoryTest {

    @Test
    void quotedLinesAndEverythingAfterAQuoteHeaderAreDropped() {
        assertThat(QuotedHistory.strip("Yes please.\n\nOn Mon, 4 Jan 2027 at 09:02, Sam <sam@x.example> wrote:\n> hi"))
                .isEqualTo("Yes please.");
        assertThat(QuotedHistory.strip(
                        "Yes.\nOn Mon, Jan 4, 2027 at 10:02 AM Sam Writer <\nsam@x.example> wrote:\n> hi"))
                .as("Gmail wraps a long header")
                .isEqualTo("Yes.");
        assertThat(QuotedHistory.strip("Ja.\n-----Ursprüngliche Nachricht-----\nVon: Sam"))
                .isEqualTo("Ja.");
        assertThat(QuotedHistory.strip(
                        "Oui.\n\nDe : Sam Writer <sam@x.example>\nEnvoyé : lundi 4 janvier 2027\nÀ : Ines"))
                .isEqualTo("Oui.");
        assertThat(QuotedHistory.strip("> quoted first\nmy answer\n> more quote"))
                .isEqualTo("my answer");
    }

    @Test
    void aFromLineWithoutTheRestOfAHeaderBlockIsThePersonsText() {
        assertThat(QuotedHistory.strip("From: the garden team\nThanks, sounds good."))
                .isEqualTo("From: the garden team\nThanks, sounds good.");
    }
}

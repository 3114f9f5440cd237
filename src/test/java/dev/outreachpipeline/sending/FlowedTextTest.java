package dev.outreachpipeline.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

public class FlowedTextTest {

    private static final String PARAGRAPH = "Would you be open to a guest post on greenthumb.example? I would write"
            + " an original article for your readers, free of charge; all I would ask is a link to acme.example.";

    /** What a format=flowed reader shows (RFC 3676 4.1/4.4, delsp=no): soft breaks joined, stuffing removed. */
    public static String deflow(String flowed) {
        var out = new StringBuilder();
        String[] lines = flowed.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].startsWith(" ") ? lines[i].substring(1) : lines[i];
            out.append(line);
            boolean soft = lines[i].endsWith(" ") && !lines[i].equals("-- ") && i < lines.length - 1;
            if (!soft && i < lines.length - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static List<String> lines(String flowed) {
        return List.of(flowed.split("\n", -1));
    }

    @Test
    void aLongParagraphIsBrokenAtSpacesIntoLinesOfAtMost72WithASoftBreakOnEachButTheLast() {
        String flowed = FlowedText.encode(PARAGRAPH + "\n");

        List<String> lines = lines(flowed);
        assertThat(lines).hasSizeGreaterThan(2);
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(72));
        List<String> text = lines.subList(0, lines.size() - 1);
        assertThat(text.subList(0, text.size() - 1))
                .allSatisfy(l -> assertThat(l).endsWith(" "));
        assertThat(text.get(text.size() - 1)).doesNotEndWith(" ");
        assertThat(deflow(flowed)).isEqualTo(PARAGRAPH + "\n");
    }

    @Test
    void eachLineIsFilledAsFarAsTheWidthAllows() {
        List<String> lines = lines(FlowedText.encode(PARAGRAPH));
        for (int i = 0; i < lines.size() - 1; i++) {
            String next = lines.get(i + 1);
            // the next word with the space it would bring along, unless it ends the paragraph
            String nextChunk = next.contains(" ") ? next.substring(0, next.indexOf(' ') + 1) : next;
            assertThat(lines.get(i).length() + nextChunk.length())
                    .as("line %d could have taken the next word", i)
                    .isGreaterThan(72);
        }
    }

    @Test
    void aLineOfExactly72CharactersIsLeftWholeAnd73IsBroken() {
        String seventyTwo = "a".repeat(30) + " " + "b".repeat(41);
        assertThat(seventyTwo).hasSize(72);
        assertThat(FlowedText.encode(seventyTwo)).isEqualTo(seventyTwo);

        String seventyThree = seventyTwo + "c";
        assertThat(FlowedText.encode(seventyThree)).isEqualTo("a".repeat(30) + " \n" + "b".repeat(41) + "c");
    }

    @Test
    void aUrlLongerThanALineIsNeverCutAndStandsOnALineOfItsOwn() {
        String url =
                "https://greenthumb.example/articles/2026/ten-shade-loving-plants-for-a-north-facing-garden?page=2";
        String text = "I came across your page " + url + " while reading about shade plants, and enjoyed it.";

        List<String> lines = lines(FlowedText.encode(text));

        assertThat(lines).contains(url + " ");
        assertThat(lines).filteredOn(l -> l.contains("https://")).hasSize(1);
        assertThat(deflow(FlowedText.encode(text))).isEqualTo(text);
    }

    @Test
    void aUrlThatFitsIsNeverSplitEither() {
        String url = "https://acme.example/shop/garden-tools";
        String text = "x".repeat(50) + " " + url + " and more words after it to fill the line up.";
        String flowed = FlowedText.encode(text);
        assertThat(flowed).contains(url);
        assertThat(lines(flowed)).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(72));
    }

    @Test
    void nonAsciiLettersCountAsOneColumnEach() {
        // 36 two-byte letters and 35 more: 72 characters, far more bytes
        String line = "é".repeat(36) + " " + "ü".repeat(35);
        assertThat(FlowedText.encode(line)).isEqualTo(line);
        String emoji = "Grüße 👋 " + "ö".repeat(70);
        assertThat(deflow(FlowedText.encode(emoji))).isEqualTo(emoji);
    }

    @Test
    void blankLinesAndShortLinesStayAsTheyAre() {
        String text = "Hi Ana,\n\n" + PARAGRAPH + "\n\n\nThank you,\nSam Sender\nGuest writer\n";
        String flowed = FlowedText.encode(text);
        assertThat(flowed).startsWith("Hi Ana,\n\n").endsWith("\n\n\nThank you,\nSam Sender\nGuest writer\n");
        assertThat(deflow(flowed)).isEqualTo(text);
    }

    @Test
    void trailingSpacesInTheSourceAreRemovedSoTheyCannotJoinLinesTheWriterEnded() {
        String text = "Thank you,   \nSam Sender\t\n";
        assertThat(FlowedText.encode(text)).isEqualTo("Thank you,\nSam Sender\n");
        assertThat(deflow(FlowedText.encode(text))).isEqualTo("Thank you,\nSam Sender\n");
    }

    @Test
    void linesStartingWithFromAQuoteMarkOrASpaceAreSpaceStuffed() {
        String text = "From the garden,\n> not a quotation\n  indented\nFromage is not stuffed\n";
        assertThat(FlowedText.encode(text))
                .isEqualTo(" From the garden,\n > not a quotation\n   indented\nFromage is not stuffed\n");
        assertThat(deflow(FlowedText.encode(text))).isEqualTo(text);
    }

    @Test
    void aWrappedLineThatWouldStartWithFromIsStuffedAndStillWithinTheWidth() {
        String text = "w".repeat(68) + " From here on the words continue for a while, long enough to wrap again.";
        List<String> lines = lines(FlowedText.encode(text));
        assertThat(lines.get(1)).startsWith(" From here");
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(72));
        assertThat(deflow(FlowedText.encode(text))).isEqualTo(text);
    }

    @Test
    void theFooterSeparatorAndTheUnsubscribeLinkStayOnLinesOfTheirOwn() {
        String url = "https://outreach.example.com/u/P-o9HntEzTqgcp4ZK0WItg.Zm9yZ2VkLWJ1dC13ZWxsLWZvcm1lZC10b2tlbg";
        String text = "Sam\n\n--\nExample Ltd, 1 Main Street\nUnsubscribe: " + url + "\n";
        List<String> lines = lines(FlowedText.encode(text));
        assertThat(lines).contains("--", "Unsubscribe: ", url);
        assertThat(lines.get(lines.indexOf("Unsubscribe: ") + 1)).isEqualTo(url);

        assertThat(FlowedText.encode("Sam\n-- \nSig\n")).isEqualTo("Sam\n-- \nSig\n");
    }

    @Test
    void severalSpacesBetweenWordsSurviveABreak() {
        String text = "a".repeat(68) + "   " + "b".repeat(10);
        String flowed = FlowedText.encode(text);
        assertThat(flowed).isEqualTo("a".repeat(68) + "   \n" + "b".repeat(10));
        assertThat(deflow(flowed)).isEqualTo(text);
    }

    @Test
    void crlfAndCrLineEndsAreRead() {
        assertThat(FlowedText.encode("Hi,\r\n\r\nBye\rSam")).isEqualTo("Hi,\n\nBye\nSam");
    }

    @Test
    void anyMixOfLinesReadsBackAsTheSourceWithoutTrailingSpaces() {
        var words = new ArrayList<String>();
        String[] vocabulary = {"From", ">", "https://acme.example/" + "p".repeat(80), "é", "word", "x".repeat(71), ""};
        for (int i = 0; i < 400; i++) {
            words.add(vocabulary[(i * 7 + i / 3) % vocabulary.length]);
        }
        String text = String.join(" ", words.subList(0, 200)) + "\n\n" + String.join(" ", words.subList(200, 400));
        String flowed = FlowedText.encode(text);
        assertThat(deflow(flowed)).isEqualTo(text.replaceAll(" +\n", "\n").replaceAll(" +$", ""));
        for (String line : lines(flowed)) {
            String content = line.strip();
            if (content.contains(" ")) {
                assertThat(line.length()).as(line).isLessThanOrEqualTo(72);
            }
        }
    }
}

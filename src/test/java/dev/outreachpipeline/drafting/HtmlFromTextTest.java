package dev.outreachpipeline.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlFromTextTest {

    @Test
    void paragraphsBecomeParagraphsAndALineBreakInsideOneABr() {
        String html = HtmlFromText.html("Hi Ana,\n\nI liked your page.\n\n\nThank you,\nSam Sender\n");

        assertThat(html)
                .isEqualTo("<!DOCTYPE html>\n<html>\n<body>\n<p>Hi Ana,</p>\n<p>I liked your page.</p>\n"
                        + "<p>Thank you,<br>\nSam Sender</p>\n</body>\n</html>\n");
    }

    @Test
    void urlsBecomeLinksToThemselvesAndTheTextAroundThemStays() {
        String html = HtmlFromText.html("Your page (https://greenthumb.example/shade?id=7&x=1) and www.acme.example.");

        assertThat(html)
                .contains("Your page (<a href=\"https://greenthumb.example/shade?id=7&amp;x=1\">"
                        + "https://greenthumb.example/shade?id=7&amp;x=1</a>) and "
                        + "<a href=\"https://www.acme.example\">www.acme.example</a>.");
    }

    @Test
    void everyCharacterOfTheTextIsEscaped() {
        String html = HtmlFromText.html(
                "\"Ten <b>shade</b> plants\" & 'more' <script>alert(1)</script>\nhttps://x.example/\"><script>");

        assertThat(html).doesNotContain("<b>", "<script>", "\"><");
        assertThat(html)
                .contains("&quot;Ten &lt;b&gt;shade&lt;/b&gt; plants&quot; &amp; &#39;more&#39; &lt;script&gt;");
    }

    @Test
    void onlyWebAddressesBecomeLinks() {
        String html = HtmlFromText.html("javascript://%0Aalert(1) and ftp://files.example/x");

        assertThat(html).doesNotContain("<a ");
        assertThat(html).contains("javascript://%0Aalert(1) and ftp://files.example/x");
    }

    @Test
    void lineEndsOfAnyKindAndWhitespaceOnlyLinesSeparateParagraphsAlike() {
        assertThat(HtmlFromText.html("One\r\n \t\r\nTwo\rthree  \n"))
                .isEqualTo(HtmlFromText.html("One\n\nTwo\nthree"))
                .contains("<p>One</p>\n<p>Two<br>\nthree</p>");
    }

    @Test
    void theSameTextGivesTheSameHtml() {
        String text = "Hi,\n\nSee https://acme.example/a.\n";
        assertThat(HtmlFromText.html(text)).isEqualTo(HtmlFromText.html(text));
    }
}

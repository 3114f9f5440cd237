package dev.outreachpipeline.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The page title and site name a pitch quotes, by the rule PageTitle's comment documents. */
class PageTitleTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = ';',
            value = {
                // a suffix after each separator, no hint from domain or keyword: the short last part is the site
                "Ten shade plants | Green Thumb;other.example;;Ten shade plants;Green Thumb",
                "Ten shade plants - Green Thumb;other.example;;Ten shade plants;Green Thumb",
                "Ten shade plants – Green Thumb;other.example;;Ten shade plants;Green Thumb",
                "Ten shade plants — Green Thumb;other.example;;Ten shade plants;Green Thumb",
                "Ten shade plants|Green Thumb;other.example;;Ten shade plants;Green Thumb",
                // the site's name as a prefix, recognised by the domain
                "Green Thumb - Ten shade plants;greenthumb.example;;Ten shade plants;Green Thumb",
                "Green Thumb: Ten shade plants;www.greenthumb.example;;Ten shade plants;Green Thumb",
                // the example: the keyword names the topic, so the other part is the site
                "Wellness Studio 50 | Home decor;studio50.example;home decor ideas;Home decor;Wellness Studio 50",
                "Home decor - Wellness Studio;other.example;home decor;Home decor;Wellness Studio",
                // a colon without a hint starts a subtitle: no site name, the title stays whole
                "Tomatoes: a complete guide;other.example;;Tomatoes: a complete guide;",
                // a hyphen inside a word is no separator
                "Ten shade-loving plants;other.example;;Ten shade-loving plants;",
                // three parts: the site's part is cut off one end only
                "Shade plants | Guides | Green Thumb;greenthumb.example;;Shade plants | Guides;Green Thumb",
                // a long last part is more likely the topic than a site name
                "Garden - how to grow ten shade loving plants in pots;other.example;;Garden - how to grow ten shade loving plants in pots;",
            })
    void splitsTheSiteNameOffTheTitle(String raw, String domain, String keyword, String title, String site) {
        PageTitle t = PageTitle.of(raw, domain, keyword);
        assertThat(t.title()).isEqualTo(title);
        assertThat(t.siteName()).isEqualTo(site);
    }

    @Test
    void decodesEntitiesAndFoldsWhitespace() {
        PageTitle t = PageTitle.of("Tom &amp; Jerry&#39;s\r\n  garden\t&ndash; Green&nbsp;Thumb", "x.example", null);
        assertThat(t.title()).isEqualTo("Tom & Jerry's garden");
        assertThat(t.siteName()).isEqualTo("Green Thumb");
    }

    @Test
    void aHostileTitleStaysTextOnOneLine() {
        PageTitle t = PageTitle.of("<script>alert(1)</script>\r\nBcc: x@evil.test", "x.example", null);
        assertThat(t.title())
                .isEqualTo("<script>alert(1)</script> Bcc: x@evil.test")
                .doesNotContain("\n");
        assertThat(t.siteName()).isNull();
    }

    @Test
    void noTitleGivesNeither() {
        assertThat(PageTitle.of(null, "x.example", null)).isEqualTo(new PageTitle(null, null));
        assertThat(PageTitle.of(" \n ", "x.example", null)).isEqualTo(new PageTitle(null, null));
        assertThat(PageTitle.of("| Green Thumb", "x.example", null)).isEqualTo(new PageTitle("| Green Thumb", null));
    }
}

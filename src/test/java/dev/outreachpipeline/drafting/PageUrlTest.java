package dev.outreachpipeline.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The page URL a pitch quotes: tracking parameters removed, everything else as it was. */
class PageUrlTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = ' ',
            value = {
                "https://x.example/p?utm_source=a&utm_medium=b https://x.example/p",
                "https://x.example/p?id=3&utm_campaign=c&page=2&gclid=g https://x.example/p?id=3&page=2",
                "https://x.example/p?fbclid=1&msclkid=2&mc_cid=3&mc_eid=4&_hsenc=5&_hsmi=6&yclid=7 https://x.example/p",
                "https://x.example/p?UTM_Source=a&b=%20c#top https://x.example/p?b=%20c#top",
                "https://x.example/p?ref=home&gclid=1 https://x.example/p?ref=home",
                "https://x.example/p?b=2&a=1 https://x.example/p?b=2&a=1",
                "https://x.example/p https://x.example/p",
                "https://x.example/p#utm_source=a https://x.example/p#utm_source=a",
                "http://user@x.example:8080/a%2Fb?utm_term=t&q=%C3%A9 http://user@x.example:8080/a%2Fb?q=%C3%A9",
                // not a URL java.net.URI accepts: left as it is
                "https://x.example/p?q=a|b&utm_source=z https://x.example/p?q=a|b&utm_source=z",
                "not-a-url?utm_source=z not-a-url?utm_source=z",
                "mailto:a@x.example?utm_source=z mailto:a@x.example?utm_source=z",
            })
    void removesTrackingParametersOnly(String url, String expected) {
        assertThat(PageUrl.withoutTracking(url)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void blankIsNullAndLineBreaksGo() {
        assertThat(PageUrl.withoutTracking(null)).isNull();
        assertThat(PageUrl.withoutTracking("  ")).isNull();
        assertThat(PageUrl.withoutTracking("https://x.example/p?a=1\r\n&utm_source=x"))
                .doesNotContain("\n")
                .doesNotContain("\r");
    }
}

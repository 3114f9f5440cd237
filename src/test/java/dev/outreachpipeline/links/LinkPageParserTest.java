package dev.outreachpipeline.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinkPageParserTest {

    private final LinkPageParser parser = new LinkPageParser();

    private PageFindings parse(String body) {
        return parser.parse(
                "<html><head>" + "</head><body>" + body + "</body></html>",
                "https://blog.example.org/post/1",
                "https://oursite.test/guide/");
    }

    @Test
    void aFollowedLinkIsFoundWithItsAnchorText() {
        PageFindings f = parse("<p>See <a href=\"https://oursite.test/guide/\">the  best\n guide</a>.</p>");
        assertThat(f.found()).isTrue();
        assertThat(f.anchor()).isEqualTo("the best guide");
        assertThat(f.rel()).isEmpty();
        assertThat(f.noindexMeta()).isFalse();
        assertThat(f.canonicalElsewhere()).isNull();
    }

    @Test
    void theTargetMatchesWhateverTheSchemeWwwTrailingSlashOrHostCase() {
        for (String href : List.of(
                "http://oursite.test/guide",
                "https://www.oursite.test/guide/",
                "HTTPS://WWW.OURSITE.TEST/guide#top",
                "//oursite.test/guide",
                "http://oursite.test:80/guide/")) {
            assertThat(parse("<a href=\"" + href + "\">x</a>").found()).as(href).isTrue();
        }
        assertThat(TargetUrl.matches("https://oursite.test/", "http://www.oursite.test"))
                .isTrue();
    }

    @Test
    void otherPagesOfTheSiteAndLookalikeHostsAreNotTheTarget() {
        for (String href : List.of(
                "https://oursite.test/guide/more",
                "https://oursite.test/Guide",
                "https://oursite.test.evil.example/guide",
                "https://shop.oursite.test/guide",
                "https://redirector.example/?to=https://oursite.test/guide/",
                "mailto:hello@oursite.test")) {
            assertThat(parse("<a href=\"" + href + "\">x</a>").found()).as(href).isFalse();
        }
    }

    @Test
    void relativeLinksResolveAgainstThePage() {
        PageFindings f = parser.parse(
                "<a href=\"/guide/\">ours</a>", "https://oursite.test/blog/post", "https://oursite.test/guide");
        assertThat(f.found()).isTrue();
    }

    @Test
    void eachNotFollowedRelIsRecordedAndAFollowedLinkCountsFirst() {
        assertThat(parse("<a rel=\"nofollow\" href=\"https://oursite.test/guide/\">x</a>")
                        .rel())
                .containsExactly("nofollow");
        assertThat(parse("<a rel=\"Sponsored noopener\" href=\"https://oursite.test/guide/\">x</a>")
                        .rel())
                .containsExactly("sponsored");
        assertThat(parse("<a rel=\"ugc nofollow\" href=\"https://oursite.test/guide/\">x</a>")
                        .rel())
                .containsExactly("nofollow", "ugc");
        PageFindings both = parse("<a rel=\"nofollow\" href=\"https://oursite.test/guide/\">in comments</a>"
                + "<a href=\"https://oursite.test/guide\">in the article</a>");
        assertThat(both.rel()).isEmpty();
        assertThat(both.anchor()).isEqualTo("in the article");
    }

    @Test
    void anImageLinkHasItsAltTextAsAnchor() {
        assertThat(parse("<a href=\"https://oursite.test/guide/\"><img src=\"b.png\" alt=\"Our badge\"></a>")
                        .anchor())
                .isEqualTo("Our badge");
    }

    @Test
    void robotsNoindexMetaAndACanonicalElsewhereAreRecorded() {
        PageFindings f = parser.parse(
                "<html><head><meta name=\"robots\" content=\"noindex, follow\">"
                        + "<link rel=\"canonical\" href=\"https://syndicated.example/original\"></head>"
                        + "<body><a href=\"https://oursite.test/guide/\">x</a></body></html>",
                "https://blog.example.org/post/1",
                "https://oursite.test/guide/");
        assertThat(f.noindexMeta()).isTrue();
        assertThat(f.canonicalElsewhere()).isEqualTo("https://syndicated.example/original");

        PageFindings self = parser.parse(
                "<html><head><meta name=\"robots\" content=\"index, follow\">"
                        + "<link rel=\"canonical\" href=\"https://www.blog.example.org/post/1/\"></head></html>",
                "https://blog.example.org/post/1",
                "https://oursite.test/guide/");
        assertThat(self.noindexMeta()).isFalse();
        assertThat(self.canonicalElsewhere()).isNull();
    }

    @Test
    void anXRobotsTagHeaderSaysNoindexByItsTokens() {
        assertThat(LinkPageParser.noindexHeader(List.of("noindex"))).isTrue();
        assertThat(LinkPageParser.noindexHeader(List.of("googlebot: noindex, nofollow")))
                .isTrue();
        assertThat(LinkPageParser.noindexHeader(List.of("none"))).isTrue();
        assertThat(LinkPageParser.noindexHeader(List.of("nosnippet", "max-image-preview:large")))
                .isFalse();
    }

    @Test
    void hostileAnchorTextLosesItsControlCharactersAndIsCut() {
        String anchor = parse("<a href=\"https://oursite.test/guide/\">a\u001b[31mb" + "x".repeat(600) + "</a>")
                .anchor();
        assertThat(anchor).doesNotContain("\u001b").startsWith("a[31mb").hasSize(LinkPageParser.MAX_ANCHOR);
    }
}

package dev.outreachpipeline.discovery;

import static dev.outreachpipeline.discovery.DedupeMode.HOST;
import static dev.outreachpipeline.discovery.DedupeMode.REGISTRABLE_DOMAIN;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class DomainKeyTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "https://example.com/a,                   example.com",
        "https://www.example.com/a,               example.com",
        "http://WWW.Example.COM/Path?Q=1,         example.com",
        "HTTPS://www.example.com,                 example.com",
        "https://Www.example.com/,                example.com",
        "https://example.com:8443/x,              example.com",
        "http://www.example.com:80,               example.com",
        "https://example.com./x,                  example.com",
        "https://www.example.com.:443/x,          example.com",
        "https://user:secret@www.example.com/x,   example.com",
        "https://example.com?q=a/b,               example.com",
        "https://example.com#top,                 example.com",
        "'  https://example.com/padded  ',        example.com",
        "https://www.www.example.com/,            www.example.com",
        "https://blog.example.com/post,           blog.example.com",
        "https://www.blog.example.com/post,       blog.example.com",
        "https://blog.www.example.com/post,       blog.www.example.com",
        "https://blog.example.co.uk/post,         blog.example.co.uk",
        "https://www.example.co.uk/,              example.co.uk",
        "https://wwwexample.com/,                 wwwexample.com",
        "https://www2.example.com/,               www2.example.com",
        "https://bücher.de/x,                     xn--bcher-kva.de",
        "https://www.BÜCHER.de/x,                 xn--bcher-kva.de",
        "https://xn--bcher-kva.de/x,              xn--bcher-kva.de",
        "https://münchen.example.com/,            xn--mnchen-3ya.example.com",
        "https://my_blog.example.com/,            my_blog.example.com",
    })
    void hostKeyIsTheLowerCaseAsciiHostWithOneLeadingWwwRemoved(String url, String key) {
        assertThat(DomainKey.of(url, HOST)).contains(key);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "https://blog.example.co.uk/post,         example.co.uk",
        "https://www.example.co.uk/,              example.co.uk",
        "https://a.b.example.com/,                example.com",
        "https://WWW.Shop.Example.COM:8080/x,     example.com",
        "https://www.www.example.com/,            example.com",
        "https://example.com/,                    example.com",
        "https://bücher.de/x,                     xn--bcher-kva.de",
        "https://news.bbc.co.uk/,                 bbc.co.uk",
        // Private suffixes: each site under a shared host is its own owner.
        "https://alice.github.io/blog,            alice.github.io",
        "https://mycrafts.blogspot.com/,          mycrafts.blogspot.com",
        // A public suffix itself has no registrable part: the host stands for itself.
        "https://co.uk/,                          co.uk",
        "https://www.co.uk/,                      co.uk",
        // Not under any public suffix.
        "https://shop.example.invalidtld/,        shop.example.invalidtld",
    })
    void registrableKeyIsTheTopPrivateDomain(String url, String key) {
        assertThat(DomainKey.of(url, REGISTRABLE_DOMAIN)).contains(key);
    }

    @Test
    void wwwAndBareHostsOfOneSiteShareAKey() {
        assertThat(DomainKey.of("https://www.littlelanternhome.com/blog", HOST))
                .isEqualTo(DomainKey.of("http://LittleLanternHome.com/", HOST));
    }

    @Test
    void subdomainsAreSeparateByHostAndOneByRegistrableDomain() {
        assertThat(DomainKey.of("https://blog.thriftyvegan.co.uk/x", HOST))
                .isNotEqualTo(DomainKey.of("https://www.thriftyvegan.co.uk/y", HOST));
        assertThat(DomainKey.of("https://blog.thriftyvegan.co.uk/x", REGISTRABLE_DOMAIN))
                .isEqualTo(DomainKey.of("https://www.thriftyvegan.co.uk/y", REGISTRABLE_DOMAIN));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {
                "",
                "   ",
                "ftp://files.example.com/plan.pdf",
                "javascript:alert('https://example.com')",
                "mailto:someone@example.com",
                "tel:+441234567890",
                "/relative/path",
                "relative/page.html",
                "//example.com/scheme-relative",
                "example.com",
                "www.example.com/page",
                "https:example.com",
                "http://",
                "https:///path",
                "http://:8080/x",
                "https://user@/x",
                "https://.",
                "https://exa mple.com/",
                "https://example..com/",
                "https://-example.com/",
                "https://example.com:80a/",
                "https://b%C3%BCcher.de/",
                "https://192.0.2.1/admin",
                "http://127.0.0.1:8080/",
                "https://[2001:db8::1]/x",
                "https://[::1]:8443/",
                "http://localhost:8080/",
                "https://intranet/",
                "https://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com/", // a 64-character label
            })
    void noKeyForAnythingThatIsNotAnHttpUrlOfANamedSite(String url) {
        assertThat(DomainKey.of(url, HOST)).isEmpty();
        assertThat(DomainKey.of(url, REGISTRABLE_DOMAIN)).isEmpty();
    }

    @Test
    void hostKeepsWwwForStorageAndNormaliseAppliesTheDatabaseRule() {
        assertThat(DomainKey.host("https://WWW.PlantPoweredPrep.com:443/meal-prep/"))
                .contains("www.plantpoweredprep.com");
        assertThat(DomainKey.host("https://www.www.example.com/")).contains("www.www.example.com");
        assertThat(DomainKey.host("mailto:a@example.com")).isEmpty();

        assertThat(DomainKey.normalise("WWW.Example.com")).isEqualTo("example.com");
        assertThat(DomainKey.normalise("www.www.example.com")).isEqualTo("www.example.com");
        assertThat(DomainKey.normalise("example.com")).isEqualTo("example.com");
        assertThat(DomainKey.normalise("wwwexample.com")).isEqualTo("wwwexample.com");
    }

    @Test
    void theHostKeyIsTheDatabaseRuleAppliedToTheStoredHost() {
        for (String url :
                new String[] {"https://WWW.Example.com/", "https://www.www.example.com/", "https://blog.example.co.uk/"
                }) {
            String stored = DomainKey.host(url).orElseThrow();
            assertThat(DomainKey.of(url, HOST)).contains(DomainKey.normalise(stored));
        }
    }
}

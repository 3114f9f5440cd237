package dev.outreachpipeline.drafting.gates;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The links gate: the prospect's page, the target site and the unsubscribe base pass; any other URL fails. */
class LinksGateTest {

    private final LinksGate gate = new LinksGate("https://outreach.example/");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://garden.example/shade-plants",
                "http://www.garden.example/shade-plants/",
                "https://garden.example/shade-plants?ref=1",
                "https://our-site.example/",
                "https://our-site.example/blog/post-1",
                "www.our-site.example/about",
                "https://outreach.example/u/abc123",
                "ed@garden.example",
                "garden.example and hunter.io"
            })
    void urlsAPitchNeedsPass(String url) {
        assertThat(gate.check(Drafts.withBody(Drafts.BODY + "See " + url + " please.\n")))
                .isEmpty();
    }

    @Test
    void aLinkToAnotherSiteFails() {
        assertThat(gate.check(Drafts.withBody(Drafts.BODY + "Also see https://casino.example/win.\n")))
                .hasValue("the text body links to https://casino.example/win; a draft may link only to the"
                        + " prospect's page, the campaign's target site and the unsubscribe address");
    }

    @Test
    void anotherPageOfTheProspectsSiteFails() {
        assertThat(gate.check(Drafts.withBody(Drafts.BODY + "And https://garden.example/other too.\n")))
                .hasValueSatisfying(p -> assertThat(p).contains("https://garden.example/other"));
    }

    @Test
    void aBareWwwAddressCounts() {
        assertThat(gate.check(Drafts.withBody(Drafts.BODY + "And www.elsewhere.example too.\n")))
                .hasValueSatisfying(p -> assertThat(p).contains("www.elsewhere.example"));
    }

    @Test
    void aLinkInTheHtmlBodyCounts() {
        assertThat(gate.check(Drafts.draft(
                        "A subject", Drafts.BODY, "<p><a href=\"https://tracker.example/x?a=1&amp;b=2\">us</a></p>")))
                .hasValueSatisfying(p -> assertThat(p).startsWith("the HTML body links to https://tracker.example/x"));
    }

    @Test
    void aLinkInTheSubjectCounts() {
        assertThat(gate.check(Drafts.draft("Visit http://spam.example now", Drafts.BODY, null)))
                .hasValueSatisfying(p -> assertThat(p).startsWith("the subject links to http://spam.example"));
    }

    @Test
    void withoutATargetSiteOrPageNoOtherUrlPasses() {
        var draft = new DraftUnderReview(
                new dev.outreachpipeline.drafting.Draft("A subject", Drafts.BODY, null), null, null);

        assertThat(gate.check(draft)).isPresent();
    }
}

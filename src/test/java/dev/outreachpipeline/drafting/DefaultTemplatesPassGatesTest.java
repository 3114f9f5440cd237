package dev.outreachpipeline.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreachpipeline.drafting.gates.DraftGates;
import dev.outreachpipeline.drafting.gates.DraftUnderReview;
import dev.outreachpipeline.drafting.gates.GateSettings;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The templates shipped in the jar pass every quality gate with the default settings, with and
 * without a campaign site, for a prospect with every value and for one with few: otherwise every
 * draft of a new installation would fail.
 */
class DefaultTemplatesPassGatesTest {

    private static final DraftRenderer RENDERER = new DraftRenderer(DraftTemplates.builtIn(), true);

    private static final DraftGates GATES = DraftGates.of(new GateSettings(
            100,
            3000,
            GateSettings.list("act now,click here,buy now,100% free,risk-free,guaranteed,winner,cash bonus,earn money,"
                    + "make money,double your,no credit card,limited time offer,this is not spam,urgent"),
            "http://localhost:8080",
            "en"));

    @Test
    void aDraftWithEveryValuePassesEveryGate() {
        var pitch = new CampaignPitch("garden", "https://www.our-site.example/", null);
        Draft draft = RENDERER.render(
                new DraftContext(
                        "Ana",
                        "ana@gardenblog.example",
                        "gardenblog.example",
                        "Ten shade-loving plants",
                        "https://gardenblog.example/shade?utm_source=x",
                        "shade plants",
                        "United States",
                        "Sam Sender"),
                pitch,
                Optional.empty());

        assertThat(GATES.firstFailure(
                        new DraftUnderReview(draft, "https://gardenblog.example/shade?utm_source=x", pitch.siteUrl())))
                .isEmpty();
    }

    @Test
    void aDraftWithEveryVariableAndItsHtmlMadeFromTheTextPassesEveryGate() {
        var pitch = new CampaignPitch("garden", "https://www.our-site.example/", null);
        String page = "https://greenthumb.example/shade?utm_source=x&id=7";
        Draft draft = RENDERER.render(
                        new DraftContext(
                                "Ana",
                                "ana@greenthumb.example",
                                "greenthumb.example",
                                "Ten shade-loving plants | Green Thumb",
                                page,
                                "shade plants",
                                "United States",
                                "Sam Sender",
                                "Ana Lima",
                                "Senior Editor",
                                "Ferns and hostas that thrive without direct sun...",
                                4,
                                "Sam Sender\nGuest writer"),
                        pitch,
                        Optional.empty())
                .withHtmlFromText();

        assertThat(GATES.firstFailure(new DraftUnderReview(draft, page, pitch.siteUrl())))
                .isEmpty();
        assertThat(draft.textBody()).contains("Green Thumb", "Ten shade-loving plants", "thrive without direct sun");
        // where the address was found is said once, by the footer the send stage adds, never by the body
        assertThat(draft.textBody()).doesNotContainIgnoringCase("your address");
        assertThat(draft.htmlBody()).doesNotContainIgnoringCase("your address");
    }

    @Test
    void aProspectWithOnlyTheRequiredFieldsStillDraftsAndPassesEveryGate() {
        for (CampaignPitch pitch :
                new CampaignPitch[] {CampaignPitch.NONE, new CampaignPitch("garden", "https://our-site.example", null)
                }) {
            Draft draft = RENDERER.render(
                            new DraftContext(null, "ed@x.example", "x.example", null, null, null, null, "Sam Sender"),
                            pitch,
                            Optional.empty())
                    .withHtmlFromText();

            assertThat(GATES.firstFailure(new DraftUnderReview(draft, null, pitch.siteUrl())))
                    .isEmpty();
            assertThat(draft.subject()).contains("x.example");
            assertThat(draft.textBody()).startsWith("Hi there,\n\n").doesNotContain("\"\"", " ,", " .");
        }
    }
}

package dev.outreachpipeline.drafting.gates;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The language gate: a body in another language than outreach.drafts.language fails; one it is unsure of passes. */
class LanguageGateTest {

    private static final LanguageGate ENGLISH = new LanguageGate("en");

    private static final String GERMAN = """
            Hallo Ana,

            ich bin auf Ihre Seite über schattenliebende Pflanzen gestoßen und habe sie sehr gerne gelesen.
            Hätten Sie Interesse an einem Gastbeitrag? Ich würde einen eigenen Artikel für Ihre Leser
            schreiben, kostenlos; ich bitte nur um einen Link zu unserer Seite.

            Vielen Dank fürs Lesen,
            Sam
            """;

    @Test
    void anEnglishBodyPasses() {
        assertThat(ENGLISH.check(Drafts.plain())).isEmpty();
    }

    @Test
    void aGermanBodyFailsWhereEnglishIsConfigured() {
        assertThat(ENGLISH.check(Drafts.withBody(GERMAN)))
                .hasValue("the text body reads as German (de), not the configured language en"
                        + " (outreach.drafts.language)");
    }

    @Test
    void theConfiguredLanguageDecides() {
        assertThat(new LanguageGate("de").check(Drafts.withBody(GERMAN))).isEmpty();
        assertThat(new LanguageGate("de").check(Drafts.plain()))
                .hasValueSatisfying(p -> assertThat(p).startsWith("the text body reads as English (en)"));
    }

    @Test
    void aBodyTooShortToTellPasses() {
        assertThat(ENGLISH.check(Drafts.withBody("Ana, Sam."))).isEmpty();
    }

    @Test
    void theSettingTakesOnlyLanguagesTheDetectorKnows() {
        assertThat(GateSettings.checkLanguage("de")).isEmpty();
        assertThat(GateSettings.checkLanguage("")).isEmpty();
        assertThat(GateSettings.checkLanguage("xx"))
                .hasValueSatisfying(p -> assertThat(p).contains("'xx'"));
    }
}

package dev.outreachpipeline.drafting.gates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outreachpipeline.config.ConfigException;
import dev.outreachpipeline.config.OutreachConfig;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gates' settings: their defaults, and the mistakes refused at start. */
class GateSettingsTest {

    @TempDir
    Path dir;

    @Test
    void theDefaultsAreSane() {
        GateSettings settings = GateSettings.from(OutreachConfig.load(null, Map.of(), dir));

        assertThat(settings.minBodyChars()).isEqualTo(100);
        assertThat(settings.maxBodyChars()).isEqualTo(3000);
        assertThat(settings.spamWords()).contains("click here", "100% free").doesNotContain("free");
        assertThat(settings.language()).isEqualTo("en");
    }

    @Test
    void aMinimumAboveTheMaximumIsRefusedAtStart() {
        assertThatThrownBy(() -> OutreachConfig.load(
                        null,
                        Map.of("OUTREACH_DRAFTS_MIN_BODY_CHARS", "500", "OUTREACH_DRAFTS_MAX_BODY_CHARS", "400"),
                        dir))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .containsExactly("'outreach.drafts.min-body-chars' (from environment"
                                        + " OUTREACH_DRAFTS_MIN_BODY_CHARS) must be at most"
                                        + " outreach.drafts.max-body-chars (400); is 500"));
    }

    @Test
    void anUnknownLanguageIsRefusedAtStart() {
        assertThatThrownBy(() -> OutreachConfig.load(null, Map.of("OUTREACH_DRAFTS_LANGUAGE", "english"), dir))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems()).singleElement().asString().contains("outreach.drafts.language"));
    }

    @Test
    void anEmptyListOrLanguageTurnsItsGateOff() {
        GateSettings settings = GateSettings.from(OutreachConfig.load(
                null, Map.of("OUTREACH_DRAFTS_SPAM_WORDS", " , ", "OUTREACH_DRAFTS_LANGUAGE", ""), dir));

        assertThat(settings.spamWords()).isEmpty();
        assertThat(DraftGates.of(settings)
                        .firstFailure(Drafts.withBody("Hallo Ana, ich bin auf Ihre Seite über schattenliebende"
                                + " Pflanzen gestoßen und habe sie sehr gerne gelesen. Hätten Sie Interesse an einem"
                                + " Gastbeitrag? Vielen Dank fürs Lesen, Sam")))
                .isEmpty();
    }
}

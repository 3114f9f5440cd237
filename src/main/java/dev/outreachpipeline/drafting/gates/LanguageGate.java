package dev.outreachpipeline.drafting.gates;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.i18n.LdLocale;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.BuiltInLanguages;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The text body is written in outreach.drafts.language: a draft in another language (a campaign's
 * template in the wrong language, a pasted paragraph) would not be read. The detector (optimaize's
 * n-gram profiles, which Apache Tika uses) compares the body with the configured language and the
 * {@link #COMPARED} others only; a body it is not sure about (short, mixed) passes, as only a
 * confident answer of another language fails the draft.
 */
final class LanguageGate implements DraftGate {

    /** The languages a body is compared with besides the configured one: the likeliest mistakes. */
    static final List<String> COMPARED = List.of("en", "de", "fr", "es", "it", "pt", "nl", "sv", "da", "no", "pl");

    /** How sure the detector must be of another language to fail the draft. */
    private static final double MIN_PROBABILITY = 0.9;

    private final String language;
    private final LanguageDetector detector;

    /** @param language an ISO 639-1 code that {@link #isKnown} */
    LanguageGate(String language) {
        this.language = language.strip().toLowerCase(Locale.ROOT);
        Set<LdLocale> locales = new LinkedHashSet<>();
        locales.add(LdLocale.fromString(this.language));
        COMPARED.forEach(code -> locales.add(LdLocale.fromString(code)));
        try {
            detector = LanguageDetectorBuilder.create(NgramExtractors.standard())
                    .withProfiles(new LanguageProfileReader().readBuiltIn(locales))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("the language profiles in the jar cannot be read", e);
        }
    }

    /** Whether the detector knows the language (a code such as en, de, pt); checked when the setting is read. */
    static boolean isKnown(String code) {
        String c = code.strip().toLowerCase(Locale.ROOT);
        return BuiltInLanguages.getLanguages().stream()
                .anyMatch(l -> l.toString().equals(c));
    }

    @Override
    public String name() {
        return "language";
    }

    @Override
    public Optional<String> check(DraftUnderReview draft) {
        for (DetectedLanguage detected : detector.getProbabilities(draft.textBody())) {
            String code = detected.getLocale().getLanguage();
            if (detected.getProbability() >= MIN_PROBABILITY && !code.equals(language)) {
                return Optional.of("the text body reads as "
                        + Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH) + " (" + code
                        + "), not the configured language " + language + " (outreach.drafts.language)");
            }
        }
        return Optional.empty();
    }
}

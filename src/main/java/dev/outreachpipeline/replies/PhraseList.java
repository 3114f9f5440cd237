package dev.outreachpipeline.replies;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A list of phrases (a file under src/main/resources/replies/) found in a text as whole words,
 * ignoring case, runs of white space and the kind of apostrophe.
 */
final class PhraseList {

    private static final Pattern SPACE = Pattern.compile("\\s+");

    private final String name;
    private final List<Pattern> phrases = new ArrayList<>();
    private final List<String> texts = new ArrayList<>();

    private PhraseList(String name, List<String> lines) {
        this.name = name;
        for (String line : lines) {
            String phrase = normalize(line);
            texts.add(phrase);
            phrases.add(Pattern.compile(
                    "(?<![\\p{L}\\p{N}])" + Pattern.quote(phrase) + "(?![\\p{L}\\p{N}])", Pattern.UNICODE_CASE));
        }
    }

    static PhraseList load(String file) {
        return new PhraseList(file, ResourceLines.of(file));
    }

    String name() {
        return name;
    }

    /** The phrases found in the (normalized) text, in the list's order. */
    List<String> found(String normalizedText) {
        var found = new ArrayList<String>();
        for (int i = 0; i < phrases.size(); i++) {
            if (phrases.get(i).matcher(normalizedText).find()) {
                found.add(texts.get(i));
            }
        }
        return found;
    }

    /** The (normalized) text with every phrase of the list blanked out. */
    String without(String normalizedText) {
        String rest = normalizedText;
        for (Pattern p : phrases) {
            Matcher m = p.matcher(rest);
            rest = m.replaceAll(" ");
        }
        return rest;
    }

    /** Lower case, composed accents, one kind of apostrophe, single spaces. */
    static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String t = Normalizer.normalize(text, Normalizer.Form.NFC)
                .toLowerCase(Locale.ROOT)
                .replace('\u2019', '\'')
                .replace('\u2018', '\'')
                .replace('\u00A0', ' ');
        return SPACE.matcher(t).replaceAll(" ").strip();
    }
}

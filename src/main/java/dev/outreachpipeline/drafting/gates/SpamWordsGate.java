package dev.outreachpipeline.drafting.gates;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * No word or phrase of outreach.drafts.spam-words, matched case-insensitively as whole words (so
 * "winner" does not match "winners' circle" … but does match "Winner!"); spaces in a phrase match
 * any run of white space, as a template's line breaks would leave them.
 */
final class SpamWordsGate implements DraftGate {

    private final List<Pattern> words;

    SpamWordsGate(List<String> words) {
        this.words = words.stream().map(SpamWordsGate::pattern).toList();
    }

    @Override
    public String name() {
        return "spam-words";
    }

    @Override
    public Optional<String> check(DraftUnderReview draft) {
        for (DraftUnderReview.Part part : draft.parts()) {
            for (Pattern word : words) {
                Matcher m = word.matcher(part.text());
                if (m.find()) {
                    return Optional.of("the " + part.name() + " contains \"" + m.group()
                            + "\", a phrase spam filters look for (outreach.drafts.spam-words); reword it");
                }
            }
        }
        return Optional.empty();
    }

    private static Pattern pattern(String phrase) {
        var regex = new StringBuilder("(?<![\\p{L}\\p{N}_])");
        String[] parts = phrase.strip().split("\\s+");
        for (int i = 0; i < parts.length; i++) {
            regex.append(i == 0 ? "" : "\\s+").append(Pattern.quote(parts[i]));
        }
        regex.append("(?![\\p{L}\\p{N}_])");
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}

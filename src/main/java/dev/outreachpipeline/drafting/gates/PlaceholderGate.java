package dev.outreachpipeline.drafting.gates;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * No unfilled placeholder: a template of another tool's syntax ({@code {{name}}}, {@code ${name}}),
 * or a hole left for a person to fill ({@code [First Name]}, {@code <company>}), reads as a form
 * letter at best. The bracket forms count only when the words in them name what a placeholder
 * stands for (name, first name, company, website, …) or start with "insert", "your" or "their", so
 * that ordinary text ("[sic]", "a < b > c", a link in angle brackets) passes.
 */
final class PlaceholderGate implements DraftGate {

    /** Words a bracketed placeholder is made of: what a template would have filled in. */
    private static final String PLACEHOLDER_WORDS = "(?:first[ _-]?name|last[ _-]?name|full[ _-]?name|name|company"
            + "(?:[ _-]?name)?|website|site(?:[ _-]?name)?|domain|url|link|page(?:[ _-]?title)?|title|topic|keyword"
            + "|city|location|position|recipient|email|contact|sender|signature|date|article(?:[ _-]?title)?"
            + "|(?:insert|your|their)\\b[^\\]>\\n]{0,40})";

    private static final Pattern SQUARE =
            Pattern.compile("\\[\\s*" + PLACEHOLDER_WORDS + "\\s*\\]", Pattern.CASE_INSENSITIVE);
    private static final Pattern ANGLE =
            Pattern.compile("<\\s*" + PLACEHOLDER_WORDS + "\\s*>", Pattern.CASE_INSENSITIVE);
    /** The HTML body is HTML: an angle placeholder printed into it appears escaped. */
    private static final Pattern ESCAPED_ANGLE =
            Pattern.compile("&lt;\\s*" + PLACEHOLDER_WORDS + "\\s*&gt;", Pattern.CASE_INSENSITIVE);

    private static final List<String> TEMPLATE_MARKS = List.of("{{", "}}", "${");

    @Override
    public String name() {
        return "placeholder";
    }

    @Override
    public Optional<String> check(DraftUnderReview draft) {
        for (DraftUnderReview.Part part : draft.parts()) {
            for (String mark : TEMPLATE_MARKS) {
                int at = part.text().indexOf(mark);
                if (at >= 0) {
                    return Optional.of(found(part, excerpt(part.text(), at)));
                }
            }
            for (Pattern p : part.html() ? List.of(SQUARE, ESCAPED_ANGLE) : List.of(SQUARE, ANGLE)) {
                Matcher m = p.matcher(part.text());
                if (m.find()) {
                    return Optional.of(found(part, m.group()));
                }
            }
        }
        return Optional.empty();
    }

    private static String found(DraftUnderReview.Part part, String placeholder) {
        return "the " + part.name() + " has an unfilled placeholder \"" + placeholder
                + "\"; fill it from a template variable or remove it from the template";
    }

    /** The placeholder-like text from {@code at}: up to its closing mark, or a few characters. */
    private static String excerpt(String text, int at) {
        int end = Math.min(text.length(), at + 30);
        int close = text.indexOf('}', at + 2);
        if (close >= 0 && close < end) {
            end = Math.min(text.length(), close + (close + 1 < text.length() && text.charAt(close + 1) == '}' ? 2 : 1));
        }
        int newline = text.indexOf('\n', at);
        if (newline >= 0 && newline < end) {
            end = newline;
        }
        return text.substring(at, end);
    }
}

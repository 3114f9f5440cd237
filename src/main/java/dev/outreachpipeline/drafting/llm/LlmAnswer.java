package dev.outreachpipeline.drafting.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The model's message content read strictly as the prompt asks for it: exactly the fields
 * {@code subject} (text), {@code body} (text) and {@code facts_used} (a list of texts), or a
 * NO_SIGNAL answer ({@code {"no_signal": true, "reason": "…"}}, or the bare word {@code NO_SIGNAL}).
 * Anything else, an unknown or missing field, a wrong type, or a body in HTML or markdown, is
 * malformed and the template draft is used. The subject is kept as it came (a line break in it is
 * the subject gate's to refuse, never smoothed into a header).
 */
public sealed interface LlmAnswer {

    record Written(String subject, String body, List<String> factsUsed) implements LlmAnswer {}

    record NoSignal(String reason) implements LlmAnswer {}

    record Malformed(String reason) implements LlmAnswer {}

    Set<String> DRAFT_FIELDS = Set.of("subject", "body", "facts_used");
    Set<String> NO_SIGNAL_FIELDS = Set.of("no_signal", "reason");

    /** Tags (not a lone "<" in prose), markdown emphasis, headings, bullets and links. */
    Pattern MARKUP =
            Pattern.compile("</?[A-Za-z][A-Za-z0-9]*[\\s/>]|\\*\\*|__|(?m)^\\s{0,3}(#{1,6}\\s|[*+-]\\s)|\\]\\(https?:");

    ObjectMapper STRICT = new ObjectMapper();

    static LlmAnswer read(String content) {
        String c = content.strip();
        if (c.equals("NO_SIGNAL") || c.equals("\"NO_SIGNAL\"")) {
            return new NoSignal("the model found nothing specific to say");
        }
        JsonNode root;
        try {
            root = STRICT.readTree(c);
        } catch (JsonProcessingException e) {
            return new Malformed("the answer is not JSON");
        }
        if (root == null || !root.isObject()) {
            return new Malformed("the answer is not a JSON object");
        }
        Set<String> fields = new TreeSet<>();
        root.fieldNames().forEachRemaining(fields::add);
        if (root.has("no_signal")) {
            if (!NO_SIGNAL_FIELDS.containsAll(fields)
                    || !root.get("no_signal").isBoolean()
                    || !root.get("no_signal").booleanValue()) {
                return new Malformed("a no_signal answer must be {\"no_signal\": true, \"reason\": \"…\"}");
            }
            JsonNode reason = root.get("reason");
            if (reason != null && !reason.isTextual()) {
                return new Malformed("the no_signal reason is not text");
            }
            String r = reason == null ? "" : oneLine(reason.textValue());
            return new NoSignal(r.isEmpty() ? "the model found nothing specific to say" : r);
        }
        if (!fields.equals(DRAFT_FIELDS)) {
            var unknown = new TreeSet<>(fields);
            unknown.removeAll(DRAFT_FIELDS);
            var missing = new TreeSet<>(DRAFT_FIELDS);
            missing.removeAll(fields);
            return new Malformed("the answer's fields are wrong"
                    + (missing.isEmpty() ? "" : ": missing " + String.join(", ", missing))
                    + (unknown.isEmpty() ? "" : ": unknown " + String.join(", ", shown(unknown))));
        }
        JsonNode subject = root.get("subject");
        JsonNode body = root.get("body");
        JsonNode facts = root.get("facts_used");
        if (!subject.isTextual() || !body.isTextual()) {
            return new Malformed("subject and body must be text");
        }
        if (!facts.isArray()) {
            return new Malformed("facts_used must be a list");
        }
        var used = new ArrayList<String>();
        for (Iterator<JsonNode> it = facts.elements(); it.hasNext(); ) {
            JsonNode f = it.next();
            if (!f.isTextual()) {
                return new Malformed("every item of facts_used must be text");
            }
            used.add(f.textValue());
        }
        String text = paragraphs(body.textValue());
        if (text.isEmpty()) {
            return new Malformed("the body is empty");
        }
        if (MARKUP.matcher(text).find()) {
            return new Malformed("the body is not plain text (it holds HTML or markdown)");
        }
        return new Written(subject.textValue(), text, List.copyOf(used));
    }

    /**
     * The body with \n line ends, trailing spaces dropped, and paragraphs separated by exactly one
     * blank line: the shape a template's text body has, so the same gates and wrapping apply.
     */
    static String paragraphs(String body) {
        String unix = body.replace("\r\n", "\n").replace('\r', '\n');
        var out = new ArrayList<String>();
        for (String para : unix.split("\n\\s*\n")) {
            String p = para.lines()
                    .map(String::stripTrailing)
                    .reduce((a, b) -> a + "\n" + b)
                    .orElse("")
                    .strip();
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return String.join("\n\n", out);
    }

    private static String oneLine(String s) {
        String one = s.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return one.length() > 200 ? one.substring(0, 200) + "…" : one;
    }

    private static List<String> shown(Set<String> names) {
        return names.stream().limit(5).map(n -> "'" + oneLine(n) + "'").toList();
    }
}

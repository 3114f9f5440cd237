package dev.outreachpipeline.drafting.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The two messages of a draft request. The rules live in {@code llm/draft-system-prompt.txt}, not
 * in Java strings, so they read as the model reads them. The user message is nothing but the
 * facts, each inside its own {@code <fact name="…">} element: untrusted text (page titles,
 * snippets) is delimited and the system prompt says it is data. A fact cannot close its own
 * element early: its angle brackets are replaced by look-alikes, which the grounded gate's
 * comparison never meets (the facts the gate compares with are the originals).
 */
public final class LlmPrompt {

    private static final String SYSTEM = resource("llm/draft-system-prompt.txt");

    private LlmPrompt() {}

    public static String system() {
        return SYSTEM;
    }

    /** @param facts by name, in the order given */
    public static String user(Map<String, String> facts) {
        var out = new StringBuilder("FACTS\n");
        facts.forEach((name, value) -> out.append("<fact name=\"")
                .append(name)
                .append("\">")
                .append(delimited(value))
                .append("</fact>\n"));
        return out.toString();
    }

    /** A value that cannot end its element or open another: {@code <} and {@code >} become ‹ and ›. */
    static String delimited(String value) {
        return value.replace('<', '‹').replace('>', '›');
    }

    private static String resource(String name) {
        try (InputStream in = LlmPrompt.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the resource " + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

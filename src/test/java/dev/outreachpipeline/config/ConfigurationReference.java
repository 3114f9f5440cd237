package dev.outreachpipeline.config;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings reference, docs/configuration.md, written from the two places a setting is defined:
 * {@link ConfigSchema} (environment names, allowed values, secrecy) and config/application.properties
 * (default, description in the comment above the key, section). Nothing about a setting is written
 * here, so the reference cannot say something the program does not do.
 *
 * <p>It lives with the tests because only {@code ConfigurationReferenceTest} runs it: the product
 * never needs it, and the test both checks the committed page and regenerates it.
 */
final class ConfigurationReference {

    static final Path PROPERTIES = Path.of("config", "application.properties");
    static final Path DOCUMENT = Path.of("docs", "configuration.md");
    static final String REGENERATE_COMMAND = "./mvnw -B test -Dtest=ConfigurationReferenceTest -Dregenerate=true";

    private static final Pattern SECTION = Pattern.compile("#\\s*---\\s*(.*?)\\s*-*\\s*");
    private static final Pattern RANGE = Pattern.compile("must be between (\\S+) and (\\S+), is .*");
    private static final Pattern ONE_OF = Pattern.compile("must be one of (.+), is '.*'", Pattern.DOTALL);

    /** One key of the properties file: its default ("" = empty) and the comment directly above it. */
    record Entry(String key, String defaultValue, String description) {}

    /** A "# --- Title ---" part of the file, with the comment paragraphs that stand apart from any key. */
    record Section(String title, List<String> notes, List<Entry> entries) {}

    /** The properties file as the reference reads it: its opening comment, then its sections in order. */
    record PropertiesFile(List<String> introduction, List<Section> sections) {

        List<Entry> entries() {
            return sections.stream().flatMap(s -> s.entries().stream()).toList();
        }
    }

    private ConfigurationReference() {}

    /**
     * Reads the file the way an operator does: a comment block ending right above a key describes
     * that key; a comment block followed by a blank line is a note on its section (or, before the
     * first section, the file's introduction). Defaults are taken through {@link Properties}, so
     * they are exactly what the program reads.
     */
    static PropertiesFile parse(String text) {
        var defaults = new Properties();
        try {
            defaults.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var introduction = new ArrayList<String>();
        var sections = new ArrayList<Section>();
        var comment = new ArrayList<String>();
        Section current = null;
        for (String raw : text.split("\n", -1)) {
            String line = raw.strip();
            Matcher section = SECTION.matcher(line);
            if (section.matches()) {
                flushNote(comment, current, introduction);
                current = new Section(section.group(1), new ArrayList<>(), new ArrayList<>());
                sections.add(current);
            } else if (line.startsWith("#")) {
                comment.add(line.substring(1).strip());
            } else if (line.isEmpty()) {
                flushNote(comment, current, introduction);
            } else {
                String key = line.split("[=:]", 2)[0].strip();
                if (current == null) {
                    current = new Section("", new ArrayList<>(), new ArrayList<>());
                    sections.add(current);
                }
                current.entries()
                        .add(new Entry(key, defaults.getProperty(key, "").strip(), paragraph(comment)));
                comment.clear();
            }
        }
        flushNote(comment, current, introduction);
        return new PropertiesFile(List.copyOf(introduction), List.copyOf(sections));
    }

    private static void flushNote(List<String> comment, Section current, List<String> introduction) {
        if (comment.isEmpty()) {
            return;
        }
        // A lone '#' line inside a comment separates paragraphs.
        var paragraph = new ArrayList<String>();
        for (String line : comment) {
            if (line.isEmpty()) {
                addParagraph(paragraph, current, introduction);
            } else {
                paragraph.add(line);
            }
        }
        addParagraph(paragraph, current, introduction);
        comment.clear();
    }

    private static void addParagraph(List<String> lines, Section current, List<String> introduction) {
        if (!lines.isEmpty()) {
            (current == null ? introduction : current.notes()).add(paragraph(lines));
            lines.clear();
        }
    }

    private static String paragraph(List<String> lines) {
        return String.join(" ", lines).strip();
    }

    /**
     * Every way the two definitions disagree: a schema key missing from the file, an outreach.* key
     * the schema does not know, a key listed twice or without its own comment.
     */
    static List<String> problems(PropertiesFile file) {
        var problems = new ArrayList<String>();
        var seen = new LinkedHashSet<String>();
        for (Entry e : file.entries()) {
            if (!seen.add(e.key())) {
                problems.add(e.key() + " is listed twice in " + PROPERTIES);
            }
            if (e.description().isBlank()) {
                problems.add(e.key() + " has no comment of its own directly above it in " + PROPERTIES
                        + " (the reference takes its description from there)");
            }
            if (e.key().startsWith("outreach.") && ConfigSchema.find(e.key()).isEmpty()) {
                problems.add(
                        e.key() + " is in " + PROPERTIES + " but not in ConfigSchema (add it there with its check)");
            }
        }
        for (Setting s : ConfigSchema.all()) {
            if (!seen.contains(s.key())) {
                problems.add(s.key() + " is in ConfigSchema but not in " + PROPERTIES
                        + " (add it there with its default and a comment)");
            }
        }
        return problems;
    }

    /** The Markdown page. */
    static String render(PropertiesFile file) {
        var out = new StringBuilder();
        out.append("# Configuration reference\n\n");
        out.append("<!-- Generated from ConfigSchema and config/application.properties; do not edit by hand.\n");
        out.append("     Regenerate with: ").append(REGENERATE_COMMAND).append(" -->\n\n");
        out.append("This page is generated from [`config/application.properties`](../config/application.properties)")
                .append(" (defaults and descriptions) and `ConfigSchema` (environment variables, allowed values,")
                .append(" secrets). To change a setting's description or default, edit the properties file; then")
                .append(" regenerate this page with `")
                .append(REGENERATE_COMMAND)
                .append("`.\n\n");
        for (String p : file.introduction()) {
            out.append(markdown(p)).append("\n\n");
        }
        out.append("## Contents\n\n");
        for (Section s : file.sections()) {
            out.append("- [")
                    .append(title(s))
                    .append("](#")
                    .append(anchor(title(s)))
                    .append(")\n");
        }
        out.append('\n');
        for (Section s : file.sections()) {
            out.append("## ").append(title(s)).append("\n\n");
            for (String note : s.notes()) {
                out.append(markdown(note)).append("\n\n");
            }
            if (s.entries().isEmpty()) {
                continue;
            }
            out.append("| setting | environment | default | allowed | description |\n");
            out.append("|---|---|---|---|---|\n");
            for (Entry e : s.entries()) {
                out.append("| `")
                        .append(e.key())
                        .append("` | ")
                        .append(environment(e.key()))
                        .append(" | ")
                        .append(e.defaultValue().isEmpty() ? "empty" : code(e.defaultValue()))
                        .append(" | ")
                        .append(allowed(e.key()))
                        .append(" | ")
                        .append(cell(markdown(e.description())))
                        .append(" |\n");
            }
            out.append('\n');
        }
        return out.toString().stripTrailing() + "\n";
    }

    private static String title(Section s) {
        return s.title().isEmpty() ? "General" : s.title();
    }

    /** GitHub's heading anchor: lower case, punctuation dropped, spaces become '-'. */
    static String anchor(String heading) {
        return heading.toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N} _-]", "")
                .replace(' ', '-');
    }

    /** The variable an operator would set first, then the other names that set it too. */
    private static String environment(String key) {
        Optional<Setting> setting = ConfigSchema.find(key);
        if (setting.isEmpty()) {
            return key.startsWith("camel.") ? "(Camel's own option)" : "";
        }
        Setting s = setting.get();
        var names = new ArrayList<String>(s.envAliases());
        names.add(s.envName());
        String first = code(names.get(0));
        return names.size() == 1
                ? first
                : first + " (or "
                        + String.join(
                                ", ",
                                names.subList(1, names.size()).stream()
                                        .map(ConfigurationReference::code)
                                        .toList())
                        + ")";
    }

    /**
     * What ConfigSchema accepts, where it can say so in a few words: a range, a list of values, the
     * stages that need the setting, and whether the value is secret. ConfigSchema writes a range or a list only in the sentence its
     * check gives for a wrong value, so it is read back from there (with values no setting accepts)
     * instead of being written a second time.
     */
    private static String allowed(String key) {
        Optional<Setting> setting = ConfigSchema.find(key);
        if (setting.isEmpty()) {
            return "";
        }
        Setting s = setting.get();
        var parts = new ArrayList<String>();
        rule(s).ifPresent(parts::add);
        parts.addAll(neededBy(key));
        if (s.secret()) {
            parts.add("**secret**: environment only, masked");
        } else if (ConfigSchema.isSensitive(key)) {
            parts.add("masked (may hold a password)");
        }
        return String.join("; ", parts);
    }

    /** The stages that cannot work without this setting, as {@code config check} reports them. */
    private static List<String> neededBy(String key) {
        var needed = new ArrayList<String>();
        for (Stage stage : Stage.ALL) {
            for (Stage.Requirement r : stage.requirements()) {
                if (r.key().equals(key)) {
                    needed.add("needed for " + stage.name()
                            + r.whenSet()
                                    .map(other -> " when " + code(other)
                                            + r.whenValue().map(v -> " is " + v).orElse(" is set"))
                                    .orElse(""));
                }
            }
        }
        return needed;
    }

    private static Optional<String> rule(Setting s) {
        for (String probe : List.of(String.valueOf(Long.MIN_VALUE), "99999999d", "\u0000")) {
            Optional<String> problem = s.check().apply(probe);
            if (problem.isEmpty()) {
                continue;
            }
            Matcher range = RANGE.matcher(problem.get());
            if (range.matches()) {
                return Optional.of(range.group(1) + "–" + range.group(2));
            }
            Matcher oneOf = ONE_OF.matcher(problem.get());
            if (oneOf.matches()) {
                return Optional.of(String.join(
                        ", ",
                        List.of(oneOf.group(1).split(",\\s*")).stream()
                                .map(ConfigurationReference::code)
                                .toList()));
            }
        }
        return Optional.empty();
    }

    private static String code(String text) {
        return "`" + text + "`";
    }

    /** Text from a comment, made safe for Markdown: angle brackets outside `code` would read as HTML. */
    private static String markdown(String text) {
        var out = new StringBuilder();
        String[] parts = text.split("`", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                out.append('`');
            }
            out.append(i % 2 == 0 ? parts[i].replace("<", "&lt;").replace(">", "&gt;") : parts[i]);
        }
        return out.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    /** Every entry by its key, for tests that look one up. */
    static Map<String, Entry> byKey(PropertiesFile file) {
        var map = new LinkedHashMap<String, Entry>();
        file.entries().forEach(e -> map.putIfAbsent(e.key(), e));
        return map;
    }
}

package dev.outreachpipeline.discovery;

import dev.outreachpipeline.config.ConfigException;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Discovery categories and the search phrases each stands for (config/categories.properties:
 * {@code category = phrase, phrase, …}). The phrases steer a SERP query towards blogs in a niche that
 * take guest posts; {@link QueryPlanner} says how they combine with keywords. Names are lower-case
 * words joined by '_' (the predecessor's names, e.g. {@code home_decor}); a request may use any case.
 */
public final class Categories {

    public static final String DEFAULT_FILE = "config/categories.properties";

    private final Map<String, List<String>> phrasesByName;

    private Categories(Map<String, List<String>> phrasesByName) {
        this.phrasesByName = phrasesByName;
    }

    /**
     * Reads and checks a table.
     *
     * @throws ConfigException listing every bad entry, or saying why the source cannot be read
     */
    public static Categories load(TableSource source) {
        var props = new Properties();
        try (Reader reader = source.open()) {
            props.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException(
                    List.of("cannot read the category table " + source.name() + ": " + e.getMessage()));
        }
        var problems = new ArrayList<String>();
        var phrasesByName = new TreeMap<String, List<String>>();
        for (Map.Entry<String, String> entry : sorted(props).entrySet()) {
            String name = entry.getKey().trim();
            List<String> phrases = Arrays.stream(entry.getValue().split(","))
                    .map(p -> p.trim().replaceAll("\\s+", " "))
                    .filter(p -> !p.isEmpty())
                    .toList();
            if (!name.matches("[a-z0-9]+(_[a-z0-9]+)*")) {
                problems.add(source.name() + ": category name '" + name
                        + "' must be lower-case letters and digits, words joined by '_'");
            } else if (phrases.isEmpty()) {
                problems.add(source.name() + ": category '" + name + "' has no search phrases");
            } else {
                phrasesByName.put(name, phrases);
            }
        }
        if (problems.isEmpty() && phrasesByName.isEmpty()) {
            problems.add(source.name() + " lists no categories");
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new Categories(phrasesByName);
    }

    private static Map<String, String> sorted(Properties props) {
        var map = new TreeMap<String, String>();
        props.stringPropertyNames().forEach(k -> map.put(k, props.getProperty(k)));
        return map;
    }

    /**
     * The search phrases of a category, in the order the table lists them.
     *
     * @throws UnknownNameException when the table has no such category; the message lists the valid ones
     */
    public List<String> phrases(String category) {
        return find(category)
                .map(phrasesByName::get)
                .orElseThrow(() -> new UnknownNameException(unknownMessage(category)));
    }

    /** The category's name as the table spells it, if the table has it (any case, spaces trimmed). */
    public Optional<String> find(String category) {
        if (category == null) {
            return Optional.empty();
        }
        String name = category.trim().toLowerCase(Locale.ROOT);
        return phrasesByName.containsKey(name) ? Optional.of(name) : Optional.empty();
    }

    /** Every category name, sorted. */
    public List<String> names() {
        return List.copyOf(phrasesByName.keySet());
    }

    String unknownMessage(String category) {
        String valid = "valid categories: " + String.join(", ", names());
        return category == null || category.isBlank()
                ? "a category is empty; " + valid
                : "unknown category '" + category.trim() + "'; " + valid;
    }
}

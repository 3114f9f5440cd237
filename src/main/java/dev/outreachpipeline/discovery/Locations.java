package dev.outreachpipeline.discovery;

import dev.outreachpipeline.config.ConfigException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The names an operator may type for a search location, mapped to DataForSEO location codes
 * (config/locations.csv: {@code name,code,description}, '#' starts a comment line).
 *
 * <p>The predecessor mapped names in code and fell back silently: "europe" became 2036 (Australia)
 * and any unknown name became the United States, so a typo searched the wrong country and paid for
 * it. Here an unknown name is an error that lists the valid names, and "europe" says that DataForSEO
 * has no Europe-wide location. A positive number is taken as a location code as it is, so every
 * location DataForSEO knows stays reachable without editing the table.
 */
public final class Locations {

    public static final String DEFAULT_FILE = "config/locations.csv";
    private static final List<String> HEADER = List.of("name", "code", "description");
    private static final List<String> NO_SUCH_REGION = List.of("europe", "eu");
    private static final List<String> EUROPEAN_SUGGESTIONS =
            List.of("uk", "germany", "france", "spain", "italy", "netherlands", "ireland");

    private final Map<String, Integer> codeByName;
    private final Map<Integer, String> descriptionByCode;
    private final Map<Integer, String> firstNameByCode;

    private Locations(
            Map<String, Integer> codeByName,
            Map<Integer, String> descriptionByCode,
            Map<Integer, String> firstNameByCode) {
        this.codeByName = codeByName;
        this.descriptionByCode = descriptionByCode;
        this.firstNameByCode = firstNameByCode;
    }

    /**
     * Reads and checks a table.
     *
     * @throws ConfigException listing every bad row, or saying why the source cannot be read
     */
    public static Locations load(TableSource source) {
        var problems = new ArrayList<String>();
        var codeByName = new TreeMap<String, Integer>();
        var lineOfName = new TreeMap<String, Long>();
        var descriptionByCode = new LinkedHashMap<Integer, String>();
        var firstNameByCode = new LinkedHashMap<Integer, String>();
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setCommentMarker('#')
                .setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(true)
                .get();
        try (Reader reader = source.open();
                CSVParser csv =
                        CSVParser.builder().setReader(reader).setFormat(format).get()) {
            if (!csv.getHeaderNames().equals(HEADER)) {
                throw new ConfigException(List.of(source.name() + " must start with the header line "
                        + String.join(",", HEADER) + ", starts with " + String.join(",", csv.getHeaderNames())));
            }
            for (CSVRecord row : csv) {
                String where = source.name() + " line " + csv.getCurrentLineNumber();
                if (!row.isConsistent()) {
                    problems.add(where + " has " + row.size() + " fields, expected " + HEADER.size()
                            + " (name,code,description)");
                    continue;
                }
                String name = normalise(row.get("name"));
                String codeText = row.get("code");
                Optional<Integer> code = parseCode(codeText);
                if (name.isEmpty()) {
                    problems.add(where + " has no name");
                } else if (parseCode(name).isPresent() || name.matches("[+-]?\\d+")) {
                    problems.add(where + ": name '" + name
                            + "' is a number; numbers typed as locations are already taken as codes");
                } else if (code.isEmpty()) {
                    problems.add(where + ": code '" + codeText + "' for '" + name + "' is not a positive whole number");
                } else if (codeByName.containsKey(name)) {
                    problems.add(where + ": name '" + name + "' is already listed on line " + lineOfName.get(name));
                } else {
                    codeByName.put(name, code.get());
                    lineOfName.put(name, csv.getCurrentLineNumber());
                    firstNameByCode.putIfAbsent(code.get(), name);
                    String description = row.get("description");
                    if (!description.isBlank()) {
                        descriptionByCode.putIfAbsent(code.get(), description);
                    }
                }
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new ConfigException(
                    List.of("cannot read the location table " + source.name() + ": " + e.getMessage()));
        }
        if (problems.isEmpty() && codeByName.isEmpty()) {
            problems.add(source.name() + " lists no locations");
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new Locations(codeByName, descriptionByCode, firstNameByCode);
    }

    /**
     * A name from the table (any case, surrounding and repeated spaces ignored) or a positive
     * DataForSEO location code. A code is named by the first table name for it, or by the number.
     *
     * @throws UnknownNameException for anything else, with the valid names in the message
     */
    public Location resolve(String nameOrCode) {
        return find(nameOrCode).orElseThrow(() -> new UnknownNameException(unknownMessage(nameOrCode)));
    }

    public Optional<Location> find(String nameOrCode) {
        if (nameOrCode == null) {
            return Optional.empty();
        }
        String name = normalise(nameOrCode);
        Integer code = codeByName.get(name);
        if (code != null) {
            return Optional.of(new Location(name, code));
        }
        return parseCode(name).map(c -> new Location(firstNameByCode.getOrDefault(c, String.valueOf(c)), c));
    }

    /** Every name the table knows, sorted. */
    public List<String> names() {
        return List.copyOf(codeByName.keySet());
    }

    /** DataForSEO's name for a code the table lists, e.g. "London,England,United Kingdom". */
    public Optional<String> description(int code) {
        return Optional.ofNullable(descriptionByCode.get(code));
    }

    /** Why {@code nameOrCode} does not resolve, as a sentence for an operator. */
    String unknownMessage(String nameOrCode) {
        String given = nameOrCode == null ? "" : normalise(nameOrCode);
        String valid = "valid names: " + String.join(", ", names()) + "; or a numeric DataForSEO location code";
        if (given.isEmpty()) {
            return "a location is empty; " + valid;
        }
        if (NO_SUCH_REGION.contains(given)) {
            List<String> countries = EUROPEAN_SUGGESTIONS.stream()
                    .filter(codeByName::containsKey)
                    .toList();
            return "there is no Europe-wide location in DataForSEO ('" + nameOrCode.trim()
                    + "'); list the countries to search"
                    + (countries.isEmpty() ? "" : ", e.g. " + String.join(", ", countries)) + " (" + valid + ")";
        }
        if (given.matches("[+-]?\\d+")) {
            return "location code '" + nameOrCode.trim() + "' is not a positive whole number; " + valid;
        }
        return "unknown location '" + nameOrCode.trim() + "'; " + valid;
    }

    static String normalise(String name) {
        return name.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static Optional<Integer> parseCode(String text) {
        String t = text.trim();
        if (!t.matches("\\d{1,10}")) {
            return Optional.empty();
        }
        long n = Long.parseLong(t);
        return n > 0 && n <= Integer.MAX_VALUE ? Optional.of((int) n) : Optional.empty();
    }
}

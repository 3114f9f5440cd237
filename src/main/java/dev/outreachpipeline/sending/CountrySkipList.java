package dev.outreachpipeline.sending;

import dev.outreachpipeline.config.ParseCheck;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Countries whose recipients are never written to ({@code outreach.send.skip-countries}, e.g.
 * {@code DE,AT}): places where cold email needs the recipient's prior consent. A prospect's country is
 * the country of the DataForSEO location its discovery searched from, which is where the site ranks,
 * the best guess the project has of where its people are.
 *
 * <p>Only the location codes below are known. A prospect from any other location, or from none, is not
 * skipped, because guessing a country would be worse than not knowing it. For the same reason a country
 * that none of these codes maps to is refused in the setting: listing it would look like protection
 * while skipping nobody. Add a location here before listing its country.
 */
public final class CountrySkipList {

    /**
     * DataForSEO (Google Ads geotarget) location codes the project searches from, and their ISO 3166
     * alpha-2 country. Country codes are 2000 + the ISO 3166 numeric code; cities have codes of their own.
     */
    static final Map<Integer, String> COUNTRY_BY_LOCATION = Map.ofEntries(
            Map.entry(2840, "US"),
            Map.entry(2124, "CA"),
            Map.entry(2826, "GB"),
            Map.entry(1006886, "GB"), // London
            Map.entry(2276, "DE"),
            Map.entry(2040, "AT"),
            Map.entry(2250, "FR"),
            Map.entry(2036, "AU"),
            Map.entry(2372, "IE"),
            Map.entry(2554, "NZ"),
            Map.entry(2356, "IN"),
            Map.entry(2724, "ES"),
            Map.entry(2380, "IT"),
            Map.entry(2528, "NL"));

    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> MATCHABLE = new TreeSet<>(COUNTRY_BY_LOCATION.values());

    private final List<String> countries;

    private CountrySkipList(List<String> countries) {
        this.countries = countries;
    }

    public static CountrySkipList none() {
        return new CountrySkipList(List.of());
    }

    /**
     * Comma-separated upper-case ISO 3166 alpha-2 codes; empty text skips no one.
     *
     * @throws IllegalArgumentException naming every code that is wrong, and why
     */
    public static CountrySkipList parse(String text) {
        var problems = new ArrayList<String>();
        var countries = new LinkedHashSet<String>();
        String t = text == null ? "" : text.trim();
        if (!t.isEmpty()) {
            for (String item : t.split(",", -1)) {
                String code = item.trim();
                problem(code).ifPresentOrElse(problems::add, () -> countries.add(code));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems)
                    + " (write upper-case ISO 3166 country codes separated by commas, e.g. DE,AT, or nothing)");
        }
        return new CountrySkipList(List.copyOf(countries));
    }

    /** A setting's check: empty when the text is a skip list, else what is wrong with it. */
    public static Optional<String> check(String text) {
        return ParseCheck.problem(text, CountrySkipList::parse);
    }

    private static Optional<String> problem(String code) {
        if (code.isEmpty()) {
            return Optional.of("the list has an empty entry");
        }
        String upper = code.toUpperCase(Locale.ROOT);
        if (upper.equals("UK")) {
            return Optional.of("'" + code + "' is not an ISO 3166 code: the United Kingdom is GB");
        }
        if (upper.equals("EU")) {
            return Optional.of("'" + code + "' is not a country: list the countries, e.g. DE,AT,FR");
        }
        if (code.matches("[A-Za-z]{2}") && !code.equals(upper)) {
            return Optional.of("'" + code + "' must be upper-case: " + upper);
        }
        if (!code.matches("[A-Z]{2}") || !ISO_COUNTRIES.contains(code)) {
            return Optional.of("'" + code + "' is not an ISO 3166 alpha-2 country code");
        }
        if (!MATCHABLE.contains(code)) {
            return Optional.of("no known search location is in " + code + ", so listing it would skip no one"
                    + " (known countries: " + String.join(", ", MATCHABLE) + ")");
        }
        return Optional.empty();
    }

    /** The country of a DataForSEO location code, when the project knows it. */
    public static Optional<String> countryOf(Integer locationCode) {
        return locationCode == null ? Optional.empty() : Optional.ofNullable(COUNTRY_BY_LOCATION.get(locationCode));
    }

    /**
     * Why a prospect discovered from this location is not written to, or empty when it may be. An unknown
     * or missing location code is never skipped (see the class comment).
     */
    public Optional<String> skipReason(Integer locationCode) {
        return countryOf(locationCode)
                .filter(countries::contains)
                .map(c -> "recipients in " + c + " are skipped: prior consent is required there"
                        + " (outreach.send.skip-countries)");
    }

    /** The listed countries, in the order written, each once. */
    public List<String> countries() {
        return countries;
    }

    public boolean isEmpty() {
        return countries.isEmpty();
    }

    @Override
    public String toString() {
        return String.join(",", countries);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CountrySkipList l && countries.equals(l.countries);
    }

    @Override
    public int hashCode() {
        return countries.hashCode();
    }
}

package dev.outreachpipeline.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Environment variables that look like ours but are not: HUNTER_APIKEY for HUNTER_API_KEY, SMTP_PASS
 * for SMTP_PASSWORD. Such a variable is silently ignored by the program, so the stage it was meant for
 * runs without it; naming it (and the variable it was probably meant to be) saves the operator the hunt.
 *
 * <p>A variable is taken for one of ours when it carries one of our own prefixes (SMTP_, IMAP_, HUNTER_,
 * DATAFORSEO_) or is at most {@value #TYPO_DISTANCE} edits from a name we read. Unknown OUTREACH_*
 * variables are not listed here: loading the configuration refuses them already.
 */
public final class LookalikeVariables {

    /** Edits (insert, delete, replace a character) that still count as a typo of one of our names. */
    static final int TYPO_DISTANCE = 2;

    private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();
    private static final List<String> OUR_PREFIXES = List.of("DATAFORSEO_", "HUNTER_", "SMTP_", "IMAP_");

    private LookalikeVariables() {}

    /** Every environment variable name this program reads. */
    static Set<String> knownNames() {
        var names = new TreeSet<String>();
        ConfigSchema.all().forEach(s -> names.addAll(s.envNames()));
        names.addAll(ConfigSchema.PROCESS_VARIABLES.keySet());
        return names;
    }

    /** One sentence per lookalike variable in {@code env}, sorted by name; the values are never read. */
    public static List<String> in(Map<String, String> env) {
        Set<String> known = knownNames();
        var found = new ArrayList<String>();
        env.keySet().stream()
                .sorted()
                .filter(n -> !known.contains(n) && !n.startsWith("OUTREACH_"))
                .forEach(n -> describe(n, known).ifPresent(found::add));
        return found;
    }

    private static Optional<String> describe(String name, Set<String> known) {
        String upper = name.toUpperCase(Locale.ROOT);
        Optional<String> closest = closest(upper, known);
        int distance = closest.map(c -> DISTANCE.apply(upper, c)).orElse(Integer.MAX_VALUE);
        Optional<String> prefix =
                OUR_PREFIXES.stream().filter(upper::startsWith).findFirst();
        if (distance <= TYPO_DISTANCE || prefix.isPresent() && closest.isPresent() && likely(upper, closest.get())) {
            return Optional.of(name + " is not a setting; did you mean " + closest.get() + "?");
        }
        return prefix.map(p -> name + " is not a setting (the " + p + " settings are " + list(known, p) + ")");
    }

    /**
     * The name of ours that {@code name} was most likely meant to be: the closest one, when it is near
     * enough to be a typo or an abbreviation (a third of its length, at least {@value #TYPO_DISTANCE} edits).
     */
    public static Optional<String> suggestion(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return closest(upper, knownNames()).filter(c -> likely(upper, c));
    }

    private static boolean likely(String name, String candidate) {
        return DISTANCE.apply(name, candidate) <= Math.max(TYPO_DISTANCE, candidate.length() / 3);
    }

    /**
     * The known name {@code name} is nearest to. A name cut short (SMTP_PASS) is taken for the name it
     * begins, although another may be fewer edits away (SMTP_HOST).
     */
    private static Optional<String> closest(String name, Set<String> known) {
        Optional<String> completed =
                known.stream().filter(k -> k.startsWith(name)).min(java.util.Comparator.comparingInt(String::length));
        if (completed.isPresent()) {
            return completed;
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = DISTANCE.apply(name, k);
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    private static String list(Set<String> known, String prefix) {
        List<String> names = known.stream().filter(k -> k.startsWith(prefix)).toList();
        return names.size() == 1
                ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}

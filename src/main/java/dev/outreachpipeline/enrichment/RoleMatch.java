package dev.outreachpipeline.enrichment;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A target role found in an address's position or department. Matching is by whole words, so that
 * "content" finds "Head of Content" but "owner" does not find "Brownie Baker"; a plural "s" on either
 * side is ignored ("partnerships" finds "Partnership Manager").
 *
 * @param role  the target role that matched, as configured
 * @param where what it matched, for the reason: {@code position 'Senior Editor'} or {@code department 'marketing'}
 */
record RoleMatch(String role, String where) {

    /** The first target role, in the configured order, found in the position, else in the department. */
    static Optional<RoleMatch> find(HunterEmail e, List<String> roles) {
        for (String role : roles) {
            if (contains(e.position(), role)) {
                return Optional.of(
                        new RoleMatch(role, "position '" + e.position().strip() + "'"));
            }
        }
        for (String role : roles) {
            if (contains(e.department(), role)) {
                return Optional.of(
                        new RoleMatch(role, "department '" + e.department().strip() + "'"));
            }
        }
        return Optional.empty();
    }

    private static boolean contains(String text, String role) {
        if (text == null || text.isBlank()) {
            return false;
        }
        String[] words = words(text);
        String[] wanted = words(role);
        if (wanted.length == 0) {
            return false;
        }
        for (int start = 0; start + wanted.length <= words.length; start++) {
            int i = 0;
            while (i < wanted.length && sameWord(words[start + i], wanted[i])) {
                i++;
            }
            if (i == wanted.length) {
                return true;
            }
        }
        return false;
    }

    private static String[] words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isEmpty())
                .toArray(String[]::new);
    }

    private static boolean sameWord(String word, String wanted) {
        return word.equals(wanted) || word.equals(wanted + "s") || wanted.equals(word + "s");
    }
}

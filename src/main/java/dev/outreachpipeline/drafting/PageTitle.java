package dev.outreachpipeline.drafting;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.text.StringEscapeUtils;

/**
 * A page's title as a pitch quotes it: HTML entities decoded, whitespace folded, and the site's name
 * (the "| Home decor" of "Wellness Studio 50 | Home decor") split off into a name of its own.
 *
 * <p>The rule, deterministic and documented in docs/templates.md:
 *
 * <ol>
 *   <li>The separator is the first of {@code |}, {@code –}, {@code —}, {@code -}, {@code ·},
 *       {@code •}, {@code »}, {@code :} that the title holds; all but {@code |} count only with
 *       spaces around them ("shade-loving" is one word), {@code :} only with a space after it.
 *   <li>The candidates for the site's name are the first part (before the first separator) and the
 *       last part (after the last one).
 *   <li>The site's name is the candidate whose letters and digits match the prospect's domain
 *       ("Home Decor Hub" on homedecorhub.com); else, when exactly one candidate shares a word with
 *       the discovery keyword, the other one (the keyword names the page's topic, not the site);
 *       else the last part, when it has at most five words and the separator is not {@code :} (a
 *       colon more often starts a subtitle than a site name).
 *   <li>Otherwise there is no site name, and the title stays whole.
 * </ol>
 *
 * @param title    the cleaned title, without the site's name; null when the page has no title
 * @param siteName the site's name, or null when the title shows none
 */
public record PageTitle(String title, String siteName) {

    private static final List<String> SEPARATORS = List.of("|", "–", "—", "-", "·", "•", "»", ":");
    private static final int MAX_GUESSED_SITE_WORDS = 5;
    private static final Set<String> TOP_LEVEL_NOISE = Set.of("www");

    /**
     * @param rawTitle the page's title as the SERP gave it (entities, line breaks and all); may be null
     * @param domain   the prospect's domain, to recognise the site's name by; may be null
     * @param keyword  the discovery keyword, naming the page's topic; may be null
     */
    public static PageTitle of(String rawTitle, String domain, String keyword) {
        String title = DraftContext.oneLine(rawTitle == null ? null : StringEscapeUtils.unescapeHtml4(rawTitle));
        if (title == null) {
            return new PageTitle(null, null);
        }
        for (String sep : SEPARATORS) {
            List<int[]> at = occurrences(title, sep);
            if (at.isEmpty()) {
                continue;
            }
            int[] first = at.get(0);
            int[] last = at.get(at.size() - 1);
            String prefix = title.substring(0, first[0]).strip();
            String suffix = title.substring(last[1]).strip();
            String withoutPrefix = title.substring(first[1]).strip();
            String withoutSuffix = title.substring(0, last[0]).strip();
            if (prefix.isEmpty() || suffix.isEmpty()) {
                return new PageTitle(title, null);
            }
            if (matchesDomain(suffix, domain)) {
                return new PageTitle(withoutSuffix, suffix);
            }
            if (matchesDomain(prefix, domain)) {
                return new PageTitle(withoutPrefix, prefix);
            }
            boolean prefixTopic = sharesWord(prefix, keyword);
            boolean suffixTopic = sharesWord(suffix, keyword);
            if (prefixTopic && !suffixTopic) {
                return new PageTitle(withoutSuffix, suffix);
            }
            if (suffixTopic && !prefixTopic) {
                return new PageTitle(withoutPrefix, prefix);
            }
            if (!sep.equals(":") && words(suffix).size() <= MAX_GUESSED_SITE_WORDS) {
                return new PageTitle(withoutSuffix, suffix);
            }
            return new PageTitle(title, null);
        }
        return new PageTitle(title, null);
    }

    /** Where {@code sep} stands as a separator in {@code title}: start and end (with its spaces) of each. */
    private static List<int[]> occurrences(String title, String sep) {
        var found = new ArrayList<int[]>();
        int from = 0;
        while (true) {
            int i = title.indexOf(sep, from);
            if (i < 0) {
                return found;
            }
            int end = i + sep.length();
            boolean spaceBefore = i > 0 && title.charAt(i - 1) == ' ';
            boolean spaceAfter = end < title.length() && title.charAt(end) == ' ';
            boolean separates = switch (sep) {
                case "|" -> true;
                case ":" -> spaceAfter && !spaceBefore;
                default -> spaceBefore && spaceAfter;
            };
            if (separates) {
                found.add(new int[] {i, end});
            }
            from = end;
        }
    }

    /**
     * Whether a title part names the domain: its letters and digits, lower-case, are the domain's
     * name (its labels before the last, without www.), or contain it, or are contained in it.
     */
    static boolean matchesDomain(String part, String domain) {
        if (domain == null) {
            return false;
        }
        String compactPart = compact(part);
        String[] labels = domain.toLowerCase(Locale.ROOT).split("\\.");
        var name = new StringBuilder();
        for (int i = 0; i < labels.length - 1; i++) {
            if (!(i == 0 && TOP_LEVEL_NOISE.contains(labels[i]))) {
                name.append(labels[i]);
            }
        }
        String compactDomain = compact(name.length() == 0 ? domain : name.toString());
        if (compactPart.length() < 3 || compactDomain.length() < 3) {
            return false;
        }
        return compactPart.equals(compactDomain)
                || compactDomain.contains(compactPart)
                || compactPart.contains(compactDomain);
    }

    private static boolean sharesWord(String part, String keyword) {
        if (keyword == null) {
            return false;
        }
        List<String> keywordWords = words(keyword);
        return words(part).stream().anyMatch(w -> w.length() >= 3 && keywordWords.contains(w));
    }

    private static List<String> words(String s) {
        var out = new ArrayList<String>();
        for (String w : s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    private static String compact(String s) {
        var out = new StringBuilder();
        s.toLowerCase(Locale.ROOT)
                .codePoints()
                .filter(Character::isLetterOrDigit)
                .forEach(out::appendCodePoint);
        return out.toString();
    }
}

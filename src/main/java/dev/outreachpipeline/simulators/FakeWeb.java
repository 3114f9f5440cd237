package dev.outreachpipeline.simulators;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A fixed pool of invented websites and the search results a (keyword, location) has among them.
 * Results are a pure function of the query, so a run can be repeated, and queries overlap (two
 * keywords of one topic, or one keyword in two countries, share sites), so de-duplication shows.
 * Every site lives under the reserved top-level domain {@code .example} (RFC 2606): it can never
 * be a real site or mailbox, is a valid host for our domain keys and a valid mail domain, and each
 * site is its own registrable domain (the public suffix list does not know {@code .example}).
 */
public final class FakeWeb {

    public static final String TLD = "example";

    static final String[] TOPICS = {
        "garden", "home", "decor", "kitchen", "travel", "craft", "family", "outdoor", "style", "wellness"
    };
    private static final String[] NOUNS = {"notes", "journal", "corner", "diary", "studio", "digest", "nook", "ledger"};
    static final int POOL_SIZE = TOPICS.length * NOUNS.length * 2;

    /** One organic result. */
    public record Result(int rank, String domain, String url, String title, String description) {}

    private FakeWeb() {}

    /** Site {@code i} of the pool (0 ≤ i < {@link #POOL_SIZE}), e.g. {@code garden-notes-17.example}. */
    public static String site(int i) {
        int index = Math.floorMod(i, POOL_SIZE);
        String topic = TOPICS[index % TOPICS.length];
        String noun = NOUNS[(index / TOPICS.length) % NOUNS.length];
        return topic + "-" + noun + "-" + (index + 1) + "." + TLD;
    }

    /**
     * The organic results of a query: between 10 and 20 (at most {@code depth}), ranked from 1, most of
     * them from the keyword's topic. About one result in seven carries {@code www.}, and a site may show
     * twice with different pages, as in a real SERP.
     */
    public static List<Result> search(String keyword, int locationCode, int depth) {
        String k = keyword.strip().toLowerCase(Locale.ROOT);
        var random = new Random(stableHash(k + "|" + locationCode));
        int wanted = Math.min(depth, 10 + random.nextInt(11));
        int topic = topicOf(k);
        var results = new ArrayList<Result>();
        var used = new LinkedHashSet<Integer>();
        while (results.size() < wanted) {
            int index;
            if (random.nextInt(10) < 7) {
                // a site of the keyword's topic: same topic index modulo TOPICS.length
                index = topic + TOPICS.length * random.nextInt(POOL_SIZE / TOPICS.length);
            } else {
                index = random.nextInt(POOL_SIZE);
            }
            boolean again = !used.add(index);
            if (again && random.nextInt(4) != 0) {
                continue;
            }
            String host = site(index);
            String shown = random.nextInt(7) == 0 ? "www." + host : host;
            String page = again ? "about" : slug(k);
            int rank = results.size() + 1;
            results.add(new Result(
                    rank,
                    shown,
                    "https://" + shown + "/" + page + "/",
                    title(host) + " | " + capitalised(k) + (again ? " — about us" : ""),
                    "Ideas and notes about " + k + " from " + title(host) + "."));
        }
        return results;
    }

    /** The topic a keyword belongs to: the first topic word it contains, else one chosen by its hash. */
    static int topicOf(String keyword) {
        for (int i = 0; i < TOPICS.length; i++) {
            if (keyword.contains(TOPICS[i])) {
                return i;
            }
        }
        return (int) Math.floorMod(stableHash(keyword), (long) TOPICS.length);
    }

    /** "garden-notes-17.example" → "Garden Notes 17". */
    static String title(String host) {
        String name = host.substring(0, host.indexOf('.'));
        var words = new ArrayList<String>();
        for (String w : name.split("-")) {
            words.add(capitalised(w));
        }
        return String.join(" ", words);
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String slug(String keyword) {
        String s = keyword.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "page" : s;
    }

    /** FNV-1a over UTF-8: the same on every JVM and run, unlike String.hashCode's spread. */
    static long stableHash(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}

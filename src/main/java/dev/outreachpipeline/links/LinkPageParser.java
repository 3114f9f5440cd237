package dev.outreachpipeline.links;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads a fetched page with jsoup: finds the {@code <a href>} that resolves (against the page's URL
 * or its {@code <base>}) to the target, by {@link TargetUrl}; records its anchor text and rel, the
 * robots meta tag's noindex, and a canonical link naming another page. When the page links to the
 * target more than once, a followed link counts before a nofollow one: the page passes on what its
 * best link passes on. Page text is hostile: the anchor is whitespace-normalised and cut to
 * {@link #MAX_ANCHOR} characters; it is shown escaped by whoever shows it.
 */
public final class LinkPageParser {

    static final int MAX_ANCHOR = 500;

    /** The rel values that keep a link from passing authority. */
    static final List<String> NOT_FOLLOWED = List.of("nofollow", "sponsored", "ugc");

    /**
     * @param html    the page as fetched (possibly cut at the size limit)
     * @param pageUrl the URL the page was finally fetched from (after redirects): relative links resolve against it
     * @param target  the URL the link must point at
     */
    public PageFindings parse(String html, String pageUrl, String target) {
        return parse(Jsoup.parse(html, pageUrl), pageUrl, target);
    }

    /** @param doc the page, parsed with {@code pageUrl} as its base URI */
    public PageFindings parse(Document doc, String pageUrl, String target) {
        Element best = null;
        List<String> bestRel = List.of();
        for (Element a : doc.select("a[href]")) {
            if (!TargetUrl.matches(a.absUrl("href"), target)) {
                continue;
            }
            List<String> rel = notFollowed(a.attr("rel"));
            if (best == null || (!bestRel.isEmpty() && rel.isEmpty())) {
                best = a;
                bestRel = rel;
            }
        }
        return new PageFindings(
                best != null,
                best == null ? null : anchor(best),
                bestRel,
                noindexMeta(doc),
                canonicalElsewhere(doc, pageUrl).orElse(null));
    }

    /** Whether an X-Robots-Tag header value says noindex (for every robot or without naming one). */
    public static boolean noindexHeader(List<String> values) {
        // "googlebot: noindex" names one robot; the directive still keeps the page out of the index that matters
        return values.stream().anyMatch(LinkPageParser::saysNoindex);
    }

    private static List<String> notFollowed(String rel) {
        var out = new ArrayList<String>();
        for (String token : rel.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (NOT_FOLLOWED.contains(token) && !out.contains(token)) {
                out.add(token);
            }
        }
        out.sort((x, y) -> NOT_FOLLOWED.indexOf(x) - NOT_FOLLOWED.indexOf(y));
        return out;
    }

    private static String anchor(Element a) {
        String text = a.text().strip();
        if (text.isEmpty()) {
            // an image link: its alt text is its anchor
            Element img = a.selectFirst("img[alt]");
            text = img == null ? "" : img.attr("alt").strip();
        }
        text = text.replaceAll("\\p{Cntrl}", "");
        return text.length() > MAX_ANCHOR ? text.substring(0, MAX_ANCHOR) : text;
    }

    private static boolean noindexMeta(Document doc) {
        for (Element meta : doc.select("meta[name][content]")) {
            String name = meta.attr("name").toLowerCase(Locale.ROOT);
            if (name.equals("robots") || name.equals("googlebot")) {
                if (saysNoindex(meta.attr("content"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Robots directives are tokens ("noindex, nofollow"); "none" means noindex and nofollow. */
    private static boolean saysNoindex(String directives) {
        for (String token : directives.toLowerCase(Locale.ROOT).split("[\\s,:]+")) {
            if (token.equals("noindex") || token.equals("none")) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> canonicalElsewhere(Document doc, String pageUrl) {
        Element link = doc.selectFirst("link[rel~=(?i)^canonical$][href]");
        if (link == null) {
            return Optional.empty();
        }
        String canonical = link.absUrl("href");
        if (canonical.isEmpty() || TargetUrl.matches(canonical, pageUrl)) {
            return Optional.empty();
        }
        return Optional.of(canonical);
    }
}

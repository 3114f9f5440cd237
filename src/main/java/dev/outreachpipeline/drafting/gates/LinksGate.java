package dev.outreachpipeline.drafting.gates;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import org.nibor.autolink.LinkExtractor;
import org.nibor.autolink.LinkSpan;
import org.nibor.autolink.LinkType;

/**
 * No URL but the ones a pitch needs: a draft that names some other site looks like link spam and
 * may carry a link nobody chose (a template's leftover, a value from a scraped page).
 *
 * <p>What counts as a URL is what autolink finds: text starting with a scheme and {@code ://}
 * (https://…, ftp://…) and text starting with {@code www.}; a bare domain ("example.com") and an
 * email address do not count. A URL is allowed when it is
 * <ul>
 *   <li>the prospect's page: the same host (with or without {@code www.}) and path, whatever its
 *       query string (tracking parameters may have been removed from it);
 *   <li>on the campaign's target site: the same host, any path;
 *   <li>under the unsubscribe links' base (outreach.http.public-base-url), which the sender adds.
 * </ul>
 */
final class LinksGate implements DraftGate {

    private static final LinkExtractor LINKS = LinkExtractor.builder()
            .linkTypes(EnumSet.of(LinkType.URL, LinkType.WWW))
            .build();

    private final String unsubscribeBase;

    /** @param unsubscribeBaseUrl outreach.http.public-base-url; null or blank allows none */
    LinksGate(String unsubscribeBaseUrl) {
        this.unsubscribeBase = unsubscribeBaseUrl == null || unsubscribeBaseUrl.isBlank()
                ? null
                : stripTrailingSlash(unsubscribeBaseUrl.strip()).toLowerCase(Locale.ROOT);
    }

    @Override
    public String name() {
        return "links";
    }

    @Override
    public Optional<String> check(DraftUnderReview draft) {
        for (DraftUnderReview.Part part : draft.parts()) {
            for (LinkSpan span : LINKS.extractLinks(part.text())) {
                String url = part.text().substring(span.getBeginIndex(), span.getEndIndex());
                if (!allowed(url, draft)) {
                    return Optional.of("the " + part.name() + " links to " + url
                            + "; a draft may link only to the prospect's page, the campaign's target site"
                            + " and the unsubscribe address");
                }
            }
        }
        return Optional.empty();
    }

    private boolean allowed(String url, DraftUnderReview draft) {
        String absolute = url.regionMatches(true, 0, "www.", 0, 4) ? "http://" + url : url;
        if (unsubscribeBase != null) {
            String lower = absolute.toLowerCase(Locale.ROOT);
            if (lower.equals(unsubscribeBase) || lower.startsWith(unsubscribeBase + "/")) {
                return true;
            }
        }
        Optional<URI> link = parse(absolute);
        if (link.isEmpty()) {
            return false;
        }
        Optional<URI> site = parse(draft.targetSite());
        if (site.isPresent() && sameHost(link.get(), site.get())) {
            return true;
        }
        Optional<URI> page = parse(draft.pageUrl());
        return page.isPresent()
                && sameHost(link.get(), page.get())
                && path(link.get()).equals(path(page.get()));
    }

    private static Optional<URI> parse(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url.strip().replace("&amp;", "&"));
            return uri.getHost() == null ? Optional.empty() : Optional.of(uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static boolean sameHost(URI a, URI b) {
        return host(a).equals(host(b));
    }

    private static String host(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    private static String path(URI uri) {
        String path = uri.getPath() == null ? "" : stripTrailingSlash(uri.getPath());
        return path.isEmpty() ? "/" : path;
    }

    private static String stripTrailingSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}

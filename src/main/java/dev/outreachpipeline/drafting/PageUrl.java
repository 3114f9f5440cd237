package dev.outreachpipeline.drafting;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Set;

/**
 * A page's URL as a pitch quotes it: without the tracking parameters that analytics and ad
 * platforms append (utm_*, gclid, fbclid, …), which say nothing to the reader and tell the site
 * where we came from. Every other parameter stays, in its order and with its encoding; so does the
 * fragment. {@code ref} stays: on many sites it is a real parameter (a branch, a product), and
 * removing it could change the page. A URL that java.net.URI cannot parse, or that is not http(s),
 * is left as it is.
 */
public final class PageUrl {

    /** Parameter names removed, compared without case; every name starting with {@code utm_} too. */
    public static final Set<String> TRACKING = Set.of(
            "gclid",
            "gclsrc",
            "dclid",
            "gbraid",
            "wbraid",
            "fbclid",
            "msclkid",
            "mc_cid",
            "mc_eid",
            "_hsenc",
            "_hsmi",
            "yclid",
            "igshid",
            "twclid",
            "ttclid",
            "li_fat_id",
            "mkt_tok",
            "_ga",
            "_gl",
            "srsltid");

    private PageUrl() {}

    /** The URL without tracking parameters, on one line; null when blank. */
    public static String withoutTracking(String url) {
        String line = DraftContext.oneLine(url);
        if (line == null) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(line);
        } catch (URISyntaxException e) {
            return line;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.isOpaque() || !(scheme.equals("http") || scheme.equals("https")) || uri.getRawAuthority() == null) {
            return line;
        }
        String query = uri.getRawQuery();
        if (query == null) {
            return line;
        }
        var kept = new ArrayList<String>();
        for (String pair : query.split("&", -1)) {
            if (!pair.isEmpty() && !isTracking(pair)) {
                kept.add(pair);
            }
        }
        var out = new StringBuilder()
                .append(uri.getScheme())
                .append("://")
                .append(uri.getRawAuthority())
                .append(uri.getRawPath() == null ? "" : uri.getRawPath());
        if (!kept.isEmpty()) {
            out.append('?').append(String.join("&", kept));
        }
        if (uri.getRawFragment() != null) {
            out.append('#').append(uri.getRawFragment());
        }
        return out.toString();
    }

    private static boolean isTracking(String pair) {
        int eq = pair.indexOf('=');
        String name = (eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
        return name.startsWith("utm_") || TRACKING.contains(name);
    }
}

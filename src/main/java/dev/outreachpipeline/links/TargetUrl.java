package dev.outreachpipeline.links;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * A link's target as the checker compares it: scheme, a leading {@code www.}, a default port, a
 * trailing slash and a fragment make no difference (http://www.example.com/ and
 * https://example.com are one target); host case does not either, the path's does. The target's
 * own redirects are not followed: a link to an old address that redirects to the site is not the
 * link that was agreed.
 */
public final class TargetUrl {

    private TargetUrl() {}

    /** The comparable form of an absolute http(s) URL, or empty when it is none. */
    public static Optional<String> key(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            URI u = new URI(url.strip());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null) {
                return Optional.empty();
            }
            String host = hostKey(u.getHost());
            boolean defaultPort = u.getPort() == -1 || u.getPort() == 80 || u.getPort() == 443;
            String path = u.getRawPath() == null ? "" : u.getRawPath();
            while (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            String query = u.getRawQuery() == null ? "" : "?" + u.getRawQuery();
            return Optional.of(host + (defaultPort ? "" : ":" + u.getPort()) + path + query);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code href} (absolute) points at {@code target}, by {@link #key}. */
    public static boolean matches(String href, String target) {
        Optional<String> a = key(href);
        return a.isPresent() && a.equals(key(target));
    }

    /** A host as compared: lower case, without a leading {@code www.}. */
    public static String hostKey(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.startsWith("www.") ? h.substring(4) : h;
    }

    /** The host of an absolute http(s) URL, or empty. */
    public static Optional<String> host(String url) {
        try {
            URI u = new URI(url.strip());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null) {
                return Optional.of(u.getHost().toLowerCase(Locale.ROOT));
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}

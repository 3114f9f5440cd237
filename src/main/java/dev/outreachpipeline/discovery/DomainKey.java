package dev.outreachpipeline.discovery;

import com.google.common.net.InetAddresses;
import com.google.common.net.InternetDomainName;
import java.net.IDN;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The de-duplication key of a result URL: the site a prospect is, whatever page of it the SERP showed.
 * The key follows the rule the database applies to stored domains (lower-case, one leading {@code www.}
 * removed; see sql/duplicate-domain-prospects.sql), so a key found here collides with a stored
 * prospect exactly when the unique domain index would.
 */
public final class DomainKey {

    private DomainKey() {}

    /**
     * The key of {@code url}, or empty when the URL names no site we could write to: null or blank, not
     * http(s) (ftp:, mailto:, javascript:, relative or scheme-relative URLs), unparsable, or with an IP
     * literal or single-label host.
     */
    public static Optional<String> of(String url, DedupeMode mode) {
        Objects.requireNonNull(mode, "mode");
        return host(url).map(DomainKey::normalise).map(h -> mode == DedupeMode.REGISTRABLE_DOMAIN ? registrable(h) : h);
    }

    /**
     * The URL's host as the name of a site: lower-case, in punycode (so {@code bücher.de} and
     * {@code xn--bcher-kva.de} are one site), without user info, port or trailing dot; {@code www.} kept.
     * This is what to store as a prospect's domain; {@link #of} with {@link DedupeMode#HOST} is its normalised form.
     */
    public static Optional<String> host(String url) {
        if (url == null) {
            return Optional.empty();
        }
        String s = url.strip();
        int sep = s.indexOf("://");
        if (sep <= 0) {
            return Optional.empty();
        }
        String scheme = s.substring(0, sep).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.empty();
        }
        int start = sep + 3;
        int end = start;
        // Browsers end the authority at a backslash too; doing the same keeps "\\" out of host names.
        while (end < s.length() && "/?#\\".indexOf(s.charAt(end)) < 0) {
            end++;
        }
        return hostOfAuthority(s.substring(start, end));
    }

    /**
     * The database's rule for a stored domain: lower-case, exactly one leading {@code www.} removed
     * ({@code www.www.x.com} becomes {@code www.x.com}, as {@code regexp_replace(lower(domain), '^www\.', '')} does).
     */
    public static String normalise(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.startsWith("www.") ? lower.substring(4) : lower;
    }

    private static Optional<String> hostOfAuthority(String authority) {
        String host = authority.substring(authority.lastIndexOf('@') + 1);
        if (host.startsWith("[")) {
            // IPv6 literal: an address is no site to contact, and never the same prospect as a domain.
            return Optional.empty();
        }
        int colon = host.lastIndexOf(':');
        if (colon >= 0) {
            String port = host.substring(colon + 1);
            if (!port.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Optional.empty();
            }
            host = host.substring(0, colon);
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.isEmpty()) {
            return Optional.empty();
        }
        String ascii;
        try {
            ascii = IDN.toASCII(host).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        // IP literals (192.0.2.1) are rejected on purpose: an address is not a site we can find contacts for,
        // and it would not de-duplicate against the domain it serves. Single-label hosts (localhost,
        // intranet) are no public site either. InternetDomainName also rejects spaces, '%' and other junk.
        if (InetAddresses.isInetAddress(ascii) || ascii.indexOf('.') < 0 || !InternetDomainName.isValid(ascii)) {
            return Optional.empty();
        }
        return Optional.of(ascii);
    }

    /**
     * The registrable domain by the public suffix list (including its private section, so each
     * {@code *.blogspot.com} or {@code *.github.io} site stays its own prospect). A host that is itself a
     * public suffix, or is under none, has no registrable part and stands for itself.
     */
    private static String registrable(String host) {
        InternetDomainName name = InternetDomainName.from(host);
        return name.isUnderPublicSuffix() ? name.topPrivateDomain().toString() : host;
    }
}

package dev.outreachpipeline.enrichment;

import java.util.List;

/**
 * The {@code data} of a Hunter domain search: what Hunter knows about the domain's mail, and the
 * addresses it found, in Hunter's order (which is no ranking of ours).
 *
 * @param disposable true when the domain hands out throw-away addresses
 * @param webmail    true when the domain is a mail provider (gmail.com): its addresses are its users'
 * @param acceptAll  true when the domain's server accepts any address, so no address can be verified
 * @param pattern    the local-part pattern Hunter inferred ({@code {first}.{last}}), or null
 */
public record DomainSearch(
        String domain,
        boolean disposable,
        boolean webmail,
        boolean acceptAll,
        String pattern,
        String organization,
        List<HunterEmail> emails) {

    public DomainSearch {
        emails = List.copyOf(emails);
    }
}

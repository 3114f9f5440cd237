package dev.outreachpipeline.enrichment;

import com.google.common.net.InternetDomainName;
import dev.outreachpipeline.discovery.DomainKey;
import java.net.IDN;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Picks the address to write to from a domain search. Hunter lists addresses in no order useful to us,
 * and some of them are unusable, so every address is first judged on its own, then the usable ones
 * are ranked:
 * <ol>
 * <li>a person whose position or department names a target role;</li>
 * <li>any other person Hunter is at least {@code minConfidence} sure of;</li>
 * <li>a role mailbox (Hunter's type generic, or a local part in {@code genericLocalParts}), when allowed.</li>
 * </ol>
 * Within a tier: higher confidence first, then verified valid, then the address alphabetically, so that
 * the same answer always gives the same choice. A person below {@code minConfidence} is never used (a
 * guessed address of the right person bounces as well as any other); role mailboxes are used whatever
 * their confidence, as Hunter is often unsure of mailboxes that nonetheless exist.
 * <p>
 * Never used: addresses verified invalid; every address of a domain Hunter calls disposable or webmail
 * (when the rules say so); malformed values (no single '@', whitespace or control characters such as
 * CR/LF, which could split a mail header); mailboxes nobody reads ({@link #UNREAD_LOCAL_PARTS}); and
 * addresses not on the prospect's site. An address is on the site when its domain, compared without
 * case, is the prospect's domain, a subdomain of it ({@code mail.gardenblog.com}), or a parent of it that
 * is a registrable domain (prospect {@code blog.example.co.uk}, address at {@code example.co.uk}); a
 * parent that is a public suffix ({@code blogspot.com} for {@code x.blogspot.com}) or a sibling
 * ({@code shop.example.com} for {@code blog.example.com}) is another site.
 */
public final class ContactChooser {

    /** Mailboxes nobody reads, or that exist for complaints: never a contact, whatever the rules. */
    static final Set<String> UNREAD_LOCAL_PARTS = Set.of(
            "noreply",
            "no-reply",
            "donotreply",
            "do-not-reply",
            "mailer-daemon",
            "postmaster",
            "hostmaster",
            "abuse",
            "unsubscribe",
            "bounce",
            "bounces");

    private static final Comparator<Candidate> BEST_FIRST = Comparator.comparingInt(Candidate::tier)
            .thenComparing(Comparator.comparingInt((Candidate c) -> c.email().confidence())
                    .reversed())
            .thenComparing(c -> !"valid".equalsIgnoreCase(c.email().verificationStatus()))
            .thenComparing(c -> c.email().value().toLowerCase(Locale.ROOT))
            .thenComparing(c -> c.email().value());

    /** Why an address was not used, in the order the checks run. */
    private enum Drop {
        MALFORMED,
        INVALID,
        OTHER_DOMAIN,
        UNREAD,
        GENERIC_NOT_ALLOWED,
        LOW_CONFIDENCE
    }

    /** One address judged: exactly one of candidate and drop is set. */
    private record Judged(Candidate candidate, Drop drop) {}

    /** The usable addresses, best first; empty when there is none (see {@link #whyNone}). */
    public List<Candidate> rank(DomainSearch data, String prospectDomain, ContactRules rules) {
        if (domainRuledOut(data, rules)) {
            return List.of();
        }
        String site = site(prospectDomain);
        var candidates = new ArrayList<Candidate>();
        for (HunterEmail e : data.emails()) {
            Judged j = judge(e, site, rules);
            if (j.candidate() != null) {
                candidates.add(j.candidate());
            }
        }
        candidates.sort(BEST_FIRST);
        // Hunter may list one address twice (in different case); keep its best reading.
        var seen = new HashSet<String>();
        candidates.removeIf(c -> !seen.add(c.email().value().toLowerCase(Locale.ROOT)));
        return List.copyOf(candidates);
    }

    /** The best usable address, if any. */
    public Optional<Candidate> choose(DomainSearch data, String prospectDomain, ContactRules rules) {
        return rank(data, prospectDomain, rules).stream().findFirst();
    }

    /**
     * Why {@link #rank} found nothing, as a sentence for the operator: nothing found, the domain ruled
     * out, or how many addresses were dropped for which reason. When there is a usable address it says
     * how many there are.
     */
    public String whyNone(DomainSearch data, String prospectDomain, ContactRules rules) {
        String domain = data.domain() != null ? data.domain() : prospectDomain;
        int found = data.emails().size();
        if (found == 0) {
            return "Hunter found no address for " + domain + ".";
        }
        if (data.disposable() && rules.dropDisposable()) {
            return "Hunter says " + domain + " hands out disposable addresses, so none of its " + addresses(found)
                    + " is used.";
        }
        if (data.webmail() && rules.dropWebmail()) {
            return "Hunter says " + domain + " is a webmail provider, so its " + addresses(found)
                    + " belong to the provider's users, not to the site.";
        }
        String site = site(prospectDomain);
        var drops = new EnumMap<Drop, Integer>(Drop.class);
        int usable = 0;
        for (HunterEmail e : data.emails()) {
            Judged j = judge(e, site, rules);
            if (j.candidate() != null) {
                usable++;
            } else {
                drops.merge(j.drop(), 1, Integer::sum);
            }
        }
        if (usable > 0) {
            return "Hunter found " + addresses(usable) + " usable for " + domain + ".";
        }
        if (drops.keySet().equals(Set.of(Drop.LOW_CONFIDENCE))) {
            return "Hunter found only personal addresses below confidence " + rules.minConfidence() + " for " + domain
                    + " (" + found + ").";
        }
        if (Set.of(Drop.INVALID, Drop.OTHER_DOMAIN).containsAll(drops.keySet())) {
            return "Every address Hunter found for " + domain + " was verified invalid or on another domain ("
                    + details(drops, rules) + ").";
        }
        return "None of the " + addresses(found) + " Hunter found for " + domain + " is usable: "
                + details(drops, rules) + ".";
    }

    private static boolean domainRuledOut(DomainSearch data, ContactRules rules) {
        return (data.disposable() && rules.dropDisposable()) || (data.webmail() && rules.dropWebmail());
    }

    private static Judged judge(HunterEmail e, String site, ContactRules rules) {
        String value = e.value();
        int at = value == null ? -1 : value.indexOf('@');
        if (at <= 0
                || at != value.lastIndexOf('@')
                || at == value.length() - 1
                || value.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            return dropped(Drop.MALFORMED);
        }
        if ("invalid".equalsIgnoreCase(e.verificationStatus())) {
            return dropped(Drop.INVALID);
        }
        Optional<String> domain = asciiDomain(value.substring(at + 1));
        if (domain.isEmpty()) {
            return dropped(Drop.MALFORMED);
        }
        if (!onSite(domain.get(), site)) {
            return dropped(Drop.OTHER_DOMAIN);
        }
        String local = value.substring(0, at).toLowerCase(Locale.ROOT);
        if (UNREAD_LOCAL_PARTS.contains(local)) {
            return dropped(Drop.UNREAD);
        }
        if ("generic".equalsIgnoreCase(e.type()) || rules.genericLocalParts().contains(local)) {
            if (!rules.allowGeneric()) {
                return dropped(Drop.GENERIC_NOT_ALLOWED);
            }
            return kept(new Candidate(
                    e, Candidate.GENERIC, "generic address " + value + ", " + quality(e), Candidate.ROLE_MAILBOX));
        }
        if (e.confidence() < rules.minConfidence()) {
            return dropped(Drop.LOW_CONFIDENCE);
        }
        Optional<RoleMatch> role = RoleMatch.find(e, rules.targetRoles());
        if (role.isPresent()) {
            return kept(new Candidate(
                    e,
                    Candidate.PERSONAL,
                    "personal address in the target role '" + role.get().role() + "' ("
                            + role.get().where() + "), " + quality(e),
                    Candidate.TARGET_ROLE));
        }
        return kept(new Candidate(
                e,
                Candidate.PERSONAL,
                "personal address in no target role (" + describedJob(e) + "), " + quality(e),
                Candidate.OTHER_PERSON));
    }

    private static Judged kept(Candidate c) {
        return new Judged(c, null);
    }

    private static Judged dropped(Drop d) {
        return new Judged(null, d);
    }

    /** The prospect's domain as stored (lower-case, no leading www.), in punycode like the addresses' domains. */
    private static String site(String prospectDomain) {
        Objects.requireNonNull(prospectDomain, "prospectDomain");
        String d = DomainKey.normalise(prospectDomain.strip());
        d = d.endsWith(".") ? d.substring(0, d.length() - 1) : d;
        try {
            return IDN.toASCII(d).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return d;
        }
    }

    private static Optional<String> asciiDomain(String domain) {
        String d = domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
        try {
            String ascii = IDN.toASCII(d).toLowerCase(Locale.ROOT);
            return InternetDomainName.isValid(ascii) && ascii.indexOf('.') > 0 ? Optional.of(ascii) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean onSite(String domain, String site) {
        if (domain.equals(site) || domain.endsWith("." + site)) {
            return true;
        }
        // A parent of the prospect's host is the same site only while it is a registrable domain, not a
        // public suffix that many unrelated sites share (co.uk, blogspot.com).
        return site.endsWith("." + domain) && InternetDomainName.from(domain).isUnderPublicSuffix();
    }

    private static String quality(HunterEmail e) {
        String status = e.verificationStatus();
        String verification;
        if (status == null || status.isBlank()) {
            verification = "not verified";
        } else if (status.equalsIgnoreCase("valid")) {
            verification = "verified valid";
        } else if (status.equalsIgnoreCase("accept_all")) {
            verification = "verification accept_all (the server accepts any address)";
        } else {
            verification = "verification " + status;
        }
        return "confidence " + e.confidence() + ", " + verification;
    }

    private static String describedJob(HunterEmail e) {
        if (e.position() != null && !e.position().isBlank()) {
            return "position '" + e.position().strip() + "'";
        }
        if (e.department() != null && !e.department().isBlank()) {
            return "department '" + e.department().strip() + "'";
        }
        return "no position given";
    }

    private static String details(Map<Drop, Integer> drops, ContactRules rules) {
        var parts = new ArrayList<String>();
        drops.forEach((drop, n) -> parts.add(
                switch (drop) {
                    case MALFORMED -> n + " malformed";
                    case INVALID -> n + " verified invalid";
                    case OTHER_DOMAIN -> n + " on another domain";
                    case UNREAD -> n + " no-reply or abuse mailbox" + (n == 1 ? "" : "es");
                    case GENERIC_NOT_ALLOWED -> n + " generic (generic addresses are not allowed)";
                    case LOW_CONFIDENCE -> n + " personal below confidence " + rules.minConfidence();
                }));
        return String.join(", ", parts);
    }

    private static String addresses(int n) {
        return n == 1 ? "1 address" : n + " addresses";
    }
}

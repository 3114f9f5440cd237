package dev.outreachpipeline.enrichment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Which of Hunter's addresses {@link ContactChooser} may pick, and which it prefers. Words and local
 * parts are kept lower-case and stripped; blanks are dropped.
 *
 * @param targetRoles       the people we want to write to: a role matches when it appears as a whole word
 *                          (or words) in an address's position or department, ignoring case and a plural
 *                          "s" ("editor" matches "Senior Editor" and "Editors", not "Editorial")
 * @param minConfidence     personal addresses below this Hunter confidence (0–100) are not used
 * @param allowGeneric      whether a role mailbox (info@, hello@) may be the contact when no person qualifies
 * @param dropDisposable    use nothing from a domain Hunter calls disposable
 * @param dropWebmail       use nothing from a domain Hunter calls webmail: its addresses are the provider's
 *                          users, not the site's people
 * @param genericLocalParts local parts that make an address generic even when Hunter typed it personal:
 *                          a mailbox named after a function is read by whoever has that job today
 */
public record ContactRules(
        List<String> targetRoles,
        int minConfidence,
        boolean allowGeneric,
        boolean dropDisposable,
        boolean dropWebmail,
        Set<String> genericLocalParts) {

    /** The people a link request is for: those who decide what a site publishes or who it works with. */
    public static final List<String> DEFAULT_TARGET_ROLES =
            List.of("editor", "editorial", "content", "marketing", "outreach", "partnerships", "founder", "owner");

    public static final int DEFAULT_MIN_CONFIDENCE = 50;

    /**
     * Mailboxes named after a function rather than a person. Listed: the ones a site's visitors and
     * partners are told to write to (info, hello, contact, editor, press, partnerships …) and the ones for
     * a department (support, sales, marketing …), so that neither passes for a person. Addresses nobody
     * reads (noreply, postmaster, abuse) are not listed here: {@link ContactChooser} never uses them.
     */
    public static final Set<String> DEFAULT_GENERIC_LOCAL_PARTS = Set.of(
            "info",
            "hello",
            "hi",
            "contact",
            "contactus",
            "enquiries",
            "inquiries",
            "mail",
            "office",
            "team",
            "admin",
            "webmaster",
            "editor",
            "editors",
            "editorial",
            "news",
            "press",
            "media",
            "pr",
            "partnerships",
            "partners",
            "advertising",
            "ads",
            "sponsorship",
            "sponsorships",
            "marketing",
            "sales",
            "support",
            "help",
            "hr",
            "jobs",
            "careers",
            "billing",
            "orders");

    public ContactRules {
        targetRoles = List.copyOf(normalised(Objects.requireNonNull(targetRoles, "targetRoles")));
        genericLocalParts = Set.copyOf(normalised(Objects.requireNonNull(genericLocalParts, "genericLocalParts")));
        if (minConfidence < 0 || minConfidence > 100) {
            throw new IllegalArgumentException("minConfidence must be between 0 and 100, not " + minConfidence);
        }
    }

    public static ContactRules defaults() {
        return new ContactRules(
                DEFAULT_TARGET_ROLES, DEFAULT_MIN_CONFIDENCE, true, true, true, DEFAULT_GENERIC_LOCAL_PARTS);
    }

    private static List<String> normalised(Iterable<String> words) {
        var set = new LinkedHashSet<String>();
        for (String w : words) {
            if (w != null && !w.isBlank()) {
                set.add(w.strip().toLowerCase(Locale.ROOT));
            }
        }
        return new ArrayList<>(set);
    }
}

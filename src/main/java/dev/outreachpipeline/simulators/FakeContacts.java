package dev.outreachpipeline.simulators;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Who Hunter "finds" at a domain, and what its verifier says about an address: pure functions of
 * the domain or address, so every run tells the same story. Of the domains, about six in ten have
 * a person with a target role (editor, head of content, founder …) beside a role address, two in
 * ten only role addresses (info@, hello@), two in ten nothing. Of the addresses, seven in ten verify
 * valid, two accept_all, one unknown.
 */
public final class FakeContacts {

    public enum Kind {
        PERSON,
        ROLE_ONLY,
        NONE
    }

    /** One address as Hunter lists it; {@code first}, {@code last}, {@code position} null for a role address. */
    public record Contact(
            String email,
            String type,
            int confidence,
            String first,
            String last,
            String position,
            String seniority,
            String department,
            String verification) {}

    private static final String[] FIRST = {
        "Ada", "Ben", "Clara", "Dev", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jon"
    };
    private static final String[] LAST = {"Moreau", "Okafor", "Lindqvist", "Patel", "Reyes", "Sato", "Walsh", "Novak"};
    private static final String[][] ROLES = {
        {"Editor", "senior", "communication"},
        {"Head of Content", "executive", "marketing"},
        {"Founder", "executive", "executive"},
        {"Marketing Manager", "senior", "marketing"},
        {"Partnerships Lead", "senior", "sales"}
    };

    private FakeContacts() {}

    public static Kind kind(String domain) {
        int d = (int) Math.floorMod(FakeWeb.stableHash("contacts|" + normalised(domain)), 10L);
        return d < 6 ? Kind.PERSON : d < 8 ? Kind.ROLE_ONLY : Kind.NONE;
    }

    /** Whether the domain's mail server accepts every address (role-only domains, sometimes). */
    public static boolean acceptAll(String domain) {
        return kind(domain) == Kind.ROLE_ONLY
                && Math.floorMod(FakeWeb.stableHash("acceptall|" + normalised(domain)), 2L) == 0;
    }

    public static List<Contact> at(String domain) {
        String d = normalised(domain);
        var random = new Random(FakeWeb.stableHash("people|" + d));
        var contacts = new ArrayList<Contact>();
        Kind kind = kind(d);
        if (kind == Kind.NONE) {
            return contacts;
        }
        if (kind == Kind.PERSON) {
            String first = FIRST[random.nextInt(FIRST.length)];
            String last = LAST[random.nextInt(LAST.length)];
            String[] role = ROLES[random.nextInt(ROLES.length)];
            contacts.add(new Contact(
                    first.toLowerCase(Locale.ROOT) + "." + last.toLowerCase(Locale.ROOT) + "@" + d,
                    "personal",
                    70 + random.nextInt(29),
                    first,
                    last,
                    role[0],
                    role[1],
                    role[2],
                    "valid"));
        }
        String accept = acceptAll(d) ? "accept_all" : "valid";
        contacts.add(
                new Contact("info@" + d, "generic", 60 + random.nextInt(35), null, null, null, null, null, accept));
        if (kind == Kind.ROLE_ONLY) {
            contacts.add(
                    new Contact("hello@" + d, "generic", 50 + random.nextInt(30), null, null, null, null, null, null));
        }
        return contacts;
    }

    /** The verifier's status of an address: valid, accept_all or unknown. */
    public static String verification(String email) {
        int v = (int) Math.floorMod(FakeWeb.stableHash("verify|" + email.strip().toLowerCase(Locale.ROOT)), 10L);
        return v < 7 ? "valid" : v < 9 ? "accept_all" : "unknown";
    }

    private static String normalised(String domain) {
        String d = domain.strip().toLowerCase(Locale.ROOT);
        return d.startsWith("www.") ? d.substring(4) : d;
    }
}

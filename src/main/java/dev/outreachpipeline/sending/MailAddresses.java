package dev.outreachpipeline.sending;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one kind of address this program writes to or from: a bare {@code local@domain.tld}, exactly
 * as a person would type it. Everything RFC 5322 allows beyond that (display names, groups, comments,
 * quoted local parts, address literals, several addresses) is refused, because in a To or From built
 * from a prospect's data it can only be a mistake or an injection attempt.
 */
public final class MailAddresses {

    private static final Pattern DOT_ATOM =
            Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern DOMAIN =
            Pattern.compile("(?i)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private static final String BARE =
            "must be one bare address such as name@example.com, without a display name, group, comment or list";

    private MailAddresses() {}

    /** Empty when the address is fine; otherwise what is wrong with it, as the end of a sentence. */
    static Optional<String> problem(String address) {
        if (address == null || address.isEmpty()) {
            return Optional.of("is empty");
        }
        if (HeaderText.hasControl(address)) {
            return Optional.of("contains a line break or control character");
        }
        if (address.chars().anyMatch(c -> c == '<' || c == '>' || c == '(' || c == ')' || c == ',' || c == ';')) {
            return Optional.of(BARE);
        }
        if (address.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c))) {
            return Optional.of("contains a space");
        }
        if (address.length() > 254) {
            return Optional.of("is longer than 254 characters");
        }
        InternetAddress parsed;
        try {
            // strict: exactly one address, RFC 822 syntax; throws on a list or a bad character
            parsed = new InternetAddress(address, true);
            parsed.validate();
        } catch (AddressException e) {
            return Optional.of("is not an address (" + e.getMessage() + ")");
        }
        if (parsed.isGroup() || parsed.getPersonal() != null || !address.equals(parsed.getAddress())) {
            return Optional.of(BARE);
        }
        int at = address.lastIndexOf('@');
        if (at <= 0) {
            return Optional.of("has no domain");
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        if (local.length() > 64 || !DOT_ATOM.matcher(local).matches()) {
            return Optional.of("has a local part (before the @) that is quoted, too long or has unusual characters");
        }
        if (!DOMAIN.matcher(domain).matches()) {
            return Optional.of("needs a domain name with a dot, such as example.com");
        }
        return Optional.empty();
    }

    /**
     * The check of a setting that holds one address (outreach.mail.from): empty means not set, which
     * is for the sending stage to report; anything else must be a bare address.
     */
    public static Optional<String> checkSetting(String value) {
        return value.isEmpty() ? Optional.empty() : problem(value).map(p -> HeaderText.quoted(value) + " " + p);
    }

    /**
     * The check of outreach.unsubscribe.mailto: empty (derived from the From address), a bare address,
     * or a whole mailto: URI whose address is one.
     */
    public static Optional<String> checkMailto(String value) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.chars().anyMatch(c -> c == '<' || c == '>' || c == '"' || Character.isWhitespace(c))) {
            return Optional.of(HeaderText.quoted(value) + " contains a space, a quote or an angle bracket");
        }
        return problem(mailtoAddress(value)).map(p -> HeaderText.quoted(value) + " " + p);
    }

    /** The address of a mailto: URI (without "mailto:" and any ?query), or the value itself. */
    static String mailtoAddress(String value) {
        String v = value.regionMatches(true, 0, "mailto:", 0, 7) ? value.substring(7) : value;
        int query = v.indexOf('?');
        return query < 0 ? v : v.substring(0, query);
    }

    /** The part after the last @ of an address that passed {@link #problem}. */
    static String domain(String address) {
        return address.substring(address.lastIndexOf('@') + 1);
    }
}

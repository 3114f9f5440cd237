package dev.outreachpipeline.sending;

import dev.outreachpipeline.config.Masking;
import dev.outreachpipeline.config.OutreachConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The sending part of the configuration: the SMTP server, the sender, and what every message must
 * carry (postal address, unsubscribe link and address). {@link #toString()} never shows the password or
 * the unsubscribe secret.
 *
 * @param fromName            the From display name: outreach.mail.from-name, or outreach.sender.name when that is empty
 * @param unsubscribeAddress  outreach.unsubscribe.mailto as configured (empty: derived from the From domain)
 */
public record SmtpSettings(
        String host,
        int port,
        String username,
        String password,
        Security security,
        Duration timeout,
        String from,
        String fromName,
        String postalAddress,
        String unsubscribeSecret,
        String publicBaseUrl,
        String unsubscribeAddress) {

    /** How the connection to the SMTP server is protected. */
    public enum Security {
        /** Plain connection upgraded with STARTTLS, which must succeed (port 587). */
        STARTTLS,
        /** TLS from the first byte (port 465). */
        TLS,
        /** No encryption: only for a local test server. */
        NONE
    }

    public static SmtpSettings from(OutreachConfig c) {
        String fromName = c.get("outreach.mail.from-name");
        return new SmtpSettings(
                c.get("outreach.smtp.host"),
                c.getInt("outreach.smtp.port"),
                c.get("outreach.smtp.username"),
                c.get("outreach.smtp.password"),
                Security.valueOf(c.get("outreach.smtp.security").toUpperCase(Locale.ROOT)),
                Duration.ofSeconds(c.getInt("outreach.smtp.timeout-seconds")),
                c.get("outreach.mail.from"),
                fromName.isBlank() ? c.get("outreach.sender.name") : fromName,
                c.get("outreach.mail.postal-address"),
                c.get("outreach.unsubscribe.secret"),
                c.get("outreach.http.public-base-url").replaceAll("/+$", ""),
                c.get("outreach.unsubscribe.mailto"));
    }

    /**
     * Everything that stops sending, as sentences for the operator, all at once; empty when mail can go
     * out. The rest of the program runs without these settings, so they are checked only where sending
     * starts.
     */
    public List<String> problemsForSending() {
        var problems = new ArrayList<String>();
        if (host.isBlank()) {
            problems.add("no SMTP server is set: set outreach.smtp.host (SMTP_HOST)");
        }
        if (from.isBlank()) {
            problems.add("no From address is set: set outreach.mail.from (MAIL_FROM), e.g. sam@example.com");
        } else {
            MailAddresses.problem(from)
                    .ifPresent(p -> problems.add(
                            "the From address " + HeaderText.quoted(from) + " (outreach.mail.from / MAIL_FROM) " + p));
        }
        problems.addAll(sharedProblems());
        if (!username.isBlank() && password.isBlank()) {
            problems.add("the SMTP user " + HeaderText.quoted(username) + " has no password: set SMTP_PASSWORD");
        }
        if (username.isBlank() && !password.isBlank()) {
            problems.add("an SMTP password is set but no user: set outreach.smtp.username (SMTP_USERNAME)");
        }
        return problems;
    }

    /** What every mailbox needs and they all share: the postal address, the unsubscribe secret and address. */
    public List<String> sharedProblems() {
        var problems = new ArrayList<String>();
        if (postalAddress.isBlank()) {
            problems.add("no postal address is set: every message must show the sender's physical postal address"
                    + " (CAN-SPAM); set outreach.mail.postal-address (SENDER_POSTAL_ADDRESS)");
        }
        if (unsubscribeSecret.isBlank()) {
            problems.add("no unsubscribe secret is set: set OUTREACH_UNSUBSCRIBE_SECRET to at least "
                    + UnsubscribeTokens.MIN_SECRET_BYTES
                    + " random characters (e.g. the output of openssl rand -base64 48)");
        } else if (unsubscribeSecret.length() < UnsubscribeTokens.MIN_SECRET_BYTES) {
            problems.add("the unsubscribe secret (OUTREACH_UNSUBSCRIBE_SECRET) is " + unsubscribeSecret.length()
                    + " characters long; it must be at least " + UnsubscribeTokens.MIN_SECRET_BYTES
                    + " random characters (e.g. the output of openssl rand -base64 48)");
        }
        MailAddresses.checkMailto(unsubscribeAddress)
                .ifPresent(p -> problems.add("the unsubscribe address (outreach.unsubscribe.mailto) " + p));
        return problems;
    }

    /** What the operator should know but that does not stop sending. */
    public List<String> warnings() {
        var warnings = new ArrayList<String>();
        if (security == Security.NONE) {
            warnings.add("outreach.smtp.security is none: messages"
                    + (username.isBlank() ? "" : " and the SMTP password")
                    + " cross the network unencrypted, and receivers mark mail that arrived without TLS;"
                    + " use starttls or tls except with a local test server");
        }
        if (!publicBaseUrl.regionMatches(true, 0, "https://", 0, 8)) {
            warnings.add(
                    "unsubscribe links start with " + publicBaseUrl + ": Gmail and Yahoo expect an https:// one-click"
                            + " unsubscribe link that recipients can reach; set outreach.http.public-base-url to this daemon's public"
                            + " https address");
        }
        return warnings;
    }

    /** Session properties for Jakarta Mail or camel-mail (protocol smtp); the password is not among them. */
    public Properties mailProperties() {
        var p = new Properties();
        p.setProperty("mail.smtp.host", host);
        p.setProperty("mail.smtp.port", Integer.toString(port));
        p.setProperty("mail.smtp.auth", Boolean.toString(!username.isBlank()));
        String millis = Long.toString(timeout.toMillis());
        p.setProperty("mail.smtp.connectiontimeout", millis);
        p.setProperty("mail.smtp.timeout", millis);
        p.setProperty("mail.smtp.writetimeout", millis);
        switch (security) {
            case STARTTLS -> {
                p.setProperty("mail.smtp.starttls.enable", "true");
                // Without "required", a server (or a man in the middle) that offers no STARTTLS gets plain text.
                p.setProperty("mail.smtp.starttls.required", "true");
                p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
            case TLS -> {
                p.setProperty("mail.smtp.ssl.enable", "true");
                p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
            case NONE -> {
                p.setProperty("mail.smtp.starttls.enable", "false");
                p.setProperty("mail.smtp.ssl.enable", "false");
            }
        }
        return p;
    }

    /** The one-click unsubscribe link for a token: {@code {publicBaseUrl}/u/{token}}. */
    public String unsubscribeUrl(String token) {
        return publicBaseUrl + "/u/" + token;
    }

    /**
     * The mailto URI of List-Unsubscribe: outreach.unsubscribe.mailto when set (an address, or a whole
     * mailto: URI kept as it is), else unsubscribe@ the From address's domain.
     *
     * @throws IllegalStateException when neither is usable (see {@link #problemsForSending()})
     */
    public String unsubscribeMailto() {
        if (unsubscribeAddress.regionMatches(true, 0, "mailto:", 0, 7)) {
            return unsubscribeAddress;
        }
        String address =
                unsubscribeAddress.isBlank() && MailAddresses.problem(from).isEmpty()
                        ? "unsubscribe@" + MailAddresses.domain(from)
                        : unsubscribeAddress;
        if (address.isBlank() || MailAddresses.problem(address).isPresent()) {
            throw new IllegalStateException(
                    "no usable unsubscribe address: set outreach.mail.from or outreach.unsubscribe.mailto");
        }
        return "mailto:" + address + "?subject=unsubscribe";
    }

    /** The signer of unsubscribe links. @throws IllegalArgumentException when the secret is too short */
    public UnsubscribeTokens unsubscribeTokens() {
        return UnsubscribeTokens.of(unsubscribeSecret);
    }

    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", username=" + username + ", password="
                + (password.isEmpty() ? "" : Masking.MASK) + ", security=" + security + ", timeout=" + timeout
                + ", from=" + from + ", fromName=" + fromName + ", unsubscribeSecret="
                + (unsubscribeSecret.isEmpty() ? "" : Masking.MASK) + ", publicBaseUrl=" + publicBaseUrl + "]";
    }
}

package dev.outreachpipeline.replies;

import dev.outreachpipeline.config.Masking;
import dev.outreachpipeline.config.OutreachConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The mailbox where replies and bounce reports arrive, read over IMAP. Optional: with no host, replies
 * are not checked. {@link #toString()} never shows the password.
 *
 * @param folder            the folder read, e.g. INBOX
 * @param maxMessages       most messages one check reads
 * @param ignoreAutoReplies automatic replies (out of office) are counted but do not make a prospect replied
 */
public record ImapSettings(
        String host,
        int port,
        String username,
        String password,
        Security security,
        String folder,
        int maxMessages,
        boolean ignoreAutoReplies) {

    /** How long to wait to connect, and for each reply of the server, before the check fails. */
    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** How the connection to the IMAP server is protected. */
    public enum Security {
        /** TLS from the first byte (imaps, port 993). */
        TLS,
        /** Plain connection upgraded with STARTTLS, which must succeed (port 143). */
        STARTTLS,
        /** No encryption: only for a local test server. */
        NONE
    }

    public static ImapSettings from(OutreachConfig c) {
        return new ImapSettings(
                c.get("outreach.imap.host").trim(),
                c.getInt("outreach.imap.port"),
                c.get("outreach.imap.username").trim(),
                c.get("outreach.imap.password"),
                Security.valueOf(c.get("outreach.imap.security").trim().toUpperCase(Locale.ROOT)),
                c.get("outreach.imap.folder").trim(),
                c.getInt("outreach.imap.max-messages"),
                c.getBoolean("outreach.replies.ignore-auto-replies"));
    }

    /** Replies are checked only when an IMAP server is set. */
    public boolean enabled() {
        return !host.isBlank();
    }

    /** What stops a check of an enabled mailbox, as sentences for the operator; empty when it can run. */
    public List<String> problems() {
        var problems = new ArrayList<String>();
        if (username.isBlank()) {
            problems.add("no IMAP user is set: set outreach.imap.username (IMAP_USERNAME)");
        } else if (password.isEmpty()) {
            problems.add("the IMAP user '" + username + "' has no password: set IMAP_PASSWORD");
        }
        return problems;
    }

    /** The Jakarta Mail store protocol: imaps for TLS from the first byte, imap otherwise. */
    public String protocol() {
        return security == Security.TLS ? "imaps" : "imap";
    }

    /** Which mailbox this is, for remembering where the last check stopped: user@host (the host lower-case). */
    public String account() {
        return (username.isBlank() ? "" : username + "@") + host.toLowerCase(Locale.ROOT);
    }

    /** host:port, for messages to the operator. */
    public String server() {
        return host + ":" + port;
    }

    /**
     * Session properties for Jakarta Mail; the password is not among them. Bodies are read with
     * BODY.PEEK, so reading a message does not mark it \Seen: only a recorded one is flagged.
     */
    public Properties mailProperties() {
        String p = "mail." + protocol() + ".";
        var props = new Properties();
        props.setProperty("mail.store.protocol", protocol());
        props.setProperty(p + "host", host);
        props.setProperty(p + "port", Integer.toString(port));
        String millis = Long.toString(TIMEOUT.toMillis());
        props.setProperty(p + "connectiontimeout", millis);
        props.setProperty(p + "timeout", millis);
        props.setProperty(p + "writetimeout", millis);
        props.setProperty(p + "peek", "true");
        switch (security) {
            case TLS -> props.setProperty(p + "ssl.checkserveridentity", "true");
            case STARTTLS -> {
                props.setProperty(p + "starttls.enable", "true");
                // Without "required", a server (or a man in the middle) that offers no STARTTLS gets the password in
                // clear.
                props.setProperty(p + "starttls.required", "true");
                props.setProperty(p + "ssl.checkserveridentity", "true");
            }
            case NONE -> {
                props.setProperty(p + "starttls.enable", "false");
                props.setProperty(p + "ssl.enable", "false");
            }
        }
        return props;
    }

    @Override
    public String toString() {
        return "ImapSettings[host=" + host + ", port=" + port + ", username=" + username + ", password="
                + (password.isEmpty() ? "" : Masking.MASK) + ", security=" + security + ", folder=" + folder
                + ", maxMessages=" + maxMessages + ", ignoreAutoReplies=" + ignoreAutoReplies + "]";
    }
}

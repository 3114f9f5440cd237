package dev.outreachpipeline.sending;

import dev.outreachpipeline.config.OutreachConfig;
import dev.outreachpipeline.replies.ImapSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The configured sending mailboxes, {@code default} first, then those outreach.mailboxes lists in its
 * order. What the mailboxes share (postal address, unsubscribe secret and address, public base URL, send
 * window, SMTP timeout, IMAP batch size) is read from the shared settings; what a further mailbox leaves
 * empty of its caps and spacing is the shared outreach.send.* value.
 */
public final class Mailboxes {

    private final Map<String, Mailbox> byId;

    private Mailboxes(Map<String, Mailbox> byId) {
        this.byId = byId;
    }

    public static Mailboxes from(OutreachConfig c) {
        var byId = new LinkedHashMap<String, Mailbox>();
        SmtpSettings shared = SmtpSettings.from(c);
        SendSettings send = SendSettings.from(c);
        ImapSettings sharedImap = ImapSettings.from(c);
        byId.put(MailboxIds.DEFAULT, new Mailbox(MailboxIds.DEFAULT, shared, send.pacingRules(), sharedImap));
        for (String id : c.mailboxIds()) {
            String k = "outreach.mailbox." + id + ".";
            String fromName = c.get(k + "from-name");
            var smtp = new SmtpSettings(
                    c.get(k + "smtp.host").trim(),
                    c.getInt(k + "smtp.port"),
                    c.get(k + "smtp.username").trim(),
                    c.get(k + "smtp.password"),
                    SmtpSettings.Security.valueOf(
                            c.get(k + "smtp.security").trim().toUpperCase(Locale.ROOT)),
                    shared.timeout(),
                    c.get(k + "from").trim(),
                    fromName.isBlank() ? c.get("outreach.sender.name") : fromName,
                    shared.postalAddress(),
                    shared.unsubscribeSecret(),
                    shared.publicBaseUrl(),
                    shared.unsubscribeAddress());
            var rules = new PacingRules(
                    or(c.get(k + "daily-cap"), send.dailyCap(), Integer::parseInt),
                    or(c.get(k + "hourly-cap"), send.hourlyCap(), Integer::parseInt),
                    or(c.get(k + "spacing"), send.spacing(), DurationText::parse),
                    or(c.get(k + "spacing-jitter"), send.spacingJitter(), DurationText::parse),
                    send.window());
            var imap = new ImapSettings(
                    c.get(k + "imap.host").trim(),
                    c.getInt(k + "imap.port"),
                    c.get(k + "imap.username").trim(),
                    c.get(k + "imap.password"),
                    ImapSettings.Security.valueOf(
                            c.get(k + "imap.security").trim().toUpperCase(Locale.ROOT)),
                    c.get(k + "imap.folder").trim(),
                    sharedImap.maxMessages(),
                    sharedImap.ignoreAutoReplies());
            byId.put(id, new Mailbox(id, smtp, rules, imap));
        }
        return new Mailboxes(byId);
    }

    private static <T> T or(String value, T shared, java.util.function.Function<String, T> parse) {
        return value.isBlank() ? shared : parse.apply(value.trim());
    }

    /** Every mailbox id: default and the listed ones, in order. */
    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }

    public List<Mailbox> all() {
        return List.copyOf(byId.values());
    }

    public Optional<Mailbox> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** @throws IllegalArgumentException for an id that is not configured (a bug: ids come from here) */
    public Mailbox get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("no mailbox '" + id + "' is configured"));
    }

    /** The mailboxes that can send: an SMTP server and a From address set, nothing else missing. */
    public List<Mailbox> sending() {
        return byId.values().stream()
                .filter(m -> m.configured() && problems(m).isEmpty())
                .toList();
    }

    /**
     * What stops one mailbox from sending, as sentences naming its own settings; empty when it can send.
     * For {@code default} these are the sentences sending has always given.
     */
    public List<String> problems(Mailbox m) {
        if (MailboxIds.DEFAULT.equals(m.id())) {
            return m.smtp().problemsForSending();
        }
        var problems = new ArrayList<String>();
        String env = "OUTREACH_MAILBOX_" + m.id().toUpperCase(Locale.ROOT) + "_";
        SmtpSettings s = m.smtp();
        if (s.host().isBlank()) {
            problems.add("no SMTP server is set: set " + m.settingName("", "smtp.host") + " (" + env + "SMTP_HOST)");
        }
        if (s.from().isBlank()) {
            problems.add("no From address is set: set " + m.settingName("", "from") + " (" + env + "FROM)");
        }
        if (!s.username().isBlank() && s.password().isBlank()) {
            problems.add("the SMTP user " + HeaderText.quoted(s.username()) + " has no password: set " + env
                    + "SMTP_PASSWORD");
        }
        if (s.username().isBlank() && !s.password().isBlank()) {
            problems.add("an SMTP password is set but no user: set " + m.settingName("", "smtp.username") + " (" + env
                    + "SMTP_USERNAME)");
        }
        if (!m.pacing().jitter().isZero()
                && m.pacing().jitter().compareTo(m.pacing().spacing()) >= 0) {
            problems.add("its spacing jitter (" + DurationText.format(m.pacing().jitter())
                    + ") must be less than its spacing ("
                    + DurationText.format(m.pacing().spacing()) + ")");
        }
        problems.addAll(s.sharedProblems());
        return problems;
    }

    /**
     * Rules between mailboxes: each configured mailbox has its own From address, since caps, spacing
     * and the lock are kept per From address (two mailboxes sharing one would share them).
     */
    public List<String> conflicts() {
        var problems = new ArrayList<String>();
        var owner = new LinkedHashMap<String, String>();
        for (Mailbox m : byId.values()) {
            if (m.smtp().from().isBlank()) {
                continue;
            }
            String earlier = owner.putIfAbsent(m.address(), m.id());
            if (earlier != null) {
                problems.add("the mailboxes '" + earlier + "' and '" + m.id() + "' have the same From address "
                        + m.address() + "; give each mailbox its own (caps and spacing are kept per address)");
            }
        }
        return problems;
    }

    /** One line per mailbox for `config check`: what it sends with, its caps, its replies; or what it lacks. */
    public List<String> describe() {
        var lines = new ArrayList<String>();
        for (Mailbox m : byId.values()) {
            List<String> problems = problems(m);
            if (!m.configured() && MailboxIds.DEFAULT.equals(m.id())) {
                lines.add(
                        "Mailbox default: not set up (no SMTP server or From address); campaigns that name it send nothing.");
            } else if (!problems.isEmpty()) {
                lines.add("Mailbox " + m.id() + ": cannot send: " + String.join(" ", problems));
            } else {
                lines.add("Mailbox " + m.id() + ": sends as " + m.address() + " through "
                        + m.smtp().host() + ":"
                        + m.smtp().port() + " (" + m.smtp().security().name().toLowerCase(Locale.ROOT) + "), at most "
                        + m.pacing().dailyCap() + " a day and " + m.pacing().hourlyCap() + " an hour, "
                        + DurationText.format(m.pacing().spacing()) + " apart; replies "
                        + m.replies()
                                .map(i -> "read from " + i.account() + " " + i.folder())
                                .orElse("not read (no IMAP server)")
                        + ".");
            }
        }
        return lines;
    }
}

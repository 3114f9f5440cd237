package dev.outreachpipeline.replies;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outreachpipeline.sending.Mailbox;
import dev.outreachpipeline.sending.MailboxIds;
import dev.outreachpipeline.sending.Mailboxes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reply check of every mailbox that has IMAP set, by mailbox id ('default' is outreach.imap.*, a
 * further one outreach.mailbox.&lt;id&gt;.imap.*): what the replies route asks, for the mailbox it is
 * reading. Each mailbox keeps its own position (mailbox_reads is keyed by its account and folder), and
 * its own From address and IMAP user are the ones whose copies are not taken for replies.
 */
public final class MailboxReplies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ReplyCheck any;
    private final Map<String, ReplyCheck> checks;

    private MailboxReplies(ReplyCheck any, Map<String, ReplyCheck> checks) {
        this.any = any;
        this.checks = checks;
    }

    public static MailboxReplies of(Mailboxes mailboxes) {
        return of(mailboxes, ReplySettings.DEFAULTS);
    }

    public static MailboxReplies of(Mailboxes mailboxes, ReplySettings settings) {
        var checks = new LinkedHashMap<String, ReplyCheck>();
        ReplyCheck any = null;
        for (Mailbox m : mailboxes.all()) {
            var check = new ReplyCheck(
                    m.imap(),
                    new ReplyClassifier(
                            m.imap().ignoreAutoReplies(),
                            List.of(m.smtp().from(), m.imap().username()),
                            settings));
            if (m.id().equals(MailboxIds.DEFAULT)) {
                any = check;
            }
            if (m.imap().enabled()) {
                checks.put(m.id(), check);
            }
        }
        return new MailboxReplies(any, checks);
    }

    /** Whether any mailbox has IMAP set. */
    public boolean enabled() {
        return !checks.isEmpty();
    }

    /** The mailboxes whose replies are read, in order: default first. */
    public List<String> mailboxIds() {
        return List.copyOf(checks.keySet());
    }

    public String offResult() {
        return any.offResult();
    }

    public String busyResult(String otherJobId) {
        return any.busyResult(otherJobId);
    }

    /**
     * One mailbox's summary, for merging into the job's result: as it always was when only one mailbox
     * is read, under "mailbox ID" when several are (so one does not overwrite the other's).
     */
    public String resultJson(String mailboxId, NewMail read) {
        if (checks.size() == 1) {
            return any.resultJson(read);
        }
        var o = JSON.createObjectNode();
        o.set("mailbox " + mailboxId, JSON.valueToTree(read.summary()));
        return o.toString();
    }

    public String account(String mailboxId) {
        return check(mailboxId).account();
    }

    public String folder(String mailboxId) {
        return check(mailboxId).folder();
    }

    public NewMail readNew(String mailboxId, Map<String, Object> start) {
        return check(mailboxId).readNew(start);
    }

    public void flagSeen(String mailboxId, NewMail read, List<Long> ours) {
        check(mailboxId).flagSeen(read, ours);
    }

    private ReplyCheck check(String mailboxId) {
        ReplyCheck c = checks.get(mailboxId);
        if (c == null) {
            throw new IllegalArgumentException("the mailbox '" + mailboxId + "' has no IMAP server set");
        }
        return c;
    }
}

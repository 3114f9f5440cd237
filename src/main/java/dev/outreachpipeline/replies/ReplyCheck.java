package dev.outreachpipeline.replies;

import dev.outreachpipeline.db.SqlValues;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outreachpipeline.jobs.JobFailed;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.ComparisonTerm;
import jakarta.mail.search.ReceivedDateTerm;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RuntimeCamelException;
import org.eclipse.angus.mail.imap.IMAPFolder;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The check_replies job's reading of the mailbox. It goes on from the IMAP UID where the last check
 * stopped (remembered in the database with the folder's UIDVALIDITY), not from the \Seen flag: a
 * person reading the mailbox sets that flag too, and a reply they opened first must still count.
 * Each message is classified here and recorded by the {@code record-inbound-message} route, in one
 * transaction with the new position; only a message that was about one of ours is then flagged \Seen.
 * Nothing is deleted or moved. Every database write stays in the routes.
 */
public final class ReplyCheck {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** IMAP SINCE compares dates only, in the server's time zone: look a day earlier than the first send. */
    private static final Duration SINCE_MARGIN = Duration.ofDays(1);

    private final ImapSettings imap;
    private final ReplyClassifier classifier;
    private final ProducerTemplate producer;

    public ReplyCheck(ImapSettings imap, ReplyClassifier classifier, ProducerTemplate producer) {
        this.imap = imap;
        this.classifier = classifier;
        this.producer = producer;
    }

    public boolean enabled() {
        return imap.enabled();
    }

    /** The result of a job that had nothing to do because no IMAP server is set. */
    public String offResult() {
        var result = JSON.createObjectNode();
        result.put("replies_checked", false);
        result.put("reason", "replies are not checked: no IMAP server is set (outreach.imap.host / IMAP_HOST)");
        return result.toString();
    }

    /** The result of a job that left the mailbox to an earlier check still reading it. */
    public String busyResult(String otherJobId) {
        var result = JSON.createObjectNode();
        result.put("replies_checked", false);
        result.put("reason", "check_replies job " + otherJobId + " is reading the mailbox; this one left it to that one");
        return result.toString();
    }

    /** A check's summary as JSON, for merging into the job's result. */
    public String resultJson(Map<String, Object> summary) {
        return JSON.valueToTree(summary).toString();
    }

    public String account() {
        return imap.account();
    }

    public String folder() {
        return imap.folder();
    }

    /**
     * Reads what arrived since the last check, at most outreach.imap.max-messages, and has each message
     * recorded.
     *
     * @param start the remembered position (uid_validity, last_uid; null when there is none) and the
     *              time of our first send (first_send_at; null when nothing was ever sent)
     * @return the job's result beside the counts the routes keep: messages_read, more_waiting, folder
     * @throws JobFailed when the settings are incomplete or the mailbox cannot be read, in a sentence
     */
    public Map<String, Object> check(Map<String, Object> start, String jobId, String worker) {
        // The failures below carry the server's words only as one cleaned-up line, never as a cause
        // whose text (and stack trace) the error handler would log as it came.
        List<String> problems = imap.problems();
        if (!problems.isEmpty()) {
            throw new JobFailed("Replies cannot be checked: " + String.join("; ", problems));
        }
        Store store = null;
        try {
            store = Session.getInstance(imap.mailProperties()).getStore(imap.protocol());
            store.connect(imap.host(), imap.port(), imap.username(), imap.password());
            Folder folder = store.getFolder(imap.folder());
            if (!folder.exists()) {
                throw new JobFailed("The folder " + quoted(imap.folder()) + " does not exist on the IMAP server "
                        + imap.server() + ": set outreach.imap.folder to the folder where replies arrive, e.g. INBOX");
            }
            if (!(folder instanceof UIDFolder uids)) {
                throw new JobFailed("The mail server " + imap.server() + " gives messages no stable ids (IMAP UIDs)");
            }
            folder.open(Folder.READ_WRITE);
            try {
                return readNew(folder, uids, start == null ? Map.of() : start, jobId, worker);
            } finally {
                closeQuietly(folder);
            }
        } catch (AuthenticationFailedException e) {
            throw new JobFailed("The IMAP server " + imap.server() + " refused the login of " + quoted(imap.username())
                    + " (" + InboundText.oneLine(e.getMessage(), 200) + "): check IMAP_USERNAME and IMAP_PASSWORD");
        } catch (MessagingException e) {
            throw new JobFailed("Could not read the mailbox on " + imap.server() + " (" + imap.security().name().toLowerCase(Locale.ROOT)
                    + "): " + describe(e) + "; the next check_replies job goes on from the last message recorded");
        } finally {
            closeQuietly(store);
        }
    }

    private Map<String, Object> readNew(Folder folder, UIDFolder uids, Map<String, Object> start, String jobId, String worker)
            throws MessagingException {
        long validity = uids.getUIDValidity();
        Long knownValidity = number(start.get("uid_validity"));
        Long knownLast = number(start.get("last_uid"));
        long last = knownValidity != null && knownValidity == validity && knownLast != null
                ? knownLast
                : startingPoint(folder, uids, SqlValues.instant(start.get("first_send_at")));

        var fresh = new ArrayList<Message>();
        if (folder.getMessageCount() > 0) {
            // "UID n:*" also answers with the newest message when n is past it: keep only what is really new.
            for (Message m : uids.getMessagesByUID(last + 1, UIDFolder.LASTUID)) {
                if (m != null && uids.getUID(m) > last) {
                    fresh.add(m);
                }
            }
        }
        fresh.sort(Comparator.comparingLong(m -> uid(uids, m)));
        boolean more = fresh.size() > imap.maxMessages();
        List<Message> batch = more ? fresh.subList(0, imap.maxMessages()) : fresh;
        if (!batch.isEmpty()) {
            folder.fetch(batch.toArray(Message[]::new), profile());
        }

        int read = 0;
        for (Message message : batch) {
            long uid = uids.getUID(message);
            InboundMessage inbound = InboundMessageReader.read(message);
            Classification kind = classifier.classify(inbound);
            if (record(kind, inbound, validity, uid, jobId, worker)) {
                message.setFlag(Flags.Flag.SEEN, true);
            }
            last = uid;
            read++;
        }
        // Also when nothing was read: a first check remembers where it started.
        send("direct:advance-mailbox-read", position(validity, last), jobId, worker);

        var summary = new LinkedHashMap<String, Object>();
        summary.put("replies_checked", true);
        summary.put("folder", imap.folder());
        summary.put("messages_read", read);
        summary.put("more_waiting", more);
        return summary;
    }

    /**
     * Where a check starts without a remembered position (the first one, or after the server renumbered
     * the folder): just before the first message that arrived since the day before our first send, as
     * nothing older can answer one of ours; at the end of the folder when nothing was ever sent.
     */
    private long startingPoint(Folder folder, UIDFolder uids, Instant firstSend) throws MessagingException {
        if (folder.getMessageCount() == 0) {
            return 0;
        }
        if (firstSend != null) {
            Message[] since = folder.search(new ReceivedDateTerm(ComparisonTerm.GE, Date.from(firstSend.minus(SINCE_MARGIN))));
            if (since.length > 0) {
                Message earliest = Arrays.stream(since).min(Comparator.comparingInt(Message::getMessageNumber)).orElseThrow();
                return uids.getUID(earliest) - 1;
            }
        }
        return uids.getUID(folder.getMessage(folder.getMessageCount()));
    }

    /** Records one message; true when it was about one of our messages. */
    private boolean record(Classification kind, InboundMessage inbound, long validity, long uid, String jobId, String worker) {
        Map<String, Object> p = position(validity, uid);
        p.put("kind", kind.outcome());
        p.put("messageIds", idsJson(kind.messageIds()));
        p.put("ownMessageId", inbound.messageId());
        p.put("calls", 0);
        p.put("lastError", null);
        p.put("suppressionSource", null);
        if (kind instanceof Classification.Bounce b) {
            String about = "DSN " + (b.status() == null ? "without status" : b.status())
                    + (b.recipient() == null ? "" : " for " + b.recipient())
                    + (b.diagnostic() == null ? "" : ": " + b.diagnostic());
            p.put("suppressionSource", InboundText.oneLine(about, 300));
            p.put("lastError", InboundText.oneLine("bounced (" + about + "); the address is suppressed", 400));
        }
        Exchange done = send("direct:record-inbound-message", p, jobId, worker);
        return done.getMessage().getHeader("matched") != null;
    }

    private Map<String, Object> position(long validity, long uid) {
        var p = new LinkedHashMap<String, Object>();
        p.put("account", imap.account());
        p.put("folder", imap.folder());
        p.put("uidValidity", validity);
        p.put("uid", uid);
        return p;
    }

    private Exchange send(String uri, Map<String, Object> body, String jobId, String worker) {
        Exchange done = producer.send(uri, e -> {
            e.getIn().setBody(body);
            e.setVariable("jobId", jobId);
            e.setVariable("worker", worker);
        });
        Exception failure = done.getException();
        if (failure instanceof RuntimeException re) {
            throw re;
        }
        if (failure != null) {
            throw new RuntimeCamelException(failure);
        }
        return done;
    }

    /**
     * The ids as a JSON array for the database, each also in lower case: our ids are lower-case, and a
     * relay that changed their case must not hide a reply.
     */
    private static String idsJson(List<String> ids) {
        var all = new LinkedHashSet<String>();
        for (String id : ids) {
            all.add(id);
            all.add(id.toLowerCase(Locale.ROOT));
        }
        var array = JSON.createArrayNode();
        all.forEach(array::add);
        return array.toString();
    }

    private static FetchProfile profile() {
        var profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(FetchProfile.Item.CONTENT_INFO);
        profile.add(IMAPFolder.FetchProfileItem.HEADERS);
        return profile;
    }

    private static long uid(UIDFolder uids, Message m) {
        try {
            return uids.getUID(m);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String describe(MessagingException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root == e ? e.getMessage() : e.getMessage() + " (" + root.getClass().getSimpleName() + ")";
        return InboundText.oneLine(text, 300);
    }

    private static String quoted(String value) {
        return "'" + InboundText.oneLine(value, 200) + "'";
    }

    private static Long number(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Number n ? n.longValue() : Long.parseLong(value.toString());
    }


    private static void closeQuietly(Folder folder) {
        try {
            if (folder.isOpen()) {
                folder.close(false); // never expunge
            }
        } catch (MessagingException | RuntimeException e) {
            // the connection is gone already
        }
    }

    private static void closeQuietly(Store store) {
        if (store != null) {
            try {
                store.close();
            } catch (MessagingException | RuntimeException e) {
                // the connection is gone already
            }
        }
    }
}

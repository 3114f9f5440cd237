package dev.outreachpipeline.replies;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outreachpipeline.db.SqlValues;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The check_replies job's reading of the mailbox. It goes on from the IMAP UID where the last check
 * stopped (remembered in the database with the folder's UIDVALIDITY), not from the \Seen flag: a
 * person reading the mailbox sets that flag too, and a reply they opened first must still count.
 * Each message is read and classified here and returned; the routes record it, in one transaction
 * with the new position, and then have only the messages about ours flagged \Seen. Each call opens
 * its own connection and closes it before it returns. Nothing is deleted or moved; every database
 * write stays in the routes.
 */
public final class ReplyCheck {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(ReplyCheck.class);
    /** IMAP SINCE compares dates only, in the server's time zone: look a day earlier than the first send. */
    private static final Duration SINCE_MARGIN = Duration.ofDays(1);

    private final ImapSettings imap;
    private final ReplyClassifier classifier;

    public ReplyCheck(ImapSettings imap, ReplyClassifier classifier) {
        this.imap = imap;
        this.classifier = classifier;
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
        result.put(
                "reason", "check_replies job " + otherJobId + " is reading the mailbox; this one left it to that one");
        return result.toString();
    }

    /** A check's summary as JSON, for merging into the job's result. */
    public String resultJson(NewMail read) {
        return JSON.valueToTree(read.summary()).toString();
    }

    public String account() {
        return imap.account();
    }

    public String folder() {
        return imap.folder();
    }

    /**
     * Reads what arrived since the last check, at most outreach.imap.max-messages, and classifies it.
     * Nothing is recorded or flagged here: the route records each message, with the position it moves
     * to, and then has the ones about ours flagged \Seen ({@link #flagSeen}).
     *
     * @param start the remembered position (uid_validity, last_uid; null when there is none) and the
     *              time of our first send (first_send_at; null when nothing was ever sent)
     * @throws JobFailed when the settings are incomplete or the mailbox cannot be read, in a sentence
     */
    public NewMail readNew(Map<String, Object> start) {
        return inFolder(Folder.READ_ONLY, (folder, uids) -> readNew(folder, uids, start == null ? Map.of() : start));
    }

    /**
     * Flags \Seen the messages that turned out to be about ours, once they are recorded, so a person
     * reading the mailbox sees them as handled; every other message is left as it was. Connects only
     * when there is something to flag, and flags nothing if the server renumbered the folder since the
     * messages were read (their UIDs would name other messages now).
     *
     * @param read the check's messages
     * @param ours the UIDs of those about one of our messages
     * @throws JobFailed when the mailbox cannot be reached, in a sentence
     */
    public void flagSeen(NewMail read, List<Long> ours) {
        if (ours == null || ours.isEmpty()) {
            return;
        }
        inFolder(Folder.READ_WRITE, (folder, uids) -> {
            if (uids.getUIDValidity() != read.position().uidValidity()) {
                LOG.info(
                        "The folder {} on {} was renumbered (new UIDVALIDITY) since it was read: {} recorded message(s) are not flagged \\Seen",
                        quoted(imap.folder()),
                        imap.server(),
                        ours.size());
                return null;
            }
            Message[] messages = Arrays.stream(uids.getMessagesByUID(
                            ours.stream().mapToLong(Long::longValue).toArray()))
                    .filter(Objects::nonNull)
                    .toArray(Message[]::new);
            if (messages.length > 0) {
                folder.setFlags(messages, new Flags(Flags.Flag.SEEN), true);
            }
            return null;
        });
    }

    /** What is done with the open folder; the connection is opened before and closed after it. */
    @FunctionalInterface
    private interface FolderWork<T> {
        T in(Folder folder, UIDFolder uids) throws MessagingException;
    }

    private <T> T inFolder(int mode, FolderWork<T> work) {
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
            folder.open(mode);
            try {
                return work.in(folder, uids);
            } finally {
                closeQuietly(folder);
            }
        } catch (AuthenticationFailedException e) {
            throw new JobFailed("The IMAP server " + imap.server() + " refused the login of " + quoted(imap.username())
                    + " (" + InboundText.oneLine(e.getMessage(), 200) + "): check IMAP_USERNAME and IMAP_PASSWORD");
        } catch (MessagingException e) {
            throw new JobFailed("Could not read the mailbox on " + imap.server() + " ("
                    + imap.security().name().toLowerCase(Locale.ROOT) + "): " + describe(e)
                    + "; the next check_replies job goes on from the last message recorded");
        } finally {
            closeQuietly(store);
        }
    }

    private NewMail readNew(Folder folder, UIDFolder uids, Map<String, Object> start) throws MessagingException {
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

        var read = new ArrayList<ClassifiedMessage>();
        for (Message message : batch) {
            long uid = uids.getUID(message);
            InboundMessage inbound = InboundMessageReader.read(message);
            read.add(new ClassifiedMessage(
                    position(validity, uid),
                    inbound.messageId(),
                    classifier.classify(inbound),
                    inbound.from(),
                    inbound.subject(),
                    inbound.received()));
            last = uid;
        }
        return new NewMail(position(validity, last), read, more);
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
            Message[] since =
                    folder.search(new ReceivedDateTerm(ComparisonTerm.GE, Date.from(firstSend.minus(SINCE_MARGIN))));
            if (since.length > 0) {
                Message earliest = Arrays.stream(since)
                        .min(Comparator.comparingInt(Message::getMessageNumber))
                        .orElseThrow();
                return uids.getUID(earliest) - 1;
            }
        }
        return uids.getUID(folder.getMessage(folder.getMessageCount()));
    }

    private MailboxPosition position(long validity, long uid) {
        return new MailboxPosition(imap.account(), imap.folder(), validity, uid);
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
        String text = root == e
                ? e.getMessage()
                : e.getMessage() + " (" + root.getClass().getSimpleName() + ")";
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

package dev.outreachpipeline.replies;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one check read from the mailbox: the messages that arrived since the last check (oldest first,
 * at most outreach.imap.max-messages), classified, for the route to record one by one.
 *
 * @param position    where the folder is read to once these are recorded: the last message's UID, or
 *                    where reading starts when there is none (a first check remembers that too)
 * @param messages    the messages read, in UID order
 * @param moreWaiting more messages arrived than one check reads; the next check goes on from here
 */
public record NewMail(MailboxPosition position, List<ClassifiedMessage> messages, boolean moreWaiting) {

    public NewMail {
        messages = List.copyOf(messages);
    }

    /** The check's part of the job's result, beside the counts the route keeps: replies_checked, folder, messages_read, more_waiting. */
    public Map<String, Object> summary() {
        var summary = new LinkedHashMap<String, Object>();
        summary.put("replies_checked", true);
        summary.put("folder", position.folder());
        summary.put("messages_read", messages.size());
        summary.put("more_waiting", moreWaiting);
        return summary;
    }
}

package dev.outreachpipeline.replies;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How far a mailbox folder has been read: the IMAP UID of the last message recorded, valid only
 * while the folder keeps its UIDVALIDITY (a server that renumbers the folder changes it).
 *
 * @param account     which mailbox, user@host (see {@link ImapSettings#account()})
 * @param folder      the folder read, e.g. INBOX
 * @param uidValidity the folder's UIDVALIDITY the UID belongs to
 * @param uid         the last UID read; 0 when the folder was empty
 */
public record MailboxPosition(String account, String folder, long uidValidity, long uid) {

    /** The parameters of sql/advance-mailbox-read.sql: account, folder, uidValidity, uid. */
    public Map<String, Object> parameters() {
        var p = new LinkedHashMap<String, Object>();
        p.put("account", account);
        p.put("folder", folder);
        p.put("uidValidity", uidValidity);
        p.put("uid", uid);
        return p;
    }
}

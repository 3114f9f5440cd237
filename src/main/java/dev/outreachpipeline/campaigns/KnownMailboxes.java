package dev.outreachpipeline.campaigns;

import dev.outreachpipeline.config.OutreachConfig;
import dev.outreachpipeline.sending.MailboxIds;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The sending mailboxes a campaign may name: {@code default} (the mailbox of the outreach.smtp.* and
 * outreach.mail.* settings) and every id outreach.mailboxes lists. A campaign that names any other is
 * refused rather than left to fail at its first send.
 */
public final class KnownMailboxes {

    public static final String DEFAULT = MailboxIds.DEFAULT;

    private KnownMailboxes() {}

    public static Set<String> ids(OutreachConfig config) {
        var ids = new LinkedHashSet<String>();
        ids.add(DEFAULT);
        ids.addAll(config.mailboxIds());
        return ids;
    }
}

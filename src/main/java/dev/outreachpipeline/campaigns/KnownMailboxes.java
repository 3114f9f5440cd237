package dev.outreachpipeline.campaigns;

import java.util.Set;

/**
 * The sending mailboxes a campaign may name. Today there is one: the mailbox the {@code
 * outreach.mail.*} and SMTP settings describe, called {@code default}; a campaign that names any
 * other is refused rather than left to fail at its first send.
 */
public final class KnownMailboxes {

    public static final String DEFAULT = "default";

    private KnownMailboxes() {}

    public static Set<String> ids() {
        return Set.of(DEFAULT);
    }
}

package dev.outreachpipeline.sending;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * The ids of sending mailboxes. {@code default} is the mailbox of the outreach.smtp.* and outreach.mail.*
 * settings; every further one is listed in outreach.mailboxes. An id becomes part of environment names
 * (OUTREACH_MAILBOX_&lt;ID&gt;_SMTP_PASSWORD), so it is lower-case letters and digits only: with '-' or
 * '_' two ids could share a variable.
 */
public final class MailboxIds {

    public static final String DEFAULT = "default";
    private static final String FORM = "[a-z][a-z0-9]{0,31}";

    private MailboxIds() {}

    /** The ids of a comma-separated list, in its order, blanks left out. */
    public static List<String> parse(String list) {
        return Arrays.stream(list.split(","))
                .map(String::trim)
                .filter(id -> !id.isEmpty())
                .toList();
    }

    /** Whether a single id has the form of one (says nothing about whether it is configured). */
    public static boolean wellFormed(String id) {
        return id.matches(FORM);
    }

    /** The check of outreach.mailboxes: well-formed ids, none twice, not {@code default}. */
    public static Optional<String> checkList(String value) {
        var problems = new ArrayList<String>();
        var seen = new LinkedHashSet<String>();
        for (String id : parse(value)) {
            if (id.equals(DEFAULT)) {
                problems.add("'default' is the mailbox of the outreach.smtp.* and outreach.mail.* settings; list only"
                        + " further mailboxes");
            } else if (!wellFormed(id)) {
                problems.add("'" + id + "' is not a mailbox id (lower-case letters and digits, starting with a"
                        + " letter, at most 32)");
            } else if (!seen.add(id)) {
                problems.add("'" + id + "' is listed twice");
            }
        }
        return problems.isEmpty()
                ? Optional.empty()
                : Optional.of("must list mailbox ids, e.g. b,c: " + String.join("; ", problems));
    }
}

package dev.outreachpipeline.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The file {@code prospects edit} opens in an editor: a few {@code #} lines saying how it is read,
 * then {@code Subject: …} on one line, a blank line, and the body, as a mail client shows a message.
 * The {@code #} lines are left out on reading (only those before the subject: a body may well hold a
 * line that starts with {@code #}).
 */
final class DraftFile {

    private static final Pattern SUBJECT = Pattern.compile("(?i)subject:[ \\t]?(.*)");

    /** The subject and body read back; {@code problem} is why the file could not be read, else null. */
    record Read(String subject, String body, String problem) {

        static Read problem(String problem) {
            return new Read(null, null, problem);
        }

        /** Everything was deleted: the person gave up the edit. */
        boolean empty() {
            return subject == null && body == null && problem == null;
        }
    }

    private DraftFile() {}

    /** The text to edit, for the draft of prospect {@code id}. */
    static String write(UUID id, String domain, String subject, String body) {
        String text = body == null ? "" : body.replace("\r\n", "\n").replace('\r', '\n');
        return "# The draft of prospect " + id + " (" + TerminalText.line(domain) + ").\n"
                + "# The line \"Subject: ...\" is the subject (one line); the body starts after the blank line\n"
                + "# below it. Save and close the editor to store it: it is checked as the send stage checks a\n"
                + "# message first. The footer (postal address, unsubscribe link) is added when it is sent.\n"
                + "# Lines starting with # up here are left out. To cancel, close without a change.\n"
                + "Subject: " + (subject == null ? "" : subject) + "\n"
                + "\n"
                + (text.isEmpty() || text.endsWith("\n") ? text : text + "\n");
    }

    /** Reads the file back; a problem names the line it is on. */
    static Read read(String content) {
        List<String> lines = new ArrayList<>(
                Arrays.asList(content.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)));
        int i = 0;
        while (i < lines.size() && (lines.get(i).startsWith("#") || lines.get(i).isBlank())) {
            i++;
        }
        if (i == lines.size()) {
            return new Read(null, null, null);
        }
        Matcher subject = SUBJECT.matcher(lines.get(i));
        if (!subject.matches()) {
            return Read.problem("line " + (i + 1) + " should be the subject, \"Subject: ...\", and is \""
                    + TerminalText.line(lines.get(i)) + "\"");
        }
        int next = i + 1;
        if (next < lines.size() && !lines.get(next).isBlank()) {
            return Read.problem("line " + (next + 1) + " should be blank: a subject is one line, and the body"
                    + " starts after the blank line below it");
        }
        String body = next + 1 < lines.size() ? String.join("\n", lines.subList(next + 1, lines.size())) : "";
        return new Read(subject.group(1).strip(), body, null);
    }
}

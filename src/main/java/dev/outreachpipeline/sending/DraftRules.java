package dev.outreachpipeline.sending;

import java.util.ArrayList;
import java.util.List;

/**
 * What a first message's subject and text body must be for it to be sent: the one set of rules the
 * sending stage ({@link MessageComposer}) refuses a message by and an operator's edit of a draft is
 * checked against, so that an edit that is accepted can be sent and the two can never disagree.
 *
 * <p>The postal footer and the unsubscribe link are not part of the draft: the composer adds them
 * when it builds the message.
 */
public final class DraftRules {

    /** The longest subject, in characters: one header line as RFC 5322 allows it (998 without CRLF). */
    public static final int MAX_SUBJECT = MessageComposer.MAX_LINE;

    /**
     * The longest run of a subject without a space: a header is folded at spaces only, and the first
     * line carries "Subject: " before the run.
     */
    static final int MAX_SUBJECT_RUN = MessageComposer.MAX_LINE - "Subject: ".length();

    /** The longest text body, in characters: far above any pitch, well below what a mail server takes. */
    public static final int MAX_BODY = 50_000;

    /**
     * One thing wrong with a draft.
     *
     * @param field  "Subject" or "text body", as {@link MessageRejected#field()} names it
     * @param reason a sentence saying what is wrong, with control characters shown, never raw
     */
    public record Problem(String field, String reason) {}

    private DraftRules() {}

    /** Everything wrong with the subject and body, subject first; empty when the draft can be sent. */
    public static List<Problem> problems(String subject, String textBody) {
        var problems = new ArrayList<Problem>();
        problems.addAll(subjectProblems(subject));
        problems.addAll(bodyProblems(textBody));
        return problems;
    }

    /** The reasons alone, for an answer that lists them. */
    public static List<String> reasons(String subject, String textBody) {
        return problems(subject, textBody).stream().map(Problem::reason).toList();
    }

    static List<Problem> subjectProblems(String subject) {
        var problems = new ArrayList<Problem>();
        if (subject == null || subject.isBlank()) {
            problems.add(new Problem("Subject", "the subject is empty"));
            return problems;
        }
        if (HeaderText.hasControl(subject)) {
            problems.add(new Problem(
                    "Subject",
                    "the Subject " + HeaderText.quoted(subject)
                            + " contains a line break or control character; it may not go into a header"));
        }
        if (subject.length() > MAX_SUBJECT) {
            problems.add(new Problem(
                    "Subject",
                    "the subject is " + subject.length() + " characters long; the limit is " + MAX_SUBJECT
                            + " (one header line)"));
        }
        int run = longestRun(subject);
        if (run > MAX_SUBJECT_RUN) {
            problems.add(new Problem(
                    "Subject",
                    "the subject has a run of " + run + " characters without a space, which cannot be folded into"
                            + " header lines of at most " + MessageComposer.MAX_LINE + " characters; break it with"
                            + " spaces (at most " + MAX_SUBJECT_RUN + " characters in a row)"));
        }
        return problems;
    }

    static List<Problem> bodyProblems(String textBody) {
        var problems = new ArrayList<Problem>();
        if (textBody == null || textBody.isBlank()) {
            problems.add(new Problem("text body", "the text body is empty"));
            return problems;
        }
        if (textBody.length() > MAX_BODY) {
            problems.add(new Problem(
                    "text body",
                    "the text body is " + textBody.length() + " characters long; the limit is " + MAX_BODY));
        }
        int bad = firstControl(textBody);
        if (bad >= 0) {
            int line = 1
                    + (int) textBody.substring(0, bad)
                            .chars()
                            .filter(c -> c == '\n')
                            .count();
            problems.add(new Problem(
                    "text body",
                    "the text body contains the control character "
                            + String.format("\\u%04X", textBody.codePointAt(bad)) + " on line " + line
                            + "; only line breaks and tabs may be in it"));
        }
        return problems;
    }

    /** Where the first control character other than CR, LF and tab is, or -1. */
    private static int firstControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\n' && c != '\r' && c != '\t' && (Character.isISOControl(c) || c == 0x2028 || c == 0x2029)) {
                return i;
            }
        }
        return -1;
    }

    private static int longestRun(String text) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = Character.isWhitespace(text.charAt(i)) ? 0 : run + 1;
            longest = Math.max(longest, run);
        }
        return longest;
    }
}

package dev.outreachpipeline.drafting;

/**
 * A rendered first-contact email, ready for approval and sending.
 *
 * @param subject  one line, no control characters, at most 998 characters, never empty
 * @param textBody the plain-text body, lines ending in \n: paragraphs one line each, separated by a
 *                 blank line (the send stage wraps them, see sending/FlowedText)
 * @param htmlBody the HTML body, every prospect-derived value escaped; null when HTML drafts are off,
 *                 or until the drafting stage makes it from the text ({@link HtmlFromText})
 * @param subjectVariant which of the subject template's lines the subject is, from 0
 */
public record Draft(String subject, String textBody, String htmlBody, int subjectVariant) {

    /** This draft with an HTML body made from its text, when it has none of its own. */
    public Draft withHtmlFromText() {
        return htmlBody != null ? this : new Draft(subject, textBody, HtmlFromText.html(textBody), subjectVariant);
    }

    /** A draft whose subject template offered one subject. */
    public Draft(String subject, String textBody, String htmlBody) {
        this(subject, textBody, htmlBody, 0);
    }
}

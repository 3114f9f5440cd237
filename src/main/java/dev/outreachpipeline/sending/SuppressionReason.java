package dev.outreachpipeline.sending;

import java.util.Locale;

/**
 * Why an entry is suppressed, as a person or another system says it: one of
 * {@link Suppressions#REASONS}, which the pipeline acts on, or words of their own ("asked by
 * phone"). Words are kept as a note beside the reason {@code manual}, so what was said is neither
 * refused nor mixed into the source.
 *
 * @param reason one of {@link Suppressions#REASONS}
 * @param note   the words, without control characters; null when there are none
 */
public record SuppressionReason(String reason, String note) {

    /** The longest note kept, in characters (the CHECK of V16). */
    public static final int NOTE_LIMIT = 500;

    public SuppressionReason {
        if (!Suppressions.REASONS.contains(reason)) {
            throw new IllegalArgumentException("unknown reason '" + reason + "'");
        }
        if (note != null && note.codePointCount(0, note.length()) > NOTE_LIMIT) {
            throw new IllegalArgumentException("the note is " + note.codePointCount(0, note.length())
                    + " characters long; at most " + NOTE_LIMIT + " are kept");
        }
    }

    /**
     * @param reasonText a known reason in any case, words, or empty for {@code manual}
     * @param noteText   a note given on its own (a file's note column), or null; kept after words
     *                   given as the reason
     * @throws IllegalArgumentException when the note would be longer than {@link #NOTE_LIMIT}
     */
    public static SuppressionReason of(String reasonText, String noteText) {
        String words = Suppressions.plainText(reasonText);
        String note = Suppressions.plainText(noteText);
        String known = words.toLowerCase(Locale.ROOT);
        if (known.isEmpty() || Suppressions.REASONS.contains(known)) {
            return new SuppressionReason(known.isEmpty() ? "manual" : known, note.isEmpty() ? null : note);
        }
        return new SuppressionReason("manual", note.isEmpty() ? words : words + "; " + note);
    }
}

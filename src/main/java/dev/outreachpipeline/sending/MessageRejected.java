package dev.outreachpipeline.sending;

/**
 * A message that must not be sent as it stands: a header value with a line break or control
 * character, an address that is not one plain address, a missing postal address. Nothing is repaired
 * silently, because a rewritten From or To is a different message from the one that was approved.
 */
public final class MessageRejected extends RuntimeException {

    private final String field;

    /**
     * @param field  the field at fault, e.g. "subject", "To"
     * @param reason a sentence that names the field and says what is wrong
     */
    public MessageRejected(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public MessageRejected(String field, String reason, Throwable cause) {
        super(reason, cause);
        this.field = field;
    }

    /** The field at fault, e.g. "subject", "To", "From", "Message-ID". */
    public String field() {
        return field;
    }
}

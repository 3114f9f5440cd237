package dev.outreachpipeline.drafting;

/**
 * This prospect's draft cannot be rendered (a template error, a missing value, a bad setting); the
 * message says which template or setting, and what to change. Other prospects are not affected.
 */
public final class DraftFailed extends RuntimeException {

    public DraftFailed(String message) {
        super(message);
    }

    public DraftFailed(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.outreachpipeline;

/**
 * A failure a person can act on: the message says what happened, to what, and what to do next.
 * The CLI prints it as it is (no stack trace) and exits with {@link #exitCode()}.
 */
public class OutreachException extends RuntimeException {

    private final int exitCode;

    public OutreachException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public OutreachException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}

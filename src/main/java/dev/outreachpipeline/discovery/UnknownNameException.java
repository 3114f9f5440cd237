package dev.outreachpipeline.discovery;

/** A location or category name that is not in its table; the message lists the valid names. */
public final class UnknownNameException extends IllegalArgumentException {

    public UnknownNameException(String message) {
        super(message);
    }
}

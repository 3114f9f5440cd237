package dev.outreachpipeline.replies;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What a reply matched to one of our messages says, as recorded in replies.class (V24). */
public enum ReplyClass {
    INTERESTED,
    NOT_INTERESTED,
    OUT_OF_OFFICE,
    UNSUBSCRIBE_REQUEST,
    BOUNCE,
    AUTO_REPLY,
    NEEDS_REVIEW;

    /** The name stored and shown: interested, not_interested, … */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(ReplyClass::id).toList();
    }
}

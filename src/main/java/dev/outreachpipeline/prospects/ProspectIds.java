package dev.outreachpipeline.prospects;

import java.util.UUID;

/** A prospect id as an operator types it. */
public final class ProspectIds {

    /** How an id looks, for messages. */
    public static final String FORM = "a UUID such as 3f0c2a9e-…, as `prospects list` shows";

    private ProspectIds() {}

    /** The id, or null when the text is not one. */
    public static UUID parseOrNull(String text) {
        if (text == null) {
            return null;
        }
        try {
            String t = text.trim();
            // UUID.fromString accepts shortened groups such as 1-2-3-4-5; a prospect id is the full form
            return t.length() == 36 ? UUID.fromString(t) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

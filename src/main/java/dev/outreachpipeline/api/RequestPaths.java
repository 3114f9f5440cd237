package dev.outreachpipeline.api;

/** A request's path as it may go into a log line or an answer: anyone can send any path. */
public final class RequestPaths {

    private static final int MAX_CHARS = 200;

    private RequestPaths() {}

    /** The path with every control character replaced by '?', and cut at 200 characters. */
    public static String printable(String path) {
        if (path == null) {
            return "";
        }
        String clean = path.replaceAll("[\\p{Cntrl}\\x{80}-\\x{9F}]", "?");
        return clean.length() > MAX_CHARS ? clean.substring(0, MAX_CHARS) + "…" : clean;
    }
}

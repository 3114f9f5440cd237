package dev.outreachpipeline.discovery;

/**
 * A place to search from: the name as the operator's request resolved it (e.g. {@code usa}) and the
 * DataForSEO {@code location_code} sent with the query (e.g. 2840).
 */
public record Location(String name, int code) {

    public Location {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a location needs a name");
        }
        if (code <= 0) {
            throw new IllegalArgumentException("a DataForSEO location code is a positive number, is " + code);
        }
    }
}

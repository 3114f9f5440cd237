package dev.outreachpipeline.db;

import java.time.Instant;
import java.time.OffsetDateTime;

/** Values as camel-sql hands them to beans, in the types the beans work with. */
public final class SqlValues {

    private SqlValues() {}

    /** A timestamptz column's value (OffsetDateTime, Timestamp, or its text), or null. */
    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        return OffsetDateTime.parse(value.toString()).toInstant();
    }
}

package dev.outreachpipeline.prospects;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * Where a page of prospects ends: the sort key (score, created_at, id) of its last row, so the next
 * page starts right after it whatever was added or changed meanwhile (keyset paging, never an
 * offset). Handed out as opaque text: URL-safe base64 of "score|created_at|id", the score empty when
 * the row has none.
 */
public record ProspectCursor(BigDecimal score, Instant createdAt, UUID id) {

    /** The cursor after this row of {@code prospects list}. */
    public static ProspectCursor after(Map<String, Object> row) {
        Object score = row.get("score");
        return new ProspectCursor(
                score == null ? null : new BigDecimal(score.toString()),
                instant(row.get("created_at")),
                UUID.fromString(row.get("id").toString()));
    }

    public String encode() {
        String key = (score == null ? "" : score.toPlainString()) + "|" + createdAt + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor this text encodes; an IllegalArgumentException saying so when it is none. */
    public static ProspectCursor decode(String text) {
        try {
            String key = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            String[] parts = key.split("\\|", -1);
            if (parts.length != 3) {
                throw new IllegalArgumentException("it has " + parts.length + " parts");
            }
            return new ProspectCursor(
                    parts[0].isEmpty() ? null : new BigDecimal(parts[0]),
                    Instant.parse(parts[1]),
                    UUID.fromString(parts[2]));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "cursor is not one this API handed out; pass next_cursor as it came, or leave it out to start"
                            + " at the top",
                    e);
        }
    }

    /** A row's created_at as JDBC hands it over (Timestamp or OffsetDateTime), as an instant. */
    static Instant instant(Object value) {
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (value instanceof Instant t) {
            return t;
        }
        throw new IllegalArgumentException("created_at is " + value);
    }
}

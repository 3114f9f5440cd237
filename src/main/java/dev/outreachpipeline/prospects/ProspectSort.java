package dev.outreachpipeline.prospects;

import dev.outreachpipeline.db.NamedParameters;
import dev.outreachpipeline.db.SqlStatement;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The orders a list of prospects can be read in, each paged by its own sort key (keyset paging, never
 * an offset): best score first (the order of {@code prospects list} and the API, with its {@link
 * ProspectCursor}), by domain, or newest first. A cursor is opaque text the page before handed out.
 */
public enum ProspectSort {
    SCORE(SqlStatement.LIST_PROSPECTS),
    DOMAIN(SqlStatement.LIST_PROSPECTS_BY_DOMAIN),
    NEWEST(SqlStatement.LIST_PROSPECTS_NEWEST);

    private final SqlStatement statement;

    ProspectSort(SqlStatement statement) {
        this.statement = statement;
    }

    /** The sort's name as a page or a URL gives it: score, domain, newest. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The sentence for a sort that is none of these. */
    public static String unknown(String given) {
        return "'" + given + "' is not a sort; use one of score, domain, newest";
    }

    /** The sort named {@code key}; an IllegalArgumentException with {@link #unknown} otherwise. */
    public static ProspectSort of(String key) {
        for (ProspectSort s : values()) {
            if (s.key().equals(key)) {
                return s;
            }
        }
        throw new IllegalArgumentException(unknown(key));
    }

    /** The cursor that starts the next page right after {@code row} (a row of this sort's statement). */
    public String cursorAfter(Map<String, Object> row) {
        if (this == SCORE) {
            return ProspectCursor.after(row).encode();
        }
        String key = (this == DOMAIN
                        ? row.get("domain").toString()
                        : ProspectCursor.instant(row.get("created_at")).toString())
                + "|" + row.get("id");
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * One page of a campaign's (or every, for a null campaign) prospects in this order; status, q and
     * cursor may be null (any, all, the top).
     *
     * @throws IllegalArgumentException when {@code cursor} is not one this sort handed out
     */
    public List<Map<String, Object>> page(
            javax.sql.DataSource dataSource, UUID campaignId, String status, String q, String cursor, int limit)
            throws java.sql.SQLException {
        var values = new HashMap<String, Object>();
        values.put("status", status);
        values.put("minScore", null);
        values.put("campaignId", campaignId);
        values.put("q", q);
        values.put("limit", limit);
        values.putAll(after(cursor));
        NamedParameters sql = statement.jdbc();
        return sql.rows(dataSource, values);
    }

    private Map<String, Object> after(String cursor) {
        var values = new HashMap<String, Object>();
        values.put("afterScore", null);
        values.put("afterCreated", null);
        values.put("afterDomain", null);
        values.put("afterId", null);
        if (cursor == null) {
            return values;
        }
        if (this == SCORE) {
            ProspectCursor c = ProspectCursor.decode(cursor);
            values.put("afterScore", c.score());
            values.put("afterCreated", c.createdAt().toString());
            values.put("afterId", c.id());
            return values;
        }
        try {
            String key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = key.lastIndexOf('|');
            if (bar < 0) {
                throw new IllegalArgumentException("no separator");
            }
            String first = key.substring(0, bar);
            values.put("afterId", UUID.fromString(key.substring(bar + 1)));
            if (this == DOMAIN) {
                values.put("afterDomain", first);
            } else {
                values.put("afterCreated", Instant.parse(first).toString());
            }
            return values;
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "cursor is not one this list handed out; follow the next-page link as it came, or leave it out"
                            + " to start at the top",
                    e);
        }
    }
}

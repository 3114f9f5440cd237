package dev.outreachpipeline.links;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A placement as JSON shows it, the one form `links list --json` and the API share: exactly the
 * fields scripts read, times as ISO-8601 instants, rel as a list.
 */
public final class LinkJson {

    public static final List<String> FIELDS = List.of(
            "id",
            "prospect_id",
            "campaign",
            "url",
            "target",
            "status",
            "rel",
            "anchor",
            "http_status",
            "noindex",
            "last_checked_at",
            "checks",
            "first_live_at",
            "lost_at");

    private LinkJson() {}

    /** @param row a row of sql/list-links.sql */
    public static Map<String, Object> of(Map<String, Object> row) {
        var out = new LinkedHashMap<String, Object>();
        for (String field : FIELDS) {
            Object v = row.get(field);
            if (field.endsWith("_at")) {
                v = v == null ? null : LinkState.instant(v).toString();
            } else if (field.equals("rel")) {
                v = rel(v);
            }
            out.put(field, v);
        }
        return out;
    }

    static List<String> rel(Object value) {
        try {
            if (value instanceof Array a) {
                return new ArrayList<>(Arrays.asList((String[]) a.getArray()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("rel could not be read: " + e.getMessage(), e);
        }
        return value instanceof String[] s ? List.of(s) : List.of();
    }
}

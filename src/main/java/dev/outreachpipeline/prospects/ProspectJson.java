package dev.outreachpipeline.prospects;

import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prospect rows as JSON shows them, the one form `prospects list/show --json` and the API share:
 * times and numbers as their text, the rest as they are.
 */
public final class ProspectJson {

    private ProspectJson() {}

    public static List<Map<String, Object>> rows(List<Map<String, Object>> rows) {
        var out = new ArrayList<Map<String, Object>>();
        for (Map<String, Object> row : rows) {
            out.add(row(row));
        }
        return out;
    }

    public static Map<String, Object> row(Map<String, Object> row) {
        var copy = new LinkedHashMap<String, Object>();
        row.forEach((k, v) -> copy.put(k, v instanceof Temporal || v instanceof Date ? v.toString() : v));
        return copy;
    }
}

package dev.outreachpipeline.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.outreachpipeline.sending.SuppressionReason;
import dev.outreachpipeline.sending.Suppressions;
import io.vertx.ext.web.RoutingContext;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * {@code GET/POST/DELETE /api/v1/suppressions}: the suppression list through {@link Suppressions},
 * with the checks of {@code outreach suppress add} and {@code remove}. A request with any bad entry
 * changes nothing and is answered 422 with every problem in it.
 */
final class SuppressionEndpoints {

    static final String DEFAULT_SOURCE = "added through the API";

    private final DataSource dataSource;

    SuppressionEndpoints(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Answer list(RoutingContext ctx) throws SQLException {
        var body = new LinkedHashMap<String, Object>();
        body.put("suppressions", new Suppressions(dataSource).list());
        return Answer.ok(body);
    }

    /** Body: {@code {"entries": ["a@b.example", "c.example"], "reason": "manual", "source": "..."}}. */
    Answer add(RoutingContext ctx) throws SQLException {
        String text = ctx.body().asString();
        if (text == null || text.isBlank()) {
            return Answer.refused(400, "nothing was suppressed", List.of("there is no body; send a JSON object"));
        }
        Map<?, ?> request;
        try {
            Object parsed = JsonAnswers.parse(text);
            if (!(parsed instanceof Map<?, ?> map)) {
                return Answer.refused(422, "nothing was suppressed", List.of("the body must be a JSON object"));
            }
            request = map;
        } catch (JsonProcessingException e) {
            return Answer.refused(
                    400, "nothing was suppressed", List.of("the body is not JSON: " + e.getOriginalMessage()));
        }
        var reasons = new ArrayList<String>();
        List<Suppressions.Entry> entries = entries(request.get("entries"), reasons);
        SuppressionReason why = null;
        Object reason = request.get("reason");
        if (reason != null && !(reason instanceof String)) {
            reasons.add("reason must be a string");
        } else {
            try {
                why = SuppressionReason.of((String) reason, null);
            } catch (IllegalArgumentException e) {
                reasons.add("the reason is not kept: " + e.getMessage());
            }
        }
        Object source = request.get("source");
        if (source != null && !(source instanceof String)) {
            reasons.add("source must be a string");
        }
        if (!reasons.isEmpty()) {
            return Answer.refused(422, "nothing was suppressed", reasons);
        }
        var list = new Suppressions(dataSource);
        var added = new ArrayList<String>();
        var known = new ArrayList<String>();
        for (Suppressions.Entry e : entries) {
            (list.add(e, why, source == null ? DEFAULT_SOURCE : (String) source) ? added : known).add(e.value());
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("suppressed", added);
        body.put("already_suppressed", known);
        return new Answer(added.isEmpty() ? 200 : 201, body);
    }

    /** {@code ?entry=a@b.example&entry=c.example}: lifts those; says which were not suppressed. */
    Answer remove(RoutingContext ctx) throws SQLException {
        var reasons = new ArrayList<String>();
        List<Suppressions.Entry> entries = entries(ctx.queryParam("entry"), reasons);
        if (!reasons.isEmpty()) {
            return Answer.refused(422, "nothing was removed", reasons);
        }
        var list = new Suppressions(dataSource);
        var removed = new ArrayList<String>();
        var missing = new ArrayList<String>();
        for (Suppressions.Entry e : entries) {
            (list.remove(e) ? removed : missing).add(e.value());
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("removed", removed);
        body.put("not_suppressed", missing);
        return Answer.ok(body);
    }

    /** Every entry parsed as `suppress add` parses its arguments; each one that is not adds a reason. */
    private static List<Suppressions.Entry> entries(Object given, List<String> reasons) {
        if (!(given instanceof List<?> items) || items.isEmpty()) {
            reasons.add("entries must name at least one email address or domain");
            return List.of();
        }
        var parsed = new ArrayList<Suppressions.Entry>();
        for (Object item : items) {
            if (!(item instanceof String text)) {
                reasons.add("every entry must be a string, '" + item + "' is not");
                continue;
            }
            try {
                parsed.add(Suppressions.Entry.parse(text));
            } catch (IllegalArgumentException e) {
                reasons.add(e.getMessage());
            }
        }
        return parsed;
    }
}

package dev.outreachpipeline.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.outreachpipeline.sending.SuppressionChanges;
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
            return Answer.refused(
                    400, SuppressionChanges.NOTHING_SUPPRESSED, List.of("there is no body; send a JSON object"));
        }
        Map<?, ?> request;
        try {
            Object parsed = JsonAnswers.parse(text);
            if (!(parsed instanceof Map<?, ?> map)) {
                return Answer.refused(
                        422, SuppressionChanges.NOTHING_SUPPRESSED, List.of("the body must be a JSON object"));
            }
            request = map;
        } catch (JsonProcessingException e) {
            return Answer.refused(
                    400,
                    SuppressionChanges.NOTHING_SUPPRESSED,
                    List.of("the body is not JSON: " + e.getOriginalMessage()));
        }
        var reasons = new ArrayList<String>();
        List<Suppressions.Entry> entries = SuppressionChanges.entries(request.get("entries"), reasons);
        SuppressionReason why = SuppressionChanges.reason(request.get("reason"), reasons);
        Object source = request.get("source");
        if (source != null && !(source instanceof String)) {
            reasons.add("source must be a string");
        }
        if (!reasons.isEmpty()) {
            return Answer.refused(422, SuppressionChanges.NOTHING_SUPPRESSED, reasons);
        }
        SuppressionChanges.Added added =
                new SuppressionChanges(dataSource).add(entries, why, source == null ? DEFAULT_SOURCE : (String) source);
        var body = new LinkedHashMap<String, Object>();
        body.put("suppressed", added.suppressed());
        body.put("already_suppressed", added.alreadySuppressed());
        return new Answer(added.suppressed().isEmpty() ? 200 : 201, body);
    }

    /** {@code ?entry=a@b.example&entry=c.example}: lifts those; says which were not suppressed. */
    Answer remove(RoutingContext ctx) throws SQLException {
        var reasons = new ArrayList<String>();
        List<Suppressions.Entry> entries = SuppressionChanges.entries(ctx.queryParam("entry"), reasons);
        if (!reasons.isEmpty()) {
            return Answer.refused(422, SuppressionChanges.NOTHING_REMOVED, reasons);
        }
        SuppressionChanges.Removed removed = new SuppressionChanges(dataSource).remove(entries);
        var body = new LinkedHashMap<String, Object>();
        body.put("removed", removed.removed());
        body.put("not_suppressed", removed.notSuppressed());
        return Answer.ok(body);
    }
}

package dev.outreachpipeline.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.outreachpipeline.prospects.DraftDecisions;
import dev.outreachpipeline.prospects.ProspectIds;
import io.vertx.ext.web.RoutingContext;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * {@code PUT /api/v1/prospects/{id}/draft}, {@code POST /api/v1/prospects/{id}/reject} and {@code
 * /unapprove}: an operator's decisions on one draft, through {@link DraftDecisions} (as the console
 * and {@code outreach prospects reject/unapprove} make them). A draft or reason that is not acceptable
 * is a 422 with every reason, a prospect whose status does not allow it a 409; neither changes anything.
 */
final class DraftEndpoints {

    private final DataSource dataSource;

    DraftEndpoints(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Body {@code {"subject": "…", "body": "…"}}, both required. */
    Answer edit(RoutingContext ctx) throws SQLException {
        String error = "the draft was not saved";
        UUID id = ProspectIds.parseOrNull(ctx.pathParam("id"));
        if (id == null) {
            return Answer.refused(422, error, List.of(ProspectEndpoints.notAnId(ctx.pathParam("id"))));
        }
        Object parsed = body(ctx, error);
        if (parsed instanceof Answer notJson) {
            return notJson;
        }
        Map<?, ?> request = (Map<?, ?>) parsed;
        var reasons = new ArrayList<String>();
        String subject = text(request, "subject", reasons);
        String body = text(request, "body", reasons);
        if (!reasons.isEmpty()) {
            return Answer.refused(422, error, reasons);
        }
        return answer(new DraftDecisions(dataSource).edit(id, subject, body), id, error);
    }

    /** Body {@code {"reason": "…"}}, required. */
    Answer reject(RoutingContext ctx) throws SQLException {
        String error = "the prospect was not rejected";
        UUID id = ProspectIds.parseOrNull(ctx.pathParam("id"));
        if (id == null) {
            return Answer.refused(422, error, List.of(ProspectEndpoints.notAnId(ctx.pathParam("id"))));
        }
        Object parsed = body(ctx, error);
        if (parsed instanceof Answer notJson) {
            return notJson;
        }
        Object reason = ((Map<?, ?>) parsed).get("reason");
        if (reason != null && !(reason instanceof String)) {
            return Answer.refused(422, error, List.of("reason must be text"));
        }
        return answer(new DraftDecisions(dataSource).reject(id, (String) reason), id, error);
    }

    Answer unapprove(RoutingContext ctx) throws SQLException {
        String error = "the prospect was not unapproved";
        UUID id = ProspectIds.parseOrNull(ctx.pathParam("id"));
        if (id == null) {
            return Answer.refused(422, error, List.of(ProspectEndpoints.notAnId(ctx.pathParam("id"))));
        }
        return answer(new DraftDecisions(dataSource).unapprove(id), id, error);
    }

    private static Answer answer(DraftDecisions.Outcome outcome, UUID id, String error) {
        return switch (outcome.result()) {
            case DONE -> {
                var body = new LinkedHashMap<String, Object>();
                body.put("id", id.toString());
                body.put("outreach_status", outcome.status());
                if (outcome.note() != null) {
                    body.put("note", outcome.note());
                }
                yield Answer.ok(body);
            }
            case UNKNOWN -> Answer.refused(404, "no such prospect", outcome.reasons());
            case CONFLICT -> Answer.refused(409, error, outcome.reasons());
            case INVALID -> Answer.refused(422, error, outcome.reasons());
        };
    }

    /** The request's JSON object (a missing body is an empty one), or the Answer refusing it. */
    static Object body(RoutingContext ctx, String error) {
        String text = ctx.body().asString();
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        try {
            Object parsed = JsonAnswers.parse(text);
            if (parsed instanceof Map<?, ?> map) {
                return map;
            }
            return Answer.refused(422, error, List.of("the body must be a JSON object"));
        } catch (JsonProcessingException e) {
            return Answer.refused(400, error, List.of("the body is not JSON: " + e.getOriginalMessage()));
        }
    }

    /** A required text field; a missing or non-text one adds a reason. */
    private static String text(Map<?, ?> request, String name, List<String> reasons) {
        Object value = request.get(name);
        if (value == null) {
            reasons.add(name + " is required");
            return null;
        }
        if (!(value instanceof String s)) {
            reasons.add(name + " must be text");
            return null;
        }
        return s;
    }
}

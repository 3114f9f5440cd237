package dev.outreachpipeline.api;

import dev.outreachpipeline.prospects.ProspectIds;
import dev.outreachpipeline.prospects.ProspectStages;
import io.vertx.ext.web.RoutingContext;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * {@code POST /api/v1/prospects/{id}/stage} with {@code {"stage": "...", "note": "..."}}: the operator
 * moves a prospect to a stage after contact, as {@code outreach prospects stage ID STAGE --note TEXT}
 * does ({@link ProspectStages}); the change is kept in its history by "api". An unknown stage is a 422
 * listing the valid ones, an unknown prospect a 404.
 */
final class StageEndpoint {

    private static final String ERROR = "the prospect's stage was not changed";

    private final ProspectStages stages;

    StageEndpoint(DataSource dataSource) {
        this.stages = new ProspectStages(dataSource);
    }

    Answer move(RoutingContext ctx) throws SQLException {
        String typed = ctx.pathParam("id");
        UUID id = ProspectIds.parseOrNull(typed);
        if (id == null) {
            return Answer.refused(422, ERROR, List.of(ProspectEndpoints.notAnId(typed)));
        }
        Object parsed = DraftEndpoints.body(ctx, ERROR);
        if (parsed instanceof Answer notJson) {
            return notJson;
        }
        Map<?, ?> request = (Map<?, ?>) parsed;
        Object stage = request.get("stage");
        Object note = request.get("note");
        if (!(stage instanceof String s)) {
            return Answer.refused(
                    422,
                    ERROR,
                    List.of((stage == null ? "stage is required" : "stage must be text") + "; use one of "
                            + String.join(", ", ProspectStages.ALL)));
        }
        if (note != null && !(note instanceof String)) {
            return Answer.refused(422, ERROR, List.of("note must be text"));
        }
        String invalid = ProspectStages.invalid(s);
        if (invalid != null) {
            return Answer.refused(422, ERROR, List.of(invalid));
        }
        ProspectStages.Outcome outcome = stages.move(id, s, (String) note, "api");
        if (!outcome.found()) {
            return Answer.refused(404, "no such prospect", List.of(outcome.refusal()));
        }
        if (outcome.refusal() != null) {
            return Answer.refused(422, ERROR, List.of(outcome.refusal()));
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("id", id.toString());
        body.put("from_stage", outcome.from());
        body.put("stage", outcome.to());
        body.put("changed", outcome.changed());
        body.put("history", stages.history(id));
        return Answer.ok(body);
    }
}

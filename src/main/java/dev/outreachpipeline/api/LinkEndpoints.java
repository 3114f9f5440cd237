package dev.outreachpipeline.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.outreachpipeline.links.LinkCheck;
import dev.outreachpipeline.links.LinkChecker;
import dev.outreachpipeline.links.LinkJson;
import dev.outreachpipeline.links.LinkRequest;
import dev.outreachpipeline.links.LinkStatus;
import dev.outreachpipeline.links.LinkStore;
import io.vertx.ext.web.RoutingContext;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * {@code /api/v1/links}: list placements, add one, check one now — what {@code links list --json},
 * {@code links add} and {@code links check ID} do, through the same {@link LinkStore},
 * {@link LinkRequest} and {@link LinkChecker}, with the same JSON ({@link LinkJson}).
 */
final class LinkEndpoints {

    static final String NOT_ADDED = "the placement was not added";
    static final String NOT_CHECKED = "the placement was not checked";

    private final DataSource dataSource;
    private final Supplier<LinkChecker> checker;

    /** @param checker the daemon's link checker (its settings), asked for when a check is requested */
    LinkEndpoints(DataSource dataSource, Supplier<LinkChecker> checker) {
        this.dataSource = dataSource;
        this.checker = checker;
    }

    /** {@code ?campaign=NAME&status=S}: {@code {"links": [...]}}. */
    Answer list(RoutingContext ctx) throws SQLException {
        String campaign = ctx.queryParams().get("campaign");
        String status = ctx.queryParams().get("status");
        if (status != null && LinkStatus.of(status).isEmpty()) {
            return Answer.refused(
                    422,
                    "the placements were not listed",
                    List.of("there is no link status '" + status + "'; the statuses are: "
                            + String.join(", ", LinkStatus.NAMES)));
        }
        var body = new LinkedHashMap<String, Object>();
        body.put(
                "links",
                new LinkStore(dataSource)
                        .list(campaign, status).stream().map(LinkJson::of).toList());
        return Answer.ok(body);
    }

    /** Body: {@code {"prospect_id": ..., "url": ..., "anchor": ..., "target": ...}}; 201 with the placement. */
    Answer add(RoutingContext ctx) throws SQLException {
        String text = ctx.body().asString();
        if (text == null || text.isBlank()) {
            return Answer.refused(400, NOT_ADDED, List.of("there is no body; send a JSON object"));
        }
        Map<?, ?> request;
        try {
            Object parsed = JsonAnswers.parse(text);
            if (!(parsed instanceof Map<?, ?> map)) {
                return Answer.refused(422, NOT_ADDED, List.of("the body must be a JSON object"));
            }
            request = map;
        } catch (JsonProcessingException e) {
            return Answer.refused(400, NOT_ADDED, List.of("the body is not JSON: " + e.getOriginalMessage()));
        }
        for (String field : List.of("prospect_id", "url", "anchor", "target")) {
            Object v = request.get(field);
            if (v != null && !(v instanceof String)) {
                return Answer.refused(422, NOT_ADDED, List.of(field + " must be a string"));
            }
        }
        if (request.get("prospect_id") == null || request.get("url") == null) {
            return Answer.refused(422, NOT_ADDED, List.of("prospect_id and url are required"));
        }
        var store = new LinkStore(dataSource);
        LinkRequest.Outcome outcome = new LinkRequest(store)
                .add(
                        (String) request.get("prospect_id"),
                        (String) request.get("url"),
                        (String) request.get("anchor"),
                        (String) request.get("target"));
        if (!outcome.added()) {
            return Answer.refused(422, NOT_ADDED, outcome.problems());
        }
        var body = new LinkedHashMap<String, Object>(
                LinkJson.of(store.find(outcome.linkId()).orElseThrow()));
        body.put("warnings", outcome.warnings());
        return new Answer(201, body);
    }

    /** Checks the placement now and records the check; answers with the placement after it and the check's line. */
    Answer check(RoutingContext ctx) throws SQLException {
        String id = ctx.pathParam("id");
        if (!LinkRequest.isUuid(id)) {
            return Answer.refused(404, NOT_CHECKED, List.of("'" + id + "' is not a placement id (a UUID)"));
        }
        id = UUID.fromString(id).toString();
        var store = new LinkStore(dataSource);
        LinkChecker links = checker == null ? null : checker.get();
        if (links == null) {
            return Answer.refused(503, NOT_CHECKED, List.of("link checks are not set up in this process"));
        }
        Optional<Map<String, Object>> row = store.toCheck("{\"ids\": [\"" + id + "\"]}", links.now()).stream()
                .findFirst();
        if (row.isEmpty()) {
            return Answer.refused(404, NOT_CHECKED, List.of("there is no placement " + id));
        }
        LinkCheck check;
        try {
            check = links.check(row.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.refused(503, NOT_CHECKED, List.of("the daemon is stopping"));
        }
        store.record(check);
        var body = new LinkedHashMap<String, Object>(LinkJson.of(store.find(id).orElseThrow()));
        body.put("check", check.line());
        return Answer.ok(body);
    }
}

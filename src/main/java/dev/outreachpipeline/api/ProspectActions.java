package dev.outreachpipeline.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.outreachpipeline.prospects.HandBack;
import dev.outreachpipeline.prospects.ProspectIds;
import dev.outreachpipeline.prospects.ProspectStore;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * {@code POST /api/v1/prospects/{id}/approve}, {@code /redraft}, {@code /resend} and the bulk {@code
 * POST /api/v1/prospects/approve}: the decisions of {@code outreach prospects approve}, {@code
 * redraft} and {@code resend}, through the same {@link ProspectStore} and {@link HandBack}. A prospect
 * that moved is answered with its new status; one that did not is a 409 with the reason.
 */
final class ProspectActions {

    /** Where the jobs these actions enqueue say they came from. */
    static final String ORIGIN = "api";

    private final DataSource dataSource;

    ProspectActions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Answer approve(RoutingContext ctx) throws SQLException {
        String typed = ctx.pathParam("id");
        UUID id = ProspectIds.parseOrNull(typed);
        if (id == null) {
            return Answer.refused(422, "the prospect was not approved", List.of(ProspectEndpoints.notAnId(typed)));
        }
        var store = new ProspectStore(dataSource);
        int approved = store.approve(List.of(id), false, null, null);
        Optional<String> status = status(store, id);
        if (status.isEmpty()) {
            return unknown(id);
        }
        if (approved == 0) {
            return Answer.refused(
                    409,
                    "the prospect was not approved",
                    List.of("it is " + status.get() + "; only drafted prospects can be approved"));
        }
        return moved(id, status.get(), null);
    }

    Answer redraft(RoutingContext ctx) throws SQLException {
        return handBack(ctx, HandBack.Kind.REDRAFT, "the prospect was not redrafted");
    }

    Answer resend(RoutingContext ctx) throws SQLException {
        return handBack(ctx, HandBack.Kind.RESEND, "the prospect was not resent");
    }

    /** Body {@code {"campaign": "NAME", "min_score": N}}, both optional: every drafted prospect of them. */
    Answer approveAll(RoutingContext ctx) throws SQLException {
        String text = ctx.body().asString();
        Map<?, ?> request;
        if (text == null || text.isBlank()) {
            request = Map.of();
        } else {
            try {
                Object parsed = JsonAnswers.parse(text);
                if (!(parsed instanceof Map<?, ?> map)) {
                    return Answer.refused(422, "nothing was approved", List.of("the body must be a JSON object"));
                }
                request = map;
            } catch (JsonProcessingException e) {
                return Answer.refused(
                        400, "nothing was approved", List.of("the body is not JSON: " + e.getOriginalMessage()));
            }
        }
        var reasons = new ArrayList<String>();
        UUID campaignId = null;
        Object campaign = request.get("campaign");
        if (campaign != null && !(campaign instanceof String)) {
            reasons.add("campaign must be a campaign's name");
        } else {
            campaignId = new ProspectEndpoints(dataSource, null).campaignId((String) campaign, reasons);
        }
        Object score = request.get("min_score");
        BigDecimal minScore = null;
        if (score instanceof Number || score instanceof String) {
            minScore = ProspectEndpoints.minScore(score.toString(), reasons);
        } else if (score != null) {
            reasons.add("min_score must be a number between 0 and 100, not " + score);
        }
        if (!reasons.isEmpty()) {
            return Answer.refused(422, "nothing was approved", reasons);
        }
        int approved = new ProspectStore(dataSource).approve(List.of(), true, minScore, campaignId);
        var body = new LinkedHashMap<String, Object>();
        body.put("approved", approved);
        return Answer.ok(body);
    }

    private Answer handBack(RoutingContext ctx, HandBack.Kind kind, String error) throws SQLException {
        String typed = ctx.pathParam("id");
        UUID id = ProspectIds.parseOrNull(typed);
        if (id == null) {
            return Answer.refused(422, error, List.of(ProspectEndpoints.notAnId(typed)));
        }
        HandBack.Outcome outcome = new HandBack(dataSource).handBack(kind, List.of(id.toString()), ORIGIN);
        Optional<String> status = status(new ProspectStore(dataSource), id);
        if (status.isEmpty()) {
            return unknown(id);
        }
        if (outcome.moved().isEmpty()) {
            return Answer.refused(409, error, List.copyOf(outcome.refused().values()));
        }
        return moved(id, status.get(), outcome.job());
    }

    private static Optional<String> status(ProspectStore store, UUID id) throws SQLException {
        return store.find(id).map(p -> String.valueOf(p.get("outreach_status")));
    }

    private static Answer unknown(UUID id) {
        return Answer.refused(404, "no such prospect", List.of("no prospect has the id " + id));
    }

    /** The prospect's new status, and the job that will work on it when one was enqueued or named. */
    private static Answer moved(UUID id, String status, UUID job) {
        var body = new LinkedHashMap<String, Object>();
        body.put("id", id.toString());
        body.put("outreach_status", status);
        if (job != null) {
            body.put("job", job.toString());
        }
        return Answer.ok(body);
    }
}

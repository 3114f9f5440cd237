package dev.outreachpipeline.api;

import dev.outreachpipeline.prospects.MarkSent;
import dev.outreachpipeline.prospects.ProspectIds;
import io.vertx.ext.web.RoutingContext;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * {@code POST /api/v1/prospects/{id}/mark-sent}: the operator found a {@code send_unknown} message in
 * the mailbox's Sent folder; the prospect becomes sent as after an accepted send ({@link MarkSent}), as
 * {@code outreach prospects mark-sent ID} and the console's sending page do. Any other status is a 409
 * with the reason.
 */
final class MarkSentEndpoint {

    private static final String ERROR = "the prospect was not marked sent";

    private final MarkSent markSent;

    MarkSentEndpoint(DataSource dataSource, Map<String, String> mailboxAddresses) {
        this.markSent = new MarkSent(dataSource, mailboxAddresses);
    }

    Answer markSent(RoutingContext ctx) throws SQLException {
        String typed = ctx.pathParam("id");
        UUID id = ProspectIds.parseOrNull(typed);
        if (id == null) {
            return Answer.refused(422, ERROR, List.of(ProspectEndpoints.notAnId(typed)));
        }
        MarkSent.Outcome outcome = markSent.markSent(id, "the operator (api)");
        if (outcome.status() == null) {
            return Answer.refused(404, "no such prospect", List.of(outcome.refusal()));
        }
        if (!outcome.marked()) {
            return Answer.refused(409, ERROR, List.of(outcome.refusal()));
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("id", id.toString());
        body.put("outreach_status", outcome.status());
        body.put("step", outcome.step());
        body.put("sent_at", outcome.sentAt().toString());
        return Answer.ok(body);
    }
}

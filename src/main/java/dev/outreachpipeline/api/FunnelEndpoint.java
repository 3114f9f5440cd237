package dev.outreachpipeline.api;

import dev.outreachpipeline.campaigns.Campaign;
import dev.outreachpipeline.campaigns.CampaignStore;
import dev.outreachpipeline.campaigns.StageFunnel;
import io.vertx.ext.web.RoutingContext;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * {@code GET /api/v1/funnel?campaign=&since=}: how many prospects reached each step from discovered to
 * replied, with the rates, from {@link StageFunnel} (the counts {@code campaign show} prints). {@code
 * since} narrows to the prospects discovered from then on: a date (from its start, UTC) or a timestamp
 * with its offset.
 */
final class FunnelEndpoint {

    private final DataSource dataSource;

    FunnelEndpoint(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Answer funnel(RoutingContext ctx) throws SQLException {
        String campaign = ctx.queryParams().get("campaign");
        String sinceText = ctx.queryParams().get("since");
        var reasons = new ArrayList<String>();
        UUID campaignId = null;
        if (campaign != null && !campaign.isEmpty()) {
            Optional<Campaign> found = new CampaignStore(dataSource).find(campaign);
            if (found.isEmpty()) {
                reasons.add(new CampaignStore(dataSource).unknown(campaign));
            } else {
                campaignId = found.get().id();
            }
        }
        OffsetDateTime since = null;
        if (sinceText != null && !sinceText.isEmpty()) {
            since = since(sinceText);
            if (since == null) {
                reasons.add("since must be a date (2026-05-01) or a timestamp with its offset (2026-05-01T08:00:00Z),"
                        + " not '" + RequestPaths.printable(sinceText) + "'");
            }
        }
        if (!reasons.isEmpty()) {
            return Answer.refused(422, "the funnel was not counted", reasons);
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("campaign", campaignId == null ? null : campaign);
        body.put("since", since == null ? null : since.toString());
        body.put("steps", StageFunnel.read(dataSource, campaignId, since).json());
        return Answer.ok(body);
    }

    /** A date (its start in UTC) or a timestamp with an offset; null when it is neither. */
    static OffsetDateTime since(String text) {
        try {
            return LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException notADate) {
            try {
                return OffsetDateTime.parse(text);
            } catch (DateTimeParseException notATimestamp) {
                return null;
            }
        }
    }
}

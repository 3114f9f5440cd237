package dev.outreachpipeline.api;

import dev.outreachpipeline.campaigns.Campaign;
import dev.outreachpipeline.campaigns.CampaignStore;
import dev.outreachpipeline.management.PipelineStatus;
import io.vertx.ext.web.RoutingContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * {@code GET /api/v1/status[?campaign=NAME]}: what {@code outreach status --json} prints, from the same
 * {@link PipelineStatus}, with the daemon's own caps and mailbox.
 */
final class StatusEndpoint {

    private final DataSource dataSource;
    private final String mailbox;
    private final int dailyCap;
    private final int hourlyCap;

    StatusEndpoint(DataSource dataSource, String mailbox, int dailyCap, int hourlyCap) {
        this.dataSource = dataSource;
        this.mailbox = mailbox;
        this.dailyCap = dailyCap;
        this.hourlyCap = hourlyCap;
    }

    Answer status(RoutingContext ctx) throws SQLException {
        String campaign = ctx.queryParams().get("campaign");
        UUID campaignId = null;
        if (campaign != null) {
            Optional<Campaign> found = new CampaignStore(dataSource).find(campaign);
            if (found.isEmpty()) {
                return Answer.refused(
                        422, "no such campaign", List.of(new CampaignStore(dataSource).unknown(campaign)));
            }
            campaignId = found.get().id();
        }
        Map<String, Object> figures;
        try (Connection c = dataSource.getConnection()) {
            figures = new PipelineStatus(mailbox, dailyCap, hourlyCap, campaignId).read(c);
        }
        if (campaign == null) {
            return Answer.ok(figures);
        }
        // as `status --campaign NAME --json` puts it: the name first
        var narrowed = new LinkedHashMap<String, Object>();
        narrowed.put("campaign", campaign);
        narrowed.putAll(figures);
        return Answer.ok(narrowed);
    }
}

package dev.outreachpipeline.api;

import dev.outreachpipeline.campaigns.Campaign;
import dev.outreachpipeline.campaigns.CampaignStore;
import io.vertx.ext.web.RoutingContext;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@code GET /api/v1/campaigns} and {@code GET /api/v1/campaigns/{name}}: each campaign's settings and
 * funnel, the same fields as {@code outreach campaign show NAME --json}, from {@link CampaignStore}.
 */
final class CampaignEndpoints {

    private final DataSource dataSource;

    CampaignEndpoints(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Answer list(RoutingContext ctx) throws SQLException {
        var store = new CampaignStore(dataSource);
        var out = new ArrayList<Map<String, Object>>();
        for (CampaignStore.Listed listed : store.list()) {
            out.add(shown(store, listed.campaign()));
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("campaigns", out);
        return Answer.ok(body);
    }

    Answer show(RoutingContext ctx) throws SQLException {
        String name = ctx.pathParam("name");
        var store = new CampaignStore(dataSource);
        Optional<Campaign> found = store.find(name);
        if (found.isEmpty()) {
            return Answer.refused(404, "no such campaign", List.of(store.unknown(name)));
        }
        return Answer.ok(shown(store, found.get()));
    }

    /** The settings, then the funnel: what `campaign show --json` prints. */
    private static Map<String, Object> shown(CampaignStore store, Campaign c) throws SQLException {
        Map<String, Object> m = c.settings();
        m.put("funnel", store.funnel(c.id()).json());
        return m;
    }
}

package dev.outreachpipeline.api;

import dev.outreachpipeline.campaigns.Campaign;
import dev.outreachpipeline.campaigns.CampaignStore;
import dev.outreachpipeline.prospects.ProspectStatuses;
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
            return Answer.refused(404, "no such campaign", List.of(unknown(dataSource, name)));
        }
        return Answer.ok(shown(store, found.get()));
    }

    /** The settings, then the funnel: prospects by status in pipeline order, messages sent, replies. */
    private static Map<String, Object> shown(CampaignStore store, Campaign c) throws SQLException {
        CampaignStore.Funnel funnel = store.funnel(c.id());
        Map<String, Long> byStatus = inPipelineOrder(funnel.prospects());
        Map<String, Object> m = c.settings();
        var f = new LinkedHashMap<String, Object>();
        f.put("prospects", byStatus.values().stream().mapToLong(Long::longValue).sum());
        f.put("prospects_by_status", byStatus);
        f.put("messages_sent", funnel.messages());
        f.put("prospects_messaged", funnel.prospectsMessaged());
        f.put("replies", funnel.replies());
        m.put("funnel", f);
        return m;
    }

    /** The statuses in the order a prospect passes through them; any the code no longer sets after. */
    private static Map<String, Long> inPipelineOrder(Map<String, Long> counts) {
        var ordered = new LinkedHashMap<String, Long>();
        ProspectStatuses.ALL.forEach(s -> {
            if (counts.containsKey(s)) {
                ordered.put(s, counts.get(s));
            }
        });
        counts.keySet().stream().sorted().forEach(s -> ordered.putIfAbsent(s, counts.get(s)));
        return ordered;
    }

    /** The sentence for a name that is no campaign, naming the ones there are. */
    static String unknown(DataSource dataSource, String name) throws SQLException {
        List<String> names = new CampaignStore(dataSource).names();
        return "no campaign is named '" + name + "'"
                + (names.isEmpty() ? "" : "; the campaigns are: " + String.join(", ", names));
    }
}

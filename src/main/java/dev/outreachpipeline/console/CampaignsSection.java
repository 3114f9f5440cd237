package dev.outreachpipeline.console;

import dev.outreachpipeline.campaigns.Campaign;
import dev.outreachpipeline.campaigns.CampaignStore;
import dev.outreachpipeline.prospects.ProspectSort;
import dev.outreachpipeline.prospects.ProspectStore;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@code /campaigns}: every campaign with its funnel (what {@code campaign show} and {@code GET
 * /api/v1/campaigns} count), and {@code /campaigns/{name}}: one campaign's settings, funnel and
 * prospects, filtered by status, searched (domain, title, contact), sorted (score, domain, newest) and
 * paged by their sort key as the API's cursor pages them. A drafted prospect links to the review queue.
 */
final class CampaignsSection implements ConsoleSection {

    static final int PAGE = 50;

    @Override
    public void mount(ConsoleRouter router) {
        DataSource dataSource = router.services().dataSource();
        router.get("/campaigns", ctx -> list(dataSource));
        router.get("/campaigns/:name", ctx -> show(dataSource, ctx.pathParam("name"), ctx));
    }

    private static ConsoleReply list(DataSource dataSource) throws SQLException {
        var store = new CampaignStore(dataSource);
        var campaigns = new ArrayList<Map<String, Object>>();
        for (CampaignStore.Listed listed : store.list()) {
            Campaign c = listed.campaign();
            Map<String, Object> row = funnel(store.funnel(c.id()));
            row.put("name", c.name());
            row.put("href", path(c.name()));
            row.put("status", c.status());
            row.put("mailbox", RequestValues.text(c.mailbox()));
            row.put("schedule", RequestValues.text(c.schedule()));
            campaigns.add(row);
        }
        return ConsoleReply.page("campaigns.html.ftl", Map.of("campaigns", campaigns));
    }

    private static ConsoleReply show(DataSource dataSource, String name, io.vertx.ext.web.RoutingContext ctx)
            throws SQLException {
        var store = new CampaignStore(dataSource);
        Optional<Campaign> found = store.find(name);
        if (found.isEmpty()) {
            return new ConsoleReply.Page(
                    404,
                    "error.html.ftl",
                    Map.of("title", "No such campaign", "reasons", List.of(store.unknown(name))));
        }
        Campaign campaign = found.get();
        var model = new HashMap<String, Object>();
        model.put("name", campaign.name());
        model.put("base", path(campaign.name()));
        model.put("review", RequestValues.link("/review", "campaign", campaign.name()));
        model.put("settings", settings(campaign));
        model.put("funnel", funnel(store.funnel(campaign.id())));

        // the prospects: every bad parameter is one reason, as the API's list says them
        var reasons = new ArrayList<String>();
        var prospects = new ProspectStore(dataSource);
        List<String> statuses = prospects.statuses();
        String status = RequestValues.query(ctx, "status");
        if (status != null && !statuses.contains(status)) {
            reasons.add("'" + status + "' is not a prospect status; use one of " + String.join(", ", statuses));
        }
        String sortKey = RequestValues.query(ctx, "sort");
        ProspectSort sort = ProspectSort.SCORE;
        if (sortKey != null) {
            try {
                sort = ProspectSort.of(sortKey);
            } catch (IllegalArgumentException e) {
                reasons.add(e.getMessage());
            }
        }
        String q = RequestValues.query(ctx, "q");
        String cursor = RequestValues.query(ctx, "cursor");
        model.put("statuses", statuses);
        model.put("status", RequestValues.text(status));
        model.put("sort", sort.key());
        model.put("q", RequestValues.text(q));
        model.put("rows", List.of());
        if (reasons.isEmpty()) {
            try {
                // one row more than a page says whether there is a next one
                List<Map<String, Object>> rows = sort.page(dataSource, campaign.id(), status, q, cursor, PAGE + 1);
                boolean more = rows.size() > PAGE;
                List<Map<String, Object>> page = more ? rows.subList(0, PAGE) : rows;
                model.put("rows", page.stream().map(CampaignsSection::prospect).toList());
                String base = path(campaign.name());
                if (more) {
                    model.put(
                            "next",
                            RequestValues.link(
                                    base,
                                    "status",
                                    status,
                                    "sort",
                                    sort.key(),
                                    "q",
                                    q,
                                    "cursor",
                                    sort.cursorAfter(page.get(PAGE - 1))));
                }
                if (cursor != null) {
                    model.put("first", RequestValues.link(base, "status", status, "sort", sort.key(), "q", q));
                }
            } catch (IllegalArgumentException e) {
                reasons.add(e.getMessage());
            }
        }
        if (!reasons.isEmpty()) {
            model.put("reasons", reasons);
            return new ConsoleReply.Page(422, "campaign.html.ftl", model);
        }
        return ConsoleReply.page("campaign.html.ftl", model);
    }

    static String path(String name) {
        return "/campaigns/" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The settings as label and value, as `campaign show` names them. */
    private static List<Map<String, String>> settings(Campaign c) {
        var out = new ArrayList<Map<String, String>>();
        add(out, "Status", c.status());
        add(out, "Mailbox", c.mailbox());
        add(out, "Target site", c.siteUrl());
        add(out, "Keywords", String.join(", ", c.keywords()));
        add(out, "Categories", String.join(", ", c.categories()));
        add(out, "Locations", String.join(", ", c.locations()));
        add(
                out,
                "Max results",
                c.maxResults() == null
                        ? "the default (outreach.discovery.default-max-results)"
                        : c.maxResults().toString());
        add(out, "Schedule", c.schedule() == null ? "none (discovery only when asked)" : c.schedule());
        add(out, "Templates", c.templatesDir() == null ? "the global templates" : c.templatesDir());
        add(out, "Paused", Campaign.PAUSED.equals(c.status()) ? "yes" : "no");
        add(out, "Created", RequestValues.time(c.createdAt()));
        add(out, "Updated", RequestValues.time(c.updatedAt()));
        return out;
    }

    private static void add(List<Map<String, String>> out, String label, String value) {
        out.add(Map.of("label", label, "value", value == null || value.isEmpty() ? "—" : value));
    }

    /** The funnel's counts: prospects, by status in pipeline order, messages sent, replies. */
    private static Map<String, Object> funnel(CampaignStore.Funnel funnel) {
        var m = new HashMap<String, Object>();
        m.put("prospects", funnel.prospectCount());
        var byStatus = new ArrayList<Map<String, Object>>();
        funnel.inPipelineOrder().forEach((status, count) -> {
            var one = new LinkedHashMap<String, Object>();
            one.put("status", status);
            one.put("count", count);
            byStatus.add(one);
        });
        m.put("byStatus", byStatus);
        m.put("messages", funnel.messages());
        m.put("messaged", funnel.prospectsMessaged());
        m.put("replies", funnel.replies());
        return m;
    }

    private static Map<String, Object> prospect(Map<String, Object> row) {
        var m = new HashMap<String, Object>();
        m.put("id", RequestValues.text(row.get("id")));
        m.put("domain", RequestValues.text(row.get("domain")));
        String url = RequestValues.text(row.get("page_url"));
        // a link only to a web page: a page URL from a SERP could be javascript:…
        m.put("url", url.startsWith("https://") || url.startsWith("http://") ? url : "");
        m.put("title", RequestValues.text(row.get("page_title")));
        m.put("contact", RequestValues.text(row.get("contact_email")));
        m.put("score", RequestValues.text(row.get("score")));
        m.put("status", RequestValues.text(row.get("outreach_status")));
        m.put("created", RequestValues.time(row.get("created_at")));
        m.put("drafted", "drafted".equals(row.get("outreach_status")));
        return m;
    }
}

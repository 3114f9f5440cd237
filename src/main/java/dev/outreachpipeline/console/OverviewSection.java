package dev.outreachpipeline.console;

import dev.outreachpipeline.campaigns.Campaign;
import dev.outreachpipeline.campaigns.CampaignStore;
import dev.outreachpipeline.campaigns.StageFunnel;
import dev.outreachpipeline.config.OutreachConfig;
import dev.outreachpipeline.management.PipelineStatus;
import dev.outreachpipeline.sending.SendSettings;
import dev.outreachpipeline.sending.SmtpSettings;
import io.vertx.ext.web.RoutingContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.quartz.CronExpression;

/**
 * The console's first page, {@code GET /[?campaign=NAME]}: the funnel ({@link StageFunnel}, as {@code
 * GET /api/v1/funnel} and {@code campaign show} count it) as a bar chart and a table, provider calls and
 * spend today and this month, sends today, the suppression count ({@link PipelineStatus}, as {@code
 * outreach status} reads them), the daemon's schedules with when each fires next, and who is logged in.
 */
final class OverviewSection implements ConsoleSection {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    /** The schedules routes/15-schedules runs, by their setting, with the Quartz trigger each one is. */
    private static final List<String[]> SCHEDULES = List.of(
            new String[] {
                "Discovery (the saved search in settings, when automation is on)",
                "outreach.schedule.discovery-cron",
                "scheduled-discovery"
            },
            new String[] {"Sending", "outreach.schedule.send-cron", "scheduled-sending"},
            new String[] {"Follow-ups due", "outreach.schedule.followup-cron", "scheduled-followups"},
            new String[] {"Reply check", "outreach.schedule.replies-cron", "scheduled-reply-check"});

    /** The chart's geometry (SVG user units): a label column, then bars as long as their share of discovered. */
    private static final int LABEL_WIDTH = 110;

    private static final int BAR_MAX = 380;
    private static final int ROW = 34;
    private static final int BAR_HEIGHT = 24;

    @Override
    public void mount(ConsoleRouter router) {
        router.get("/", ctx -> overview(router.services(), ctx));
    }

    private static ConsoleReply overview(ConsoleServices services, RoutingContext ctx) throws SQLException {
        var model = new HashMap<String, Object>();
        var store = new CampaignStore(services.dataSource());
        String asked = ctx.queryParams().get("campaign");
        UUID campaignId = null;
        String campaign = "";
        int status = 200;
        if (asked != null && !asked.isEmpty()) {
            Optional<Campaign> found = store.find(asked);
            if (found.isPresent()) {
                campaignId = found.get().id();
                campaign = asked;
            } else {
                status = 422;
                List<String> names = store.names();
                model.put("error", "There is no such campaign; the funnel below is every campaign's.");
                model.put(
                        "reasons",
                        List.of("no campaign is named '" + asked + "'"
                                + (names.isEmpty() ? "" : "; the campaigns are: " + String.join(", ", names))));
            }
        }
        model.put("campaigns", store.names());
        model.put("campaign", campaign);
        funnel(model, StageFunnel.read(services.dataSource(), campaignId, null));
        figures(model, services.config(), services);
        model.put("schedules", schedules(services.config(), model, services.clock()));
        model.put("campaignSchedules", campaignSchedules(store, services.clock()));
        model.put("who", "the operator (admin token)");
        Object since = ctx.session().get(ConsoleRoutes.LOGGED_IN);
        Object from = ctx.session().get(ConsoleRoutes.LOGGED_IN_FROM);
        model.put("since", String.valueOf(since));
        model.put("from", String.valueOf(from));
        return new ConsoleReply.Page(status, "overview.html.ftl", model);
    }

    /** The steps as the chart and the table show them; numbers as text, so no locale formats them. */
    private static void funnel(Map<String, Object> model, StageFunnel funnel) {
        long discovered = funnel.count("discovered");
        var steps = new ArrayList<Map<String, Object>>();
        var summary = new StringBuilder();
        int i = 0;
        for (StageFunnel.Step s : funnel.steps()) {
            var m = new LinkedHashMap<String, Object>();
            m.put("step", s.name());
            m.put("count", String.valueOf(s.count()));
            m.put("ofPrevious", s.ofPrevious() == null ? "–" : StageFunnel.percent(s.ofPrevious()));
            m.put("ofDiscovered", StageFunnel.percent(s.ofDiscovered()));
            m.put("counts", s.counts());
            int y = i * ROW;
            long width = discovered == 0 ? 0 : Math.round((double) BAR_MAX * s.count() / discovered);
            m.put("y", String.valueOf(y));
            m.put("textY", String.valueOf(y + BAR_HEIGHT / 2 + 5));
            m.put("barWidth", String.valueOf(width));
            m.put("valueX", String.valueOf(LABEL_WIDTH + width + 8));
            m.put(
                    "value",
                    s.count()
                            + (s.ofPrevious() == null
                                    ? ""
                                    : " · " + StageFunnel.percent(s.ofPrevious()) + " of "
                                            + funnel.steps().get(i - 1).name()));
            steps.add(m);
            summary.append(i == 0 ? "" : ", ").append(s.name()).append(' ').append(s.count());
            i++;
        }
        model.put("steps", steps);
        model.put("chartHeight", String.valueOf(steps.size() * ROW));
        model.put("barX", String.valueOf(LABEL_WIDTH));
        model.put("barHeight", String.valueOf(BAR_HEIGHT));
        model.put("chartSummary", "Funnel: " + summary);
    }

    /** Provider calls and spend, sends today and suppressions: what `outreach status` reads. */
    @SuppressWarnings("unchecked")
    private static void figures(Map<String, Object> model, OutreachConfig config, ConsoleServices services)
            throws SQLException {
        var send = SendSettings.from(config);
        String mailbox = SmtpSettings.from(config).from().toLowerCase(Locale.ROOT);
        Map<String, Object> status;
        try (Connection c = services.dataSource().getConnection()) {
            status = new PipelineStatus(mailbox, send.dailyCap(), send.hourlyCap()).read(c);
        }
        var providers = (Map<String, Object>) status.get("providers");
        var dataForSeo = (Map<String, Object>) providers.get("dataforseo");
        var hunter = (Map<String, Object>) providers.get("hunter");
        var spend = new ArrayList<Map<String, Object>>();
        for (String period : List.of("today", "month")) {
            var d = (Map<String, Object>) dataForSeo.get(period);
            var h = (Map<String, Object>) hunter.get(period);
            var row = new LinkedHashMap<String, Object>();
            row.put("period", "today".equals(period) ? "Today" : "This month");
            row.put("dataforseoCalls", String.valueOf(d.get("calls")));
            row.put("dataforseoCost", "$" + d.get("cost_usd"));
            row.put("hunterCalls", String.valueOf(h.get("calls")));
            row.put("hunterDomains", String.valueOf(h.get("domains_enriched")));
            spend.add(row);
        }
        model.put("spend", spend);
        model.put("dataforseoSource", String.valueOf(dataForSeo.get("source")));
        model.put("hunterSource", String.valueOf(hunter.get("source")));
        var sends = (Map<String, Object>) status.get("sends");
        model.put("sentToday", String.valueOf(sends.get("sent_today")));
        model.put("suppressions", String.valueOf(status.get("suppressions")));
        var links = (Map<String, Object>) status.get("links");
        long live = ((Number) links.getOrDefault("live", 0L)).longValue()
                + ((Number) links.getOrDefault("live_nofollow", 0L)).longValue();
        model.put("linksLive", String.valueOf(live));
        model.put("linksLost", String.valueOf(links.getOrDefault("lost", 0L)));
        var triggers = new HashMap<String, String>();
        for (Map<String, Object> t : (List<Map<String, Object>>) status.get("schedules")) {
            triggers.put(String.valueOf(t.get("trigger")), String.valueOf(t.get("state")));
        }
        model.put("triggerStates", triggers);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> schedules(
            OutreachConfig config, Map<String, Object> model, java.time.Clock clock) {
        var states = (Map<String, String>) model.remove("triggerStates");
        var out = new ArrayList<Map<String, Object>>();
        for (String[] s : SCHEDULES) {
            String cron = config.get(s[1]);
            var row = new LinkedHashMap<String, Object>();
            row.put("what", s[0]);
            row.put("setting", s[1]);
            row.put("cron", cron);
            row.put("next", next(cron, clock));
            row.put(
                    "state",
                    states.containsKey(s[2])
                            ? states.get(s[2]).toLowerCase(Locale.ROOT)
                            : "not in the scheduler (no daemon has started with it)");
            out.add(row);
        }
        return out;
    }

    private static List<Map<String, Object>> campaignSchedules(CampaignStore store, java.time.Clock clock)
            throws SQLException {
        var out = new ArrayList<Map<String, Object>>();
        for (CampaignStore.Listed listed : store.list()) {
            Campaign c = listed.campaign();
            if (c.schedule() == null) {
                continue;
            }
            var row = new LinkedHashMap<String, Object>();
            row.put("campaign", c.name());
            row.put("cron", c.schedule());
            row.put("next", "active".equals(c.status()) ? next(c.schedule(), clock) : "not while it is " + c.status());
            out.add(row);
        }
        return out;
    }

    /**
     * When a cron expression fires next, as the daemon's scheduler reads it (Quartz, in this JVM's time
     * zone), shown in UTC.
     */
    static String next(String cron, java.time.Clock clock) {
        try {
            Date next = new CronExpression(cron).getNextValidTimeAfter(Date.from(Instant.now(clock)));
            return next == null ? "never" : TIME.format(next.toInstant().atOffset(ZoneOffset.UTC));
        } catch (ParseException e) {
            return "never: not a Quartz cron expression";
        }
    }
}

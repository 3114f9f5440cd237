package dev.outreachpipeline.cli;

import dev.outreachpipeline.OutreachException;
import dev.outreachpipeline.db.Database;
import dev.outreachpipeline.db.SchemaVersion;
import dev.outreachpipeline.management.PipelineStatus;
import dev.outreachpipeline.sending.SendSettings;
import dev.outreachpipeline.sending.SmtpSettings;
import java.io.PrintWriter;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = {
            "A one-screen overview from the database, which works with the daemon stopped.",
            "It shows jobs, prospects, sends against the caps, provider calls and cost today and this month, "
                    + "suppressions and the next schedules."
        })
final class StatusCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--json", description = "Print the overview as JSON.")
    boolean json;

    @Option(
            names = "--campaign",
            paramLabel = "NAME",
            description =
                    "Only this campaign's jobs, prospects and sends today; caps, providers, suppressions and schedules are shared.")
    String campaign;

    StatusCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        context.config(); // a configuration mistake is reported before the database is opened
        Map<String, Object> figures;
        List<String> further;
        try (Database db = context.openDatabase()) {
            // a cheap look at Flyway's history, not the full audit: this command only reads
            var version = SchemaVersion.of(db);
            if (!version.isCurrent()) {
                throw new OutreachException(
                        "The database (" + db.description() + ") is not migrated (at " + version.display() + ", newest "
                                + version.latest() + "); run `outreach db migrate`.",
                        ExitCodes.DRIFT);
            }
            // the caps and the mailbox the daemon runs with, not this terminal's
            var config = DaemonConfig.of(context, db);
            var send = SendSettings.from(config);
            var status = new PipelineStatus(
                    SmtpSettings.from(config).from().toLowerCase(Locale.ROOT),
                    send.dailyCap(),
                    send.hourlyCap(),
                    CampaignOption.idOrNull(db, campaign));
            try (Connection c = db.connection()) {
                figures = status.read(c);
            }
            further = config.mailboxIds();
        }
        if (campaign != null) {
            var narrowed = new java.util.LinkedHashMap<String, Object>();
            narrowed.put("campaign", campaign);
            narrowed.putAll(figures);
            figures = narrowed;
        }
        if (json) {
            context.out().println(TerminalText.jsonMapper().writeValueAsString(figures));
        } else {
            print(figures, further, context.out());
        }
        return ExitCodes.OK;
    }

    /** Every value read from the database goes through {@link TerminalText#line}: rows may hold text from outside. */
    @SuppressWarnings("unchecked")
    private static void print(Map<String, Object> f, List<String> furtherMailboxes, PrintWriter out) {
        if (f.containsKey("campaign")) {
            out.println("Campaign:   " + TerminalText.line(f.get("campaign"))
                    + " (jobs, prospects and sent today; the rest is shared)");
        }
        var jobs = (Map<String, Object>) f.get("jobs");
        out.println("Jobs:       " + counts((Map<String, Object>) jobs.get("by_status")));
        ((Map<String, Map<String, Object>>) jobs.get("by_type"))
                .forEach((type, byStatus) -> out.printf("  %-10s %s%n", TerminalText.line(type), counts(byStatus)));
        out.println("Prospects:  " + counts((Map<String, Object>) f.get("prospects")));
        out.println("Links:      " + counts((Map<String, Object>) f.get("links")) + " (placements by status)");
        var s = (Map<String, Object>) f.get("sends");
        out.printf(
                "Sending:    %s sent today; %s in the last 24 h of a daily cap of %s (%s left), %s in the last hour"
                        + " of an hourly cap of %s (%s left)%s%n",
                s.get("sent_today"),
                s.get("last_24h"),
                s.get("daily_cap"),
                s.get("daily_headroom"),
                s.get("last_hour"),
                s.get("hourly_cap"),
                s.get("hourly_headroom"),
                s.get("mailbox") == null
                        ? " — MAIL_FROM is not set"
                        : ", mailbox " + TerminalText.line(s.get("mailbox")));
        if (!furtherMailboxes.isEmpty()) {
            // the caps above are the mailbox default's; each further mailbox keeps its own
            out.println("            further mailboxes (" + TerminalText.line(String.join(", ", furtherMailboxes))
                    + "): their sends and caps in `outreach mailbox list`");
        }
        var providers = (Map<String, Map<String, Object>>) f.get("providers");
        var d = providers.get("dataforseo");
        var dToday = (Map<String, Object>) d.get("today");
        var dMonth = (Map<String, Object>) d.get("month");
        out.printf(
                "DataForSEO: today %s call(s), $%s; this month %s call(s), $%s%n",
                dToday.get("calls"), dToday.get("cost_usd"), dMonth.get("calls"), dMonth.get("cost_usd"));
        var h = providers.get("hunter");
        var hToday = (Map<String, Object>) h.get("today");
        var hMonth = (Map<String, Object>) h.get("month");
        out.printf(
                "Hunter:     today %s call(s), %s domain(s) enriched; this month %s call(s), %s domain(s) enriched;"
                        + " cost unknown (Hunter reports no price per call)%n",
                hToday.get("calls"),
                hToday.get("domains_enriched"),
                hMonth.get("calls"),
                hMonth.get("domains_enriched"));
        var l = providers.get("llm");
        var lMonth = (Map<String, Object>) l.get("month");
        // shown once the LLM writer has been used this month, so an installation without it sees no new line
        if (((Number) lMonth.get("calls")).longValue() > 0) {
            var lToday = (Map<String, Object>) l.get("today");
            out.printf(
                    "LLM:        today %s call(s), %s/%s tokens in/out, %s; this month %s call(s), %s/%s tokens, %s;"
                            + " %s of %s draft(s) asked this month written by the LLM%n",
                    lToday.get("calls"),
                    lToday.get("tokens_in"),
                    lToday.get("tokens_out"),
                    cost(lToday.get("cost_usd")),
                    lMonth.get("calls"),
                    lMonth.get("tokens_in"),
                    lMonth.get("tokens_out"),
                    cost(lMonth.get("cost_usd")),
                    lMonth.get("llm_drafts"),
                    lMonth.get("drafts_asked"));
        }
        out.println("Suppressed: " + f.get("suppressions") + " address(es) and domain(s)");
        var schedules = (List<Map<String, Object>>) f.get("schedules");
        if (schedules.isEmpty()) {
            out.println("Schedules:  none recorded yet (the daemon registers them when it starts)");
        } else {
            out.println("Schedules:");
            for (var t : schedules) {
                out.printf(
                        "  %-22s next %s (%s)%n",
                        TerminalText.line(t.get("trigger")),
                        t.get("next_fire") == null ? "—" : TerminalText.line(t.get("next_fire")),
                        TerminalText.line(String.valueOf(t.get("state")).toLowerCase(Locale.ROOT)));
            }
        }
        out.println("Days and months are in UTC.");
    }

    private static String counts(Map<String, Object> byStatus) {
        if (byStatus.isEmpty()) {
            return "none";
        }
        var parts = new StringBuilder();
        byStatus.forEach((status, n) -> parts.append(parts.length() == 0 ? "" : ", ")
                .append(TerminalText.line(status))
                .append(' ')
                .append(n));
        return parts.toString();
    }

    /** A reported cost, or that the endpoint reported none. */
    private static String cost(Object usd) {
        return usd == null ? "cost not reported" : "$" + usd;
    }
}

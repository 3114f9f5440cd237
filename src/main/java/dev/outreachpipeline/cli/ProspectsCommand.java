package dev.outreachpipeline.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.outreachpipeline.OutreachException;
import dev.outreachpipeline.db.Database;
import dev.outreachpipeline.prospects.ProspectStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

@Command(name = "prospects", mixinStandardHelpOptions = true,
        description = "List, inspect, export and approve prospects; send them back to an earlier stage.",
        subcommands = {ProspectsCommand.ListProspects.class, ProspectsCommand.Show.class, ProspectsExportCommand.class,
                ProspectsCommand.Approve.class, ProspectsCommand.Redraft.class, ProspectsCommand.Refresh.class,
                ProspectsCommand.Resend.class})
final class ProspectsCommand {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Database values as JSON shows them: times and numbers as their text, the rest as they are. */
    static List<Map<String, Object>> jsonRows(List<Map<String, Object>> rows) {
        var out = new ArrayList<Map<String, Object>>();
        for (Map<String, Object> row : rows) {
            var copy = new java.util.LinkedHashMap<String, Object>();
            row.forEach((k, v) -> copy.put(k, v instanceof java.time.temporal.Temporal || v instanceof java.util.Date
                    ? v.toString() : v));
            out.add(copy);
        }
        return out;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Prospects, best score first.")
    static final class ListProspects implements Callable<Integer> {
        private final CliContext context;

        @Option(names = "--status", description = "Only this status (pending, enriched, no_email, do_not_contact, drafted, approved, …).")
        String status;

        @Option(names = "--min-score", paramLabel = "N", description = "Only prospects scoring at least N (0-100).")
        BigDecimal minScore;

        @Option(names = "--limit", defaultValue = "50", description = "At most this many (default ${DEFAULT-VALUE}).")
        int limit;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        ListProspects(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            try (Database db = context.openDatabase()) {
                var rows = new ProspectStore(db.dataSource()).list(status, minScore, limit);
                if (json) {
                    context.out().println(JSON.writeValueAsString(jsonRows(rows)));
                    return ExitCodes.OK;
                }
                context.out().printf("%-36s  %6s  %-14s  %-32s  %s%n", "ID", "SCORE", "STATUS", "DOMAIN", "CONTACT");
                for (Map<String, Object> r : rows) {
                    context.out().printf("%-36s  %6s  %-14s  %-32s  %s%n", r.get("id"), r.get("score") == null ? "-" : r.get("score"),
                            r.get("outreach_status"), r.get("domain"), r.get("contact_email") == null ? "" : r.get("contact_email"));
                }
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "A prospect: where it came from, its contact and why, its draft.")
    static final class Show implements Callable<Integer> {
        private final CliContext context;

        @Parameters(paramLabel = "ID")
        String id;

        Show(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            try (Database db = context.openDatabase()) {
                Map<String, Object> p = new ProspectStore(db.dataSource()).find(JobView.parseId(id))
                        .orElseThrow(() -> new OutreachException("No prospect with id " + id + ".", ExitCodes.FAILURE));
                PrintWriter out = context.out();
                out.printf("Prospect %s  (%s)%n", p.get("id"), p.get("domain"));
                line(out, "status", p.get("outreach_status"));
                line(out, "score", p.get("score"));
                line(out, "found on", p.get("page_url"));
                line(out, "page title", p.get("page_title"));
                line(out, "found by", p.get("keyword") == null ? null : "'" + p.get("keyword") + "' in " + p.get("location")
                        + (p.get("serp_rank") == null ? "" : ", position " + p.get("serp_rank")));
                line(out, "hunter", p.get("hunter_emails") == null ? "not looked up" : p.get("hunter_emails") + " address(es)"
                        + (p.get("organization") == null ? "" : " at " + p.get("organization")));
                line(out, "contact", p.get("contact_email") == null ? null : p.get("contact_email") + " (" + p.get("contact_method")
                        + (p.get("contact_name") == null ? "" : ", " + p.get("contact_name")) + ")");
                line(out, "why", p.get("contact_reason"));
                line(out, "verification", p.get("contact_verification"));
                line(out, "last error", p.get("last_error"));
                line(out, "sent", p.get("last_sent") == null ? null : p.get("last_sent") + " (" + p.get("followups_sent") + " follow-ups)");
                if (p.get("draft_subject") != null) {
                    out.println();
                    out.println("  Subject: " + p.get("draft_subject"));
                    out.println();
                    for (String l : String.valueOf(p.get("draft_body")).split("\n", -1)) {
                        out.println("  " + l);
                    }
                }
                return ExitCodes.OK;
            }
        }

        private static void line(PrintWriter out, String label, Object value) {
            if (value != null) {
                out.printf("  %-13s %s%n", label, value);
            }
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true,
            description = "Approve drafted prospects for sending: the given ids, or --all (optionally only those scoring at least --min-score).")
    static final class Approve implements Callable<Integer> {
        private final CliContext context;

        @Parameters(paramLabel = "ID", arity = "0..*")
        List<String> ids = new ArrayList<>();

        @Option(names = "--all", description = "Every drafted prospect.")
        boolean all;

        @Option(names = "--min-score", paramLabel = "N", description = "With --all: only those scoring at least N.")
        BigDecimal minScore;

        Approve(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            if (ids.isEmpty() == !all) {
                throw new OutreachException("Name the prospects to approve, or give --all (not both).", ExitCodes.USAGE);
            }
            try (Database db = context.openDatabase()) {
                int n = new ProspectStore(db.dataSource()).approve(uuids(ids), all, minScore);
                context.out().println("Approved " + n + " drafted prospect(s).");
                return ExitCodes.OK;
            }
        }
    }

    /**
     * A command that moves the named prospects back to an earlier stage: how many moved is printed,
     * and the exit code says whether every one of them could.
     */
    private abstract static class SendBack implements Callable<Integer> {
        private final CliContext context;

        @Parameters(paramLabel = "ID", arity = "1..*")
        List<String> ids;

        SendBack(CliContext context) {
            this.context = context;
        }

        abstract int move(ProspectStore store, List<UUID> ids) throws java.sql.SQLException;

        abstract String movedTo();

        @Override
        public Integer call() throws Exception {
            try (Database db = context.openDatabase()) {
                int n = move(new ProspectStore(db.dataSource()), uuids(ids));
                context.out().println(n + " prospect(s) " + movedTo() + ".");
                return n == ids.size() ? ExitCodes.OK : ExitCodes.FAILURE;
            }
        }
    }

    @Command(name = "redraft", mixinStandardHelpOptions = true,
            description = "Send prospects back to drafting (after a template change); the next draft job renders them again.")
    static final class Redraft extends SendBack {
        Redraft(CliContext context) {
            super(context);
        }

        @Override
        int move(ProspectStore store, List<UUID> ids) throws java.sql.SQLException {
            return store.redraft(ids);
        }

        @Override
        String movedTo() {
            return "will be drafted again by the next draft job";
        }
    }

    @Command(name = "refresh", mixinStandardHelpOptions = true,
            description = {"Ask Hunter about these prospects again (a paid call each): they go back to pending,",
                    "contact and payload cleared, for the next enrich job."})
    static final class Refresh extends SendBack {
        Refresh(CliContext context) {
            super(context);
        }

        @Override
        int move(ProspectStore store, List<UUID> ids) throws java.sql.SQLException {
            return store.refresh(ids);
        }

        @Override
        String movedTo() {
            return "will be looked up at Hunter again by the next enrich job";
        }
    }

    @Command(name = "resend", mixinStandardHelpOptions = true,
            description = {"Send again a message whose delivery is unknown (status send_unknown: the process stopped",
                    "mid-send, or the server's answer was lost). Only you can decide this: the recipient may have it already."})
    static final class Resend extends SendBack {
        Resend(CliContext context) {
            super(context);
        }

        @Override
        int move(ProspectStore store, List<UUID> ids) throws java.sql.SQLException {
            return store.resend(ids);
        }

        @Override
        String movedTo() {
            return "will be sent again by the next send job";
        }
    }

    static List<UUID> uuids(List<String> ids) {
        return ids.stream().map(JobView::parseId).toList();
    }
}

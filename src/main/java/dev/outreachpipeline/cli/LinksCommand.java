package dev.outreachpipeline.cli;

import dev.outreachpipeline.OutreachException;
import dev.outreachpipeline.db.Database;
import dev.outreachpipeline.links.LinkCheck;
import dev.outreachpipeline.links.LinkChecker;
import dev.outreachpipeline.links.LinkJson;
import dev.outreachpipeline.links.LinkRequest;
import dev.outreachpipeline.links.LinkStatus;
import dev.outreachpipeline.links.LinkStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "links",
        mixinStandardHelpOptions = true,
        description = {
            "Link placements: the pages where a prospect placed a link to the campaign's site, checked on a schedule.",
            "Statuses: pending, live, live_nofollow, missing, lost, unreachable (see docs/links.md)."
        },
        subcommands = {
            LinksCommand.Add.class,
            LinksCommand.ListLinks.class,
            LinksCommand.Check.class,
            LinksCommand.Remove.class
        })
final class LinksCommand {

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = {
                "Record a placement: the page PROSPECT_ID put (or will put) a link on; it is checked at the next link check.",
                "A page on another host than the prospect's domain is added with a warning (sites syndicate)."
            })
    static final class Add implements Callable<Integer> {
        private final CliContext context;

        @Parameters(index = "0", paramLabel = "PROSPECT_ID", description = "The prospect's id.")
        String prospectId;

        @Parameters(index = "1", paramLabel = "URL", description = "The page with the link (http:// or https://).")
        String url;

        @Option(names = "--anchor", paramLabel = "TEXT", description = "The anchor text agreed, if any.")
        String anchor;

        @Option(
                names = "--target",
                paramLabel = "URL",
                description = "The URL the link must point at (default: the campaign's site).")
        String target;

        Add(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            try (Database db = context.openDatabase()) {
                CampaignOption.requireMigrated(db);
                LinkRequest.Outcome outcome =
                        new LinkRequest(new LinkStore(db.dataSource())).add(prospectId, url, anchor, target);
                outcome.warnings().forEach(w -> context.err().println("Warning: " + TerminalText.line(w)));
                if (!outcome.added()) {
                    throw CampaignCommand.refused("The placement was not added", outcome.problems());
                }
                context.out().println("Added placement " + outcome.linkId() + " (pending its first check).");
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Placements, newest first.")
    static final class ListLinks implements Callable<Integer> {
        private final CliContext context;

        @Option(names = "--campaign", paramLabel = "NAME", description = "Only this campaign's placements.")
        String campaign;

        @Option(names = "--status", paramLabel = "S", description = "Only placements in this status.")
        String status;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        ListLinks(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            if (status != null && LinkStatus.of(status).isEmpty()) {
                throw new OutreachException(
                        "There is no link status '" + TerminalText.line(status) + "'; the statuses are: "
                                + String.join(", ", LinkStatus.NAMES) + ".",
                        ExitCodes.USAGE);
            }
            try (Database db = context.openDatabase()) {
                if (campaign != null) {
                    CampaignOption.require(db, campaign);
                }
                CampaignOption.requireMigrated(db);
                List<Map<String, Object>> rows = new LinkStore(db.dataSource()).list(campaign, status);
                var links = rows.stream().map(LinkJson::of).toList();
                if (json) {
                    context.out().println(TerminalText.jsonMapper().writeValueAsString(links));
                    return ExitCodes.OK;
                }
                context.out()
                        .printf("%-36s  %-13s  %-20s  %-16s  %s%n", "ID", "STATUS", "LAST CHECKED", "CAMPAIGN", "URL");
                for (Map<String, Object> l : links) {
                    context.out()
                            .printf(
                                    "%-36s  %-13s  %-20s  %-16s  %s%n",
                                    l.get("id"),
                                    l.get("status"),
                                    l.get("last_checked_at") == null ? "never" : l.get("last_checked_at"),
                                    TerminalText.line(l.get("campaign")),
                                    TerminalText.line(l.get("url")));
                }
                return ExitCodes.OK;
            }
        }
    }

    @Command(
            name = "check",
            mixinStandardHelpOptions = true,
            description = {
                "Check placements now, here (as the daemon's scheduled check does), and record each result.",
                "Name ids, or --due (those whose next check is due), or --all."
            })
    static final class Check implements Callable<Integer> {
        private final CliContext context;

        static final class Which {
            @Parameters(paramLabel = "ID", arity = "1..*", description = "The placements' ids.")
            List<String> ids;

            @Option(names = "--all", required = true, description = "Every placement.")
            boolean all;

            @Option(names = "--due", required = true, description = "The placements whose next check is due.")
            boolean due;
        }

        @ArgGroup(multiplicity = "1")
        Which which;

        Check(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            String params;
            if (which.ids != null) {
                var bad =
                        which.ids.stream().filter(id -> !LinkRequest.isUuid(id)).toList();
                if (!bad.isEmpty()) {
                    throw CampaignCommand.refused(
                            "Nothing was checked",
                            bad.stream()
                                    .map(id -> "'" + id + "' is not a placement id (a UUID)")
                                    .toList());
                }
                which.ids = which.ids.stream()
                        .map(id -> java.util.UUID.fromString(id).toString())
                        .toList();
                params = TerminalText.jsonMapper().writeValueAsString(Map.of("ids", which.ids));
            } else {
                params = which.all ? "{\"all\": true}" : "{}";
            }
            try (Database db = context.openDatabase()) {
                CampaignOption.requireMigrated(db);
                var store = new LinkStore(db.dataSource());
                LinkChecker checker = LinkChecker.from(context.config(), Clock.systemUTC());
                List<Map<String, Object>> rows = store.toCheck(params, checker.now());
                if (which.ids != null && rows.size() < which.ids.size()) {
                    var found = rows.stream().map(r -> (String) r.get("id")).toList();
                    var missing = new ArrayList<String>();
                    which.ids.stream()
                            .filter(id -> !found.contains(id))
                            .forEach(id -> missing.add("there is no placement " + id));
                    throw CampaignCommand.refused("Nothing was checked", missing);
                }
                Progress progress = Progress.on(context.err(), context.env());
                int n = 0;
                for (Map<String, Object> row : rows) {
                    n++;
                    progress.line("Checking " + n + "/" + rows.size() + ": " + TerminalText.line(row.get("url")));
                    LinkCheck check = checker.check(row);
                    store.record(check);
                    context.out().println(row.get("id") + "  " + TerminalText.line(check.line()));
                }
                context.err().println(rows.size() + " placement(s) checked.");
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a placement and its checks.")
    static final class Remove implements Callable<Integer> {
        private final CliContext context;

        @Parameters(paramLabel = "ID", description = "The placement's id (as `links list` shows it).")
        String id;

        Remove(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            if (!LinkRequest.isUuid(id)) {
                throw CampaignCommand.refused(
                        "Nothing was removed", List.of("'" + id + "' is not a placement id (a UUID)"));
            }
            try (Database db = context.openDatabase()) {
                CampaignOption.requireMigrated(db);
                var removed = new LinkStore(db.dataSource()).remove(id);
                if (removed.isEmpty()) {
                    throw CampaignCommand.refused("Nothing was removed", List.of("there is no placement " + id));
                }
                context.out().println("Removed placement " + id + " (" + TerminalText.line(removed.get()) + ").");
                return ExitCodes.OK;
            }
        }
    }
}

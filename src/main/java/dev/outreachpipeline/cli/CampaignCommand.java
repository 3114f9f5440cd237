package dev.outreachpipeline.cli;

import dev.outreachpipeline.OutreachException;
import dev.outreachpipeline.campaigns.Campaign;
import dev.outreachpipeline.campaigns.CampaignChanges;
import dev.outreachpipeline.campaigns.CampaignStore;
import dev.outreachpipeline.campaigns.CampaignValidator;
import dev.outreachpipeline.campaigns.KnownMailboxes;
import dev.outreachpipeline.config.OutreachConfig;
import dev.outreachpipeline.db.Database;
import dev.outreachpipeline.discovery.ControlCharacters;
import dev.outreachpipeline.drafting.DraftTemplates;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "campaign",
        mixinStandardHelpOptions = true,
        description = {
            "Create, list, show, change, pause, resume and archive campaigns.",
            "A campaign is one outreach effort: the site it wants links to, its saved search, schedule, templates "
                    + "and mailbox. Every prospect belongs to one; those found without one belong to the campaign 'default'."
        },
        subcommands = {
            CampaignCommand.Create.class,
            CampaignCommand.ListCampaigns.class,
            CampaignCommand.Show.class,
            CampaignCommand.Update.class,
            CampaignCommand.Pause.class,
            CampaignCommand.Resume.class,
            CampaignCommand.Archive.class
        })
final class CampaignCommand {

    /** The settings {@code create} and {@code update} take; on update, an empty value clears a setting. */
    static final class Settings {
        @Option(
                names = "--site",
                paramLabel = "URL",
                description = "The site the campaign wants links to (http:// or https://).")
        String site;

        @Option(
                names = "--keywords",
                paramLabel = "LIST",
                description = "The saved search's keywords, comma-separated, e.g. \"garden, patio\".")
        String keywords;

        @Option(
                names = "--categories",
                paramLabel = "LIST",
                split = ",",
                description = "The saved search's categories, comma-separated (see config/categories.properties).")
        List<String> categories;

        @Option(
                names = "--locations",
                paramLabel = "LIST",
                split = ",",
                description = "The saved search's locations, comma-separated names or DataForSEO codes, e.g. usa,uk.")
        List<String> locations;

        @Option(
                names = "--max-results",
                paramLabel = "N",
                description =
                        "Most prospects a discovery of this campaign saves (1-1000; none: outreach.discovery.default-max-results).")
        String maxResults;

        @Option(
                names = "--schedule",
                paramLabel = "CRON",
                description =
                        "When its discovery runs, a Quartz cron expression with seconds, e.g. '0 0 6 * * ?' (none: never by itself).")
        String schedule;

        @Option(
                names = "--templates",
                paramLabel = "DIR",
                description = "A directory of this campaign's templates (subject.ftl, body.txt.ftl, body.html.ftl, "
                        + "followup.txt.ftl; each one missing there is the global one). Checked before it is stored; "
                        + "\"\" clears it. Apply a change to drafts with `prospects redraft --campaign NAME`.")
        String templates;

        @Option(
                names = "--mailbox",
                paramLabel = "ID",
                description =
                        "The mailbox it sends from, or several to rotate over, comma-separated (default: default).")
        String mailbox;

        /** @param workDir what a relative templates directory is taken from: the person's working directory */
        CampaignChanges changes(Path workDir) {
            return new CampaignChanges(
                    site, keywords, categories, locations, maxResults, schedule, absolute(templates, workDir), mailbox);
        }

        /**
         * The templates directory as the daemon must find it, wherever it runs from: absolute and
         * normalised. Blank (clear it) and a path with control characters (refused by the validator) stay as typed.
         */
        private static String absolute(String dir, Path workDir) {
            if (dir == null || dir.isBlank() || ControlCharacters.any(dir)) {
                return dir;
            }
            try {
                return workDir.resolve(dir.strip()).toAbsolutePath().normalize().toString();
            } catch (InvalidPathException e) {
                return dir;
            }
        }
    }

    /** Checks {@code proposed} against this configuration's tables; a usage error listing every problem otherwise. */
    private static Campaign checked(
            CliContext context, Campaign proposed, CampaignChanges changes, List<String> moreProblems, String what) {
        OutreachConfig config = context.config();
        var validator = new CampaignValidator(
                JobCommand.SubmitDiscover.locationTable(config, context.home()),
                JobCommand.SubmitDiscover.categoryTable(config, context.home()),
                KnownMailboxes.ids(config),
                DraftTemplates.configured(config.get("outreach.drafts.templates-dir"), context.home()));
        CampaignValidator.Checked checked = validator.check(proposed, changes);
        var problems = new ArrayList<>(moreProblems);
        problems.addAll(checked.problems());
        if (!problems.isEmpty()) {
            throw refused(what, problems);
        }
        return checked.campaign();
    }

    /** A refusal (exit 2) that lists every problem, each on a line of its own. */
    static OutreachException refused(String what, List<String> problems) {
        return new OutreachException(
                what + ":\n  - "
                        + String.join(
                                "\n  - ",
                                problems.stream().map(TerminalText::line).toList()),
                ExitCodes.USAGE);
    }

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = {
                "Create a campaign, active from the start.",
                "Every problem with the settings is reported at once, and nothing is created (exit 2)."
            })
    static final class Create implements Callable<Integer> {
        private final CliContext context;

        @Parameters(paramLabel = "NAME", description = "Its name: lower-case letters, digits, '.', '_' and '-'.")
        String name;

        @Mixin
        Settings settings;

        Create(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            String what = "Campaign '" + TerminalText.line(name) + "' was not created";
            CampaignChanges changes = settings.changes(context.workDir());
            Campaign proposed = changes.applyTo(Campaign.named(name));
            try (Database db = context.openDatabase()) {
                CampaignOption.requireMigrated(db);
                var store = new CampaignStore(db.dataSource());
                List<String> taken = CampaignValidator.nameProblems(name).isEmpty()
                                && store.find(name).isPresent()
                        ? List.of(new CampaignStore.NameTaken(name).getMessage())
                        : List.of();
                Campaign campaign = checked(context, proposed, changes, taken, what);
                try {
                    Campaign created = store.create(campaign);
                    context.out().println("Created campaign " + created.name() + ".");
                } catch (CampaignStore.NameTaken e) {
                    throw refused(what, List.of(e.getMessage()));
                }
                return ExitCodes.OK;
            }
        }
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "Every campaign: active ones first, then by name.")
    static final class ListCampaigns implements Callable<Integer> {
        private final CliContext context;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        ListCampaigns(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            try (Database db = context.openDatabase()) {
                CampaignOption.requireMigrated(db);
                List<CampaignStore.Listed> rows = new CampaignStore(db.dataSource()).list();
                if (json) {
                    var out = new ArrayList<Map<String, Object>>();
                    for (CampaignStore.Listed r : rows) {
                        Map<String, Object> m = r.campaign().settings();
                        m.put("prospects", r.prospects());
                        out.add(m);
                    }
                    context.out().println(TerminalText.jsonMapper().writeValueAsString(out));
                    return ExitCodes.OK;
                }
                context.out().printf("%-24s  %-8s  %9s  %-10s  %s%n", "NAME", "STATUS", "PROSPECTS", "MAILBOX", "SITE");
                for (CampaignStore.Listed r : rows) {
                    Campaign c = r.campaign();
                    context.out()
                            .printf(
                                    "%-24s  %-8s  %9d  %-10s  %s%n",
                                    c.name(),
                                    c.status(),
                                    r.prospects(),
                                    TerminalText.line(c.mailbox()),
                                    c.siteUrl() == null ? "-" : TerminalText.line(c.siteUrl()));
                }
                return ExitCodes.OK;
            }
        }
    }

    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = "A campaign's settings and its funnel: prospects by status, messages sent, replies, and how"
                    + " many reached each step from discovered to replied.")
    static final class Show implements Callable<Integer> {
        private final CliContext context;

        @Parameters(paramLabel = "NAME", description = "The campaign's name.")
        String name;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        Show(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            try (Database db = context.openDatabase()) {
                Campaign c = CampaignOption.require(db, name);
                CampaignStore.Funnel funnel = new CampaignStore(db.dataSource()).funnel(c.id());
                if (json) {
                    Map<String, Object> m = c.settings();
                    m.put("funnel", funnel.json());
                    context.out().println(TerminalText.jsonMapper().writeValueAsString(m));
                    return ExitCodes.OK;
                }
                print(c, funnel, context.out());
                return ExitCodes.OK;
            }
        }

        private static void print(Campaign c, CampaignStore.Funnel funnel, PrintWriter out) {
            out.println("Campaign " + c.name() + "  (" + c.status() + ")");
            line(out, "site", c.siteUrl() == null ? "none" : c.siteUrl());
            line(out, "keywords", c.keywords().isEmpty() ? "none" : String.join(", ", c.keywords()));
            line(out, "categories", c.categories().isEmpty() ? "none" : String.join(", ", c.categories()));
            line(out, "locations", c.locations().isEmpty() ? "none" : String.join(", ", c.locations()));
            line(
                    out,
                    "max results",
                    c.maxResults() == null ? "the configured default" : String.valueOf(c.maxResults()));
            line(out, "schedule", c.schedule() == null ? "none" : c.schedule());
            line(out, "templates", c.templatesDir() == null ? "the global ones" : c.templatesDir());
            line(out, "mailbox", c.mailbox());
            line(out, "created", JobView.time(c.createdAt()) + " UTC");
            out.println("Funnel:");
            var counts = new StringBuilder();
            funnel.inPipelineOrder()
                    .forEach((status, n) -> counts.append(counts.length() == 0 ? ": " : ", ")
                            .append(TerminalText.line(status))
                            .append(' ')
                            .append(n));
            line(out, "prospects", funnel.prospectCount() + counts.toString());
            line(out, "sent", funnel.messages() + " message(s) to " + funnel.prospectsMessaged() + " prospect(s)");
            line(out, "replies", String.valueOf(funnel.replies()));
            line(out, "stages", funnel.stages().line());
        }

        private static void line(PrintWriter out, String label, String value) {
            out.printf("  %-12s %s%n", label, TerminalText.line(value));
        }
    }

    @Command(
            name = "update",
            mixinStandardHelpOptions = true,
            description = {
                "Change a campaign's settings: those given change, the rest stay; an empty value (\"\") clears one.",
                "Every problem is reported at once, and nothing is changed (exit 2)."
            })
    static final class Update implements Callable<Integer> {
        private final CliContext context;

        @Parameters(paramLabel = "NAME", description = "The campaign's name.")
        String name;

        @Mixin
        Settings settings;

        Update(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            CampaignChanges changes = settings.changes(context.workDir());
            if (!changes.any()) {
                throw new OutreachException(
                        "Give at least one setting to change (see `outreach campaign update --help`).",
                        ExitCodes.USAGE);
            }
            try (Database db = context.openDatabase()) {
                Campaign before = CampaignOption.require(db, name);
                Campaign campaign = checked(
                        context,
                        changes.applyTo(before),
                        changes,
                        List.of(),
                        "Campaign '" + TerminalText.line(name) + "' was not changed");
                Campaign after = new CampaignStore(db.dataSource())
                        .update(campaign)
                        .orElseThrow(() -> new OutreachException(
                                "Campaign '" + name + "' was removed meanwhile; nothing was changed.",
                                ExitCodes.FAILURE));
                List<String> changed = changedSettings(before, after);
                context.out()
                        .println(
                                changed.isEmpty()
                                        ? "Campaign " + name + " already had these settings; nothing changed."
                                        : "Updated campaign " + name + ": " + String.join(", ", changed) + ".");
                return ExitCodes.OK;
            }
        }

        private static List<String> changedSettings(Campaign before, Campaign after) {
            Map<String, Object> a = before.settings();
            Map<String, Object> b = after.settings();
            return a.keySet().stream()
                    .filter(k -> !k.equals("updated_at") && !Objects.equals(a.get(k), b.get(k)))
                    .toList();
        }
    }

    /** A change of status, allowed only from some statuses. */
    private abstract static class StatusChange implements Callable<Integer> {
        private final CliContext context;

        @Parameters(paramLabel = "NAME", description = "The campaign's name.")
        String name;

        StatusChange(CliContext context) {
            this.context = context;
        }

        abstract String target();

        abstract List<String> from();

        /** Why a campaign in {@code status} cannot be moved; null when it can. */
        abstract String refusal(Campaign c);

        @Override
        public Integer call() throws Exception {
            try (Database db = context.openDatabase()) {
                Campaign c = CampaignOption.require(db, name);
                if (c.status().equals(target())) {
                    context.out().println("Campaign " + c.name() + " is " + target() + " already; nothing changed.");
                    return ExitCodes.OK;
                }
                String refusal = refusal(c);
                if (refusal != null) {
                    throw new OutreachException(refusal, ExitCodes.FAILURE);
                }
                var moved = new CampaignStore(db.dataSource()).setStatus(c.id(), target(), from());
                if (moved.isEmpty()) {
                    throw new OutreachException(
                            "Campaign " + c.name() + " changed meanwhile; nothing was changed. Look at it with"
                                    + " `outreach campaign show " + c.name() + "` and try again.",
                            ExitCodes.FAILURE);
                }
                context.out().println("Campaign " + c.name() + " is " + target() + " (was " + c.status() + ").");
                return ExitCodes.OK;
            }
        }
    }

    @Command(
            name = "pause",
            mixinStandardHelpOptions = true,
            description = "Pause an active campaign; `campaign resume` makes it active again.")
    static final class Pause extends StatusChange {
        Pause(CliContext context) {
            super(context);
        }

        @Override
        String target() {
            return Campaign.PAUSED;
        }

        @Override
        List<String> from() {
            return List.of(Campaign.ACTIVE);
        }

        @Override
        String refusal(Campaign c) {
            return c.status().equals(Campaign.ARCHIVED)
                    ? "Campaign " + c.name() + " is archived, so not paused; " + "`outreach campaign resume " + c.name()
                            + "` makes it active again."
                    : null;
        }
    }

    @Command(
            name = "resume",
            mixinStandardHelpOptions = true,
            description = "Make a paused or archived campaign active again.")
    static final class Resume extends StatusChange {
        Resume(CliContext context) {
            super(context);
        }

        @Override
        String target() {
            return Campaign.ACTIVE;
        }

        @Override
        List<String> from() {
            return List.of(Campaign.PAUSED, Campaign.ARCHIVED);
        }

        @Override
        String refusal(Campaign c) {
            return null;
        }
    }

    @Command(
            name = "archive",
            mixinStandardHelpOptions = true,
            description = {
                "Archive a campaign that is done: it keeps its prospects and history, and lists last.",
                "The campaign 'default' cannot be archived: prospects found without a campaign belong to it."
            })
    static final class Archive extends StatusChange {
        Archive(CliContext context) {
            super(context);
        }

        @Override
        String target() {
            return Campaign.ARCHIVED;
        }

        @Override
        List<String> from() {
            return List.of(Campaign.ACTIVE, Campaign.PAUSED);
        }

        @Override
        String refusal(Campaign c) {
            return c.name().equals(Campaign.DEFAULT)
                    ? "The campaign 'default' cannot be archived: prospects found without a"
                            + " campaign belong to it. Pause it instead (`outreach campaign pause default`)."
                    : null;
        }
    }
}

package dev.outreachpipeline.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outreachpipeline.OutreachException;
import dev.outreachpipeline.campaigns.CampaignDiscovery;
import dev.outreachpipeline.campaigns.CampaignStore;
import dev.outreachpipeline.config.OutreachConfig;
import dev.outreachpipeline.db.Database;
import dev.outreachpipeline.db.SchemaGate;
import dev.outreachpipeline.discovery.Categories;
import dev.outreachpipeline.discovery.DiscoverRequest;
import dev.outreachpipeline.discovery.DiscoverRequestValidator;
import dev.outreachpipeline.discovery.DiscoveryParams;
import dev.outreachpipeline.discovery.Locations;
import dev.outreachpipeline.discovery.QueryPlan;
import dev.outreachpipeline.discovery.RecentRuns;
import dev.outreachpipeline.discovery.TableSource;
import dev.outreachpipeline.jobs.JobRow;
import dev.outreachpipeline.jobs.JobStore;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "job",
        mixinStandardHelpOptions = true,
        description = "Submit, follow, list and cancel jobs (the daemon runs them).",
        subcommands = {
            JobCommand.Submit.class,
            JobCommand.ListJobs.class,
            JobCommand.Show.class,
            JobCommand.Cancel.class
        })
final class JobCommand {

    static final ObjectMapper JSON = TerminalText.jsonMapper();

    @Command(
            name = "submit",
            mixinStandardHelpOptions = true,
            description = "Enqueue a job.",
            subcommands = {SubmitDiscover.class})
    static final class Submit {}

    @Command(
            name = "discover",
            mixinStandardHelpOptions = true,
            description = {
                "Enqueue a SERP discovery: keywords x categories x locations, one DataForSEO query per pair.",
                "With --campaign, the campaign's saved search runs, each of --keywords, --categories, --locations "
                        + "and --max-results given replacing that part of it for this job only; the prospects found "
                        + "belong to the campaign. Without it, the job belongs to the campaign 'default'.",
                "Prints the new job's id alone on stdout; on stderr, how many queries the per-location cap "
                        + "dropped, and a warning when every query already ran lately."
            })
    static final class SubmitDiscover implements Callable<Integer> {
        private final CliContext context;

        @Option(
                names = "--campaign",
                paramLabel = "NAME",
                description = "The campaign the job discovers for (its saved search unless overridden).")
        String campaign;

        // null: not given (a campaign's saved search then supplies it)
        @Option(names = "--keywords", paramLabel = "LIST", description = "Comma-separated keywords.")
        String keywords;

        @Option(
                names = "--locations",
                paramLabel = "LIST",
                split = ",",
                description = "Location names or DataForSEO codes, comma-separated.")
        List<String> locations;

        @Option(
                names = "--categories",
                paramLabel = "LIST",
                split = ",",
                description = "Categories, comma-separated (see config/categories.properties).")
        List<String> categories;

        @Option(
                names = "--max-results",
                paramLabel = "N",
                description = "Most prospects the job saves (1-1000; default outreach.discovery.default-max-results).")
        Integer maxResults;

        @Option(names = "--wait", description = "Follow the job until it ends, then print its result.")
        boolean waitForIt;

        SubmitDiscover(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            OutreachConfig config = context.config();
            if (campaign == null) {
                DiscoverRequest request = validRequest(
                        config,
                        context.home(),
                        keywords == null ? "" : keywords,
                        locations == null ? List.of() : locations,
                        categories == null ? List.of() : categories,
                        maxResults);
                return submit(config, request, null);
            }
            try (Database db = context.openDatabase()) {
                CampaignOption.requireMigrated(db);
                var decision = new CampaignDiscovery(
                                locationTable(config, context.home()),
                                categoryTable(config, context.home()),
                                config.getInt("outreach.discovery.default-max-results"))
                        .check(
                                new CampaignStore(db.dataSource()),
                                campaign,
                                new CampaignDiscovery.Search(keywords, categories, locations, maxResults));
                decision.notes().forEach(n -> context.err().println("Note: " + TerminalText.line(n)));
                if (!decision.ok()) {
                    context.err().flush();
                    throw new OutreachException(
                            "The discover job was not submitted:\n  - " + String.join("\n  - ", decision.problems()),
                            ExitCodes.USAGE);
                }
                return submit(config, decision.request(), decision.campaign().name());
            }
        }

        /** Enqueues the checked request; {@code campaignName} null leaves the job to 'default'. */
        private Integer submit(OutreachConfig config, DiscoverRequest request, String campaignName) throws Exception {
            QueryPlan plan = plan(config, context.home(), request);
            try (Database db = context.openDatabase()) {
                SchemaGate.requireCurrent(db);
                var store = new JobStore(db.dataSource());
                int days = config.getInt("outreach.discovery.rerun-warning-days");
                String rerun = RecentRuns.warning(
                        plan.queries().size(),
                        days <= 0 ? 0 : new RecentRuns(db.dataSource()).ranWithin(plan.queries(), days),
                        days);
                UUID id = store.submit("discover", DiscoveryParams.toJson(request, plan, campaignName), "cli");
                context.out().println(id);
                context.out().flush();
                if (plan.droppedSentence() != null) {
                    context.err().println("Note: " + plan.droppedSentence());
                }
                if (rerun != null) {
                    context.err().println("Warning: " + rerun);
                }
                context.err().flush();
                return waitForIt ? new JobFollower(store, context).follow(id) : ExitCodes.OK;
            }
        }

        /** The queries the request runs with this configuration's cap, and what the cap drops. */
        static QueryPlan plan(OutreachConfig config, java.nio.file.Path workDir, DiscoverRequest request) {
            return DiscoverRequestValidator.queryPlan(
                    request,
                    locationTable(config, workDir),
                    categoryTable(config, workDir),
                    config.getInt("outreach.discovery.max-queries-per-location"));
        }

        static Locations locationTable(OutreachConfig config, java.nio.file.Path workDir) {
            return Locations.load(TableSource.configured(
                    "outreach.discovery.locations-file", config.get("outreach.discovery.locations-file"), workDir));
        }

        static Categories categoryTable(OutreachConfig config, java.nio.file.Path workDir) {
            return Categories.load(TableSource.configured(
                    "outreach.discovery.categories-file", config.get("outreach.discovery.categories-file"), workDir));
        }

        /**
         * The discover request these options ask for, checked as every discover job is (also by
         * {@code outreach sandbox}); a usage error listing every problem otherwise.
         */
        static DiscoverRequest validRequest(
                OutreachConfig config,
                java.nio.file.Path workDir,
                String keywords,
                List<String> locations,
                List<String> categories,
                Integer maxResults) {
            var locationTable = locationTable(config, workDir);
            var categoryTable = categoryTable(config, workDir);
            var request = new DiscoverRequest(
                    keywords,
                    trimmed(locations),
                    trimmed(categories),
                    maxResults == null ? config.getInt("outreach.discovery.default-max-results") : maxResults);
            List<String> problems = DiscoverRequestValidator.validate(request, locationTable, categoryTable);
            if (!problems.isEmpty()) {
                throw new OutreachException(
                        "The discover job was not submitted:\n  - " + String.join("\n  - ", problems), ExitCodes.USAGE);
            }
            return request;
        }

        private static List<String> trimmed(List<String> values) {
            return values.stream().map(String::trim).filter(v -> !v.isEmpty()).toList();
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List jobs, newest first.")
    static final class ListJobs implements Callable<Integer> {
        private final CliContext context;

        @Option(names = "--type", description = "Only jobs of this type (discover, enrich, …).")
        String type;

        @Option(
                names = "--status",
                description = "Only jobs in this status (pending, running, completed, failed, cancelled).")
        String status;

        @Option(names = "--limit", defaultValue = "50", description = "At most this many (default ${DEFAULT-VALUE}).")
        int limit;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        ListJobs(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            try (Database db = context.openDatabase()) {
                List<JobRow> rows = new JobStore(db.dataSource()).list(type, status, limit);
                if (json) {
                    ArrayNode array = JSON.createArrayNode();
                    rows.forEach(r -> array.add(JobView.json(r)));
                    context.out().println(JSON.writeValueAsString(array));
                } else {
                    context.out()
                            .printf(
                                    "%-36s  %-9s  %-12s  %-9s  %-19s  %s%n",
                                    "ID", "TYPE", "CAMPAIGN", "STATUS", "CREATED", "RESULT / ERROR");
                    for (JobRow r : rows) {
                        context.out()
                                .printf(
                                        "%-36s  %-9s  %-12s  %-9s  %-19s  %s%n",
                                        r.id(),
                                        r.type(),
                                        r.campaign() == null ? "-" : TerminalText.line(r.campaign()),
                                        r.status(),
                                        JobView.time(r.createdAt()),
                                        TerminalText.line(JobView.oneLine(r)));
                    }
                }
                return ExitCodes.OK;
            }
        }
    }

    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = "Show a job: its row, result counters and queries.")
    static final class Show implements Callable<Integer> {
        private final CliContext context;

        @Parameters(paramLabel = "ID", description = "The job's id.")
        String id;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        Show(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            UUID jobId = JobView.parseId(id);
            try (Database db = context.openDatabase()) {
                var store = new JobStore(db.dataSource());
                JobRow row = store.find(jobId)
                        .orElseThrow(() -> new OutreachException("No job with id " + id + ".", ExitCodes.FAILURE));
                var queries = store.queries(jobId);
                var existing = store.existingByCampaign(jobId);
                if (json) {
                    ObjectNode node = JobView.json(row);
                    if ("discover".equals(row.type())) {
                        node.set("existing_by_campaign", JobView.existingJson(existing));
                    }
                    ArrayNode qs = node.putArray("queries");
                    queries.forEach(q -> qs.add(JSON.valueToTree(q)));
                    context.out().println(JSON.writeValueAsString(node));
                } else {
                    JobView.print(row, queries, existing, context.out());
                }
                return ExitCodes.OK;
            }
        }
    }

    @Command(
            name = "cancel",
            mixinStandardHelpOptions = true,
            description = {
                "Cancel a job.",
                "A pending job is cancelled at once; a running one stops at its next step (within seconds) and keeps "
                        + "what it already committed."
            })
    static final class Cancel implements Callable<Integer> {
        private final CliContext context;

        @Parameters(paramLabel = "ID", description = "The job's id.")
        String id;

        Cancel(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            UUID jobId = JobView.parseId(id);
            try (Database db = context.openDatabase()) {
                switch (new JobStore(db.dataSource()).cancel(jobId)) {
                    case CANCELLED -> context.out().println("Job " + id + " cancelled.");
                    case CANCEL_REQUESTED ->
                        context.out()
                                .println("Job " + id + " is running; it was asked to stop and will"
                                        + " do so at its next step, keeping what it already saved.");
                    case ALREADY_FINISHED -> {
                        context.out().println("Job " + id + " has already ended; nothing to cancel.");
                        return ExitCodes.FAILURE;
                    }
                    case NOT_FOUND -> throw new OutreachException("No job with id " + id + ".", ExitCodes.FAILURE);
                }
                return ExitCodes.OK;
            }
        }
    }
}

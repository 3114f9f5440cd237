package dev.outreachpipeline.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.outreachpipeline.OutreachException;
import dev.outreachpipeline.campaigns.CampaignDiscovery;
import dev.outreachpipeline.campaigns.CampaignStore;
import dev.outreachpipeline.campaigns.DiscoverSubmission;
import dev.outreachpipeline.config.OutreachConfig;
import dev.outreachpipeline.db.Database;
import dev.outreachpipeline.db.SchemaGate;
import dev.outreachpipeline.discovery.Categories;
import dev.outreachpipeline.discovery.DiscoverRequest;
import dev.outreachpipeline.discovery.Locations;
import dev.outreachpipeline.jobs.JobJson;
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
            var submission = DiscoverSubmission.from(config, context.home());
            var given = new CampaignDiscovery.Search(keywords, categories, locations, maxResults);
            if (campaign == null) {
                return submit(submission, refusedUnlessOk(submission.check(given)));
            }
            try (Database db = context.openDatabase()) {
                CampaignOption.requireMigrated(db);
                var decision = submission.check(new CampaignStore(db.dataSource()), campaign, given);
                decision.notes().forEach(n -> context.err().println("Note: " + TerminalText.line(n)));
                context.err().flush();
                return submit(submission, refusedUnlessOk(decision));
            }
        }

        /** Enqueues the checked request; a decision without a campaign leaves the job to 'default'. */
        private Integer submit(DiscoverSubmission submission, CampaignDiscovery.Decision decision) throws Exception {
            try (Database db = context.openDatabase()) {
                SchemaGate.requireCurrent(db);
                var submitted = submission.submit(db.dataSource(), decision, "cli");
                context.out().println(submitted.id());
                context.out().flush();
                if (submitted.dropped() != null) {
                    context.err().println("Note: " + submitted.dropped());
                }
                if (submitted.rerunWarning() != null) {
                    context.err().println("Warning: " + submitted.rerunWarning());
                }
                context.err().flush();
                return waitForIt
                        ? new JobFollower(new JobStore(db.dataSource()), context).follow(submitted.id())
                        : ExitCodes.OK;
            }
        }

        static Locations locationTable(OutreachConfig config, java.nio.file.Path workDir) {
            return DiscoverSubmission.locationTable(config, workDir);
        }

        static Categories categoryTable(OutreachConfig config, java.nio.file.Path workDir) {
            return DiscoverSubmission.categoryTable(config, workDir);
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
            return refusedUnlessOk(DiscoverSubmission.from(config, workDir)
                            .check(new CampaignDiscovery.Search(keywords, categories, locations, maxResults)))
                    .request();
        }

        /** The decision when it accepts the request; a usage error listing every problem otherwise. */
        private static CampaignDiscovery.Decision refusedUnlessOk(CampaignDiscovery.Decision decision) {
            if (!decision.ok()) {
                throw new OutreachException(
                        DiscoverSubmission.NOT_SUBMITTED + ":\n  - " + String.join("\n  - ", decision.problems()),
                        ExitCodes.USAGE);
            }
            return decision;
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
                    rows.forEach(r -> array.add(JobJson.row(r)));
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
                        .orElseThrow(() -> new OutreachException(JobStore.notFound(id), ExitCodes.FAILURE));
                var queries = store.queries(jobId);
                var existing = store.existingByCampaign(jobId);
                if (json) {
                    context.out().println(JSON.writeValueAsString(JobJson.shown(row, queries, existing)));
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
                var outcome = new JobStore(db.dataSource()).cancel(jobId);
                switch (outcome) {
                    case CANCELLED, CANCEL_REQUESTED -> context.out().println(outcome.sentence(id));
                    case ALREADY_FINISHED -> {
                        context.out().println(outcome.sentence(id));
                        return ExitCodes.FAILURE;
                    }
                    case NOT_FOUND -> throw new OutreachException(outcome.sentence(id), ExitCodes.FAILURE);
                }
                return ExitCodes.OK;
            }
        }
    }
}

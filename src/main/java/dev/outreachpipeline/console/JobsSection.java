package dev.outreachpipeline.console;

import dev.outreachpipeline.campaigns.CampaignDiscovery;
import dev.outreachpipeline.campaigns.CampaignStore;
import dev.outreachpipeline.campaigns.DiscoverSubmission;
import dev.outreachpipeline.discovery.DiscoverRequestValidator;
import dev.outreachpipeline.jobs.JobProgress;
import dev.outreachpipeline.jobs.JobRow;
import dev.outreachpipeline.jobs.JobStore;
import io.vertx.ext.web.RoutingContext;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * {@code /jobs}: the recent jobs (narrowed by type and status as {@code job list} narrows them) and a
 * form that submits a discovery through {@link DiscoverSubmission}, so it is refused for the reasons and
 * in the words of {@code job submit discover} and {@code POST /api/v1/jobs}; {@code /jobs/{id}}: one job
 * as it goes (its queries done, prospects saved, cost), with a fragment htmx polls until the job has
 * ended, and a Cancel button that does what {@code job cancel} does.
 */
final class JobsSection implements ConsoleSection {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(JobsSection.class);

    static final String ORIGIN = "console";
    static final int LIMIT = 50;

    private DataSource dataSource;
    private Supplier<DiscoverSubmission> discovery;

    @Override
    public void mount(ConsoleRouter router) {
        this.dataSource = router.services().dataSource();
        this.discovery = router.services().discovery();
        router.get("/jobs", this::list);
        router.post("/jobs", this::submit);
        router.get("/jobs/:id", ctx -> job(ctx, false));
        router.get("/jobs/:id/progress", ctx -> job(ctx, true));
        router.post("/jobs/:id/cancel", this::cancel);
    }

    private ConsoleReply list(RoutingContext ctx) throws SQLException {
        return listPage(ctx, 200, form(null), List.of());
    }

    private ConsoleReply listPage(RoutingContext ctx, int status, Map<String, String> typed, List<String> refusal)
            throws SQLException {
        var model = new HashMap<String, Object>();
        var reasons = new ArrayList<String>();
        String type = RequestValues.query(ctx, "type");
        if (type != null && !JobStore.TYPES.contains(type)) {
            reasons.add("unknown job type '" + type + "'; the types are: " + String.join(", ", JobStore.TYPES));
        }
        String jobStatus = RequestValues.query(ctx, "status");
        if (jobStatus != null && !JobStore.STATUSES.contains(jobStatus)) {
            reasons.add("unknown job status '" + jobStatus + "'; the statuses are: "
                    + String.join(", ", JobStore.STATUSES));
        }
        model.put("types", JobStore.TYPES);
        model.put("statuses", JobStore.STATUSES);
        model.put("type", RequestValues.text(type));
        model.put("status", RequestValues.text(jobStatus));
        var jobs = new ArrayList<Map<String, Object>>();
        if (reasons.isEmpty()) {
            var store = new JobStore(dataSource);
            for (JobRow row : store.list(type, jobStatus, LIMIT)) {
                Map<String, Object> shown = row(row);
                if ("discover".equals(row.type()) && !JobProgress.ENDED.contains(row.status())) {
                    // a discovery under way has no result yet: its queries say how far it is
                    shown.put(
                            "outcome",
                            JobProgress.of(row, store.queries(row.id())).line());
                }
                jobs.add(shown);
            }
        } else {
            model.put("listReasons", reasons);
            status = Math.max(status, 422);
        }
        model.put("jobs", jobs);
        model.put("campaigns", new CampaignStore(dataSource).names());
        model.put("form", typed);
        if (!refusal.isEmpty()) {
            model.put("reasons", refusal);
        }
        model.put("maxMin", DiscoverRequestValidator.MIN_MAX_RESULTS);
        model.put("maxMax", DiscoverRequestValidator.MAX_MAX_RESULTS);
        return new ConsoleReply.Page(status, "jobs.html.ftl", model);
    }

    /** The submission form's values as typed, to show them again after a refusal. */
    private static Map<String, String> form(RoutingContext ctx) {
        var typed = new HashMap<String, String>();
        for (String field : List.of("campaign", "keywords", "categories", "locations", "max_results")) {
            typed.put(field, ctx == null ? "" : RequestValues.typed(ctx, field));
        }
        return typed;
    }

    /**
     * The form as {@code job submit discover} takes its options: an empty field is not given (the
     * campaign's saved search supplies it), categories and locations are comma-separated.
     */
    private ConsoleReply submit(RoutingContext ctx) throws SQLException {
        var reasons = new ArrayList<String>();
        String campaign = RequestValues.form(ctx, "campaign");
        String keywords = RequestValues.form(ctx, "keywords");
        List<String> categories = names(RequestValues.form(ctx, "categories"));
        List<String> locations = names(RequestValues.form(ctx, "locations"));
        Integer maxResults = null;
        String max = RequestValues.form(ctx, "max_results");
        if (max != null) {
            try {
                maxResults = Integer.valueOf(max); // its range is the validator's to check, in its own words
            } catch (NumberFormatException e) {
                reasons.add("max_results must be a whole number, '" + max + "' is not");
            }
        }
        if (!reasons.isEmpty()) {
            return refused(ctx, reasons);
        }
        var given = new CampaignDiscovery.Search(keywords, categories, locations, maxResults);
        DiscoverSubmission submission = discovery.get();
        CampaignDiscovery.Decision decision = campaign == null
                ? submission.check(given)
                : submission.check(new CampaignStore(dataSource), campaign, given);
        if (!decision.ok()) {
            return refused(ctx, decision.problems());
        }
        DiscoverSubmission.Submitted submitted = submission.submit(dataSource, decision, ORIGIN);
        LOG.info(
                "Console: discover job {} submitted for campaign {}",
                submitted.id(),
                campaign == null ? "default" : campaign);
        var said = new StringBuilder("Job " + submitted.id() + " submitted.");
        submitted.notes(decision).forEach(n -> said.append(' ').append(n));
        return ConsoleReply.redirect("/jobs/" + submitted.id(), said.toString());
    }

    private ConsoleReply refused(RoutingContext ctx, List<String> reasons) throws SQLException {
        return listPage(ctx, 422, form(ctx), reasons);
    }

    /** A comma-separated list as --categories and --locations take it; null when empty (not given). */
    private static List<String> names(String typed) {
        return typed == null ? null : List.of(typed.split(",", -1));
    }

    /** The job's page, or (for htmx's polling) just the part that changes. */
    private ConsoleReply job(RoutingContext ctx, boolean fragment) throws SQLException {
        String id = ctx.pathParam("id");
        Optional<UUID> jobId = JobStore.parseId(id);
        if (jobId.isEmpty()) {
            return new ConsoleReply.Page(
                    404, "error.html.ftl", Map.of("title", "Not a job id", "reasons", List.of(JobStore.notAnId(id))));
        }
        var store = new JobStore(dataSource);
        Optional<JobRow> row = store.find(jobId.get());
        if (row.isEmpty()) {
            return new ConsoleReply.Page(
                    404, "error.html.ftl", Map.of("title", "No such job", "reasons", List.of(JobStore.notFound(id))));
        }
        if (fragment && !ConsoleRouter.fromHtmx(ctx)) {
            // the fragment alone is no page to show a browser without JavaScript
            return ConsoleReply.redirect("/jobs/" + jobId.get(), null);
        }
        List<JobStore.QueryRow> queries = store.queries(jobId.get());
        var model = new HashMap<String, Object>();
        Map<String, Object> job = row(row.get());
        JobProgress progress = JobProgress.of(row.get(), queries);
        job.put("ended", progress.ended());
        job.put("done", progress.done());
        job.put("total", progress.total());
        job.put("saved", progress.saved());
        job.put("cost", progress.cost().toPlainString());
        job.put("line", progress.line());
        job.put("cancelRequested", row.get().cancelRequestedAt() != null);
        job.put("started", RequestValues.time(row.get().startedAt()));
        job.put("finished", RequestValues.time(row.get().finishedAt()));
        job.put("origin", RequestValues.text(row.get().origin()));
        model.put("job", job);
        var rows = new ArrayList<Map<String, Object>>();
        for (JobStore.QueryRow q : queries) {
            var m = new HashMap<String, Object>();
            m.put("keyword", RequestValues.text(q.keyword()));
            m.put("location", RequestValues.text(q.location()));
            m.put("category", RequestValues.text(q.category()));
            m.put("status", q.status());
            m.put("found", q.found());
            m.put("saved", q.saved());
            m.put("cost", q.cost() == null ? "" : q.cost().toPlainString());
            m.put("error", RequestValues.text(q.errorMessage()));
            rows.add(m);
        }
        model.put("queries", rows);
        return ConsoleReply.page(fragment ? "job-progress.html.ftl" : "job.html.ftl", model);
    }

    /** As `job cancel`: pending → cancelled, running → asked to stop, ended → refused; each in its sentence. */
    private ConsoleReply cancel(RoutingContext ctx) throws SQLException {
        String id = ctx.pathParam("id");
        Optional<UUID> jobId = JobStore.parseId(id);
        if (jobId.isEmpty()) {
            return new ConsoleReply.Page(
                    404, "error.html.ftl", Map.of("title", "Not a job id", "reasons", List.of(JobStore.notAnId(id))));
        }
        JobStore.CancelOutcome outcome = new JobStore(dataSource).cancel(jobId.get());
        if (outcome == JobStore.CancelOutcome.NOT_FOUND) {
            return new ConsoleReply.Page(
                    404, "error.html.ftl", Map.of("title", "No such job", "reasons", List.of(outcome.sentence(id))));
        }
        LOG.info("Console: cancel of job {}: {}", jobId.get(), outcome);
        return ConsoleReply.redirect("/jobs/" + jobId.get(), outcome.sentence(id));
    }

    private static Map<String, Object> row(JobRow r) {
        var m = new HashMap<String, Object>();
        m.put("id", r.id().toString());
        m.put("type", r.type());
        m.put("campaign", RequestValues.text(r.campaign()));
        m.put("status", r.status());
        m.put("created", RequestValues.time(r.createdAt()));
        m.put("outcome", JobProgress.outcome(r));
        return m;
    }
}

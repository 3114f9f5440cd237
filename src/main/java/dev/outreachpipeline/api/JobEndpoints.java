package dev.outreachpipeline.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outreachpipeline.campaigns.CampaignDiscovery;
import dev.outreachpipeline.campaigns.CampaignStore;
import dev.outreachpipeline.campaigns.DiscoverSubmission;
import dev.outreachpipeline.discovery.DiscoverRequestValidator;
import dev.outreachpipeline.jobs.JobJson;
import dev.outreachpipeline.jobs.JobRow;
import dev.outreachpipeline.jobs.JobStore;
import io.vertx.ext.web.RoutingContext;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * {@code /api/v1/jobs}: submit a discovery, list jobs, show one, cancel one — what {@code outreach job
 * submit discover}, {@code job list --json}, {@code job show --json} and {@code job cancel} do, through
 * the same {@link DiscoverSubmission}, {@link JobStore} and {@link JobJson}.
 */
final class JobEndpoints {

    static final String ORIGIN = "api";
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1000;

    private static final Set<String> FIELDS =
            Set.of("type", "campaign", "keywords", "categories", "locations", "max_results");
    private static final String FIELD_LIST = "type, campaign, keywords, categories, locations, max_results";

    private final DataSource dataSource;
    private final Supplier<DiscoverSubmission> submission;

    /** @param submission the location and category tables and settings, read when a job is submitted */
    JobEndpoints(DataSource dataSource, Supplier<DiscoverSubmission> submission) {
        this.dataSource = dataSource;
        this.submission = submission;
    }

    /**
     * Body: {@code {"type": "discover", "campaign": …, "keywords": "a, b" or [...], "categories": [...],
     * "locations": [...], "max_results": N}}; 201 with the job as {@link #show} gives it, plus
     * {@code notes} (what `job submit` says on stderr: a paused campaign, queries the cap dropped, a
     * rerun of recent queries).
     */
    Answer submit(RoutingContext ctx) throws SQLException {
        String text = ctx.body().asString();
        if (text == null || text.isBlank()) {
            return Answer.refused(
                    400, DiscoverSubmission.NOT_SUBMITTED, List.of("there is no body; send a JSON object"));
        }
        Map<?, ?> request;
        try {
            Object parsed = JsonAnswers.parse(text);
            if (!(parsed instanceof Map<?, ?> map)) {
                return Answer.refused(422, DiscoverSubmission.NOT_SUBMITTED, List.of("the body must be a JSON object"));
            }
            request = map;
        } catch (JsonProcessingException e) {
            return Answer.refused(
                    400, DiscoverSubmission.NOT_SUBMITTED, List.of("the body is not JSON: " + e.getOriginalMessage()));
        }
        var reasons = new ArrayList<String>();
        for (Object field : request.keySet()) {
            if (!FIELDS.contains(field)) {
                reasons.add("unknown field '" + field + "'; the fields are: " + FIELD_LIST);
            }
        }
        Object type = request.get("type");
        if (type == null) {
            reasons.add("type is missing; the API submits jobs of type: discover");
        } else if (!"discover".equals(type)) {
            reasons.add("unknown job type '" + type + "'; the API submits jobs of type: discover");
        }
        String campaign = text(request, "campaign", reasons);
        String keywords = keywords(request.get("keywords"), reasons);
        List<String> categories = names(request, "categories", reasons);
        List<String> locations = names(request, "locations", reasons);
        Integer maxResults = null;
        Object max = request.get("max_results");
        if (max instanceof Integer n) {
            maxResults = n; // its range is the validator's to check, in its own words
        } else if (max instanceof Number n && !(max instanceof Double) && !(max instanceof Float)) {
            reasons.add("max_results must be between " + DiscoverRequestValidator.MIN_MAX_RESULTS + " and "
                    + DiscoverRequestValidator.MAX_MAX_RESULTS + ", is " + n);
        } else if (max != null) {
            reasons.add("max_results must be a whole number, '" + max + "' is not");
        }
        if (!reasons.isEmpty()) {
            return Answer.refused(422, DiscoverSubmission.NOT_SUBMITTED, reasons);
        }

        var given = new CampaignDiscovery.Search(keywords, categories, locations, maxResults);
        DiscoverSubmission discovery = submission.get();
        CampaignDiscovery.Decision decision = campaign == null
                ? discovery.check(given)
                : discovery.check(new CampaignStore(dataSource), campaign, given);
        if (!decision.ok()) {
            return Answer.refused(422, DiscoverSubmission.NOT_SUBMITTED, decision.problems());
        }
        DiscoverSubmission.Submitted submitted = discovery.submit(dataSource, decision, ORIGIN);
        ObjectNode job = shown(new JobStore(dataSource), submitted.id()).orElseThrow();
        ArrayNode notes = job.putArray("notes");
        submitted.notes(decision).forEach(notes::add);
        return new Answer(201, job);
    }

    /** {@code ?type=&status=&limit=}: newest first, each as `job list --json` prints it. */
    Answer list(RoutingContext ctx) throws SQLException {
        var reasons = new ArrayList<String>();
        String type = ctx.queryParams().get("type");
        if (type != null && !JobStore.TYPES.contains(type)) {
            reasons.add("unknown job type '" + type + "'; the types are: " + String.join(", ", JobStore.TYPES));
        }
        String status = ctx.queryParams().get("status");
        if (status != null && !JobStore.STATUSES.contains(status)) {
            reasons.add(
                    "unknown job status '" + status + "'; the statuses are: " + String.join(", ", JobStore.STATUSES));
        }
        int limit = DEFAULT_LIMIT;
        String given = ctx.queryParams().get("limit");
        if (given != null) {
            try {
                limit = Integer.parseInt(given.trim());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                reasons.add("limit must be a whole number from 1 to " + MAX_LIMIT + ", '" + given + "' is not");
            }
        }
        if (!reasons.isEmpty()) {
            return Answer.refused(422, "the jobs cannot be listed", reasons);
        }
        var jobs = new ArrayList<ObjectNode>();
        for (JobRow row : new JobStore(dataSource).list(type, status, limit)) {
            jobs.add(JobJson.row(row));
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("jobs", jobs);
        return Answer.ok(body);
    }

    /** What `job show ID --json` prints: the job and its queries. */
    Answer show(RoutingContext ctx) throws SQLException {
        String id = ctx.pathParam("id");
        Optional<UUID> jobId = JobStore.parseId(id);
        if (jobId.isEmpty()) {
            return Answer.refused(422, "not a job id", List.of(JobStore.notAnId(id)));
        }
        return shown(new JobStore(dataSource), jobId.get())
                .map(Answer::ok)
                .orElseGet(() -> Answer.refused(404, "no such job", List.of(JobStore.notFound(id))));
    }

    /**
     * As `job cancel`: a pending job is cancelled at once, a running one asked to stop at its next step
     * (200 with its status and what happened); a job that already ended is 409.
     */
    Answer cancel(RoutingContext ctx) throws SQLException {
        String id = ctx.pathParam("id");
        Optional<UUID> jobId = JobStore.parseId(id);
        if (jobId.isEmpty()) {
            return Answer.refused(422, "not a job id", List.of(JobStore.notAnId(id)));
        }
        var store = new JobStore(dataSource);
        JobStore.CancelOutcome outcome = store.cancel(jobId.get());
        return switch (outcome) {
            case NOT_FOUND -> Answer.refused(404, "no such job", List.of(outcome.sentence(id)));
            case ALREADY_FINISHED -> Answer.refused(409, "the job has already ended", List.of(outcome.sentence(id)));
            case CANCELLED, CANCEL_REQUESTED -> {
                JobRow row = store.find(jobId.get()).orElseThrow();
                var body = new LinkedHashMap<String, Object>();
                body.put("id", row.id().toString());
                body.put("status", row.status());
                body.put("cancel_requested", outcome == JobStore.CancelOutcome.CANCEL_REQUESTED);
                body.put("message", outcome.sentence(id));
                yield Answer.ok(body);
            }
        };
    }

    private static Optional<ObjectNode> shown(JobStore store, UUID id) throws SQLException {
        Optional<JobRow> row = store.find(id);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(JobJson.shown(row.get(), store.queries(id), store.existingByCampaign(id)));
    }

    private static String text(Map<?, ?> request, String field, List<String> reasons) {
        Object value = request.get(field);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        reasons.add(field + " must be a string");
        return null;
    }

    /** "a, b" as the CLI takes it, or ["a", "b"] (joined with commas, so a comma inside one splits it). */
    private static String keywords(Object value, List<String> reasons) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        List<String> each = strings(value, "keywords", reasons);
        return each == null ? null : String.join(", ", each);
    }

    /** An array of names, or one comma-separated string as the CLI's --categories and --locations take. */
    private static List<String> names(Map<?, ?> request, String field, List<String> reasons) {
        Object value = request.get(field);
        if (value == null) {
            return null;
        }
        if (value instanceof String list) {
            return List.of(list.split(",", -1));
        }
        return strings(value, field, reasons);
    }

    private static List<String> strings(Object value, String field, List<String> reasons) {
        if (!(value instanceof List<?> items)) {
            reasons.add(field + " must be a string or an array of strings");
            return null;
        }
        var out = new ArrayList<String>();
        for (Object item : items) {
            if (item instanceof String s) {
                out.add(s);
            } else {
                reasons.add("every one of " + field + " must be a string, '" + item + "' is not");
            }
        }
        return out;
    }
}

package dev.outreachpipeline.campaigns;

import dev.outreachpipeline.config.OutreachConfig;
import dev.outreachpipeline.discovery.Categories;
import dev.outreachpipeline.discovery.DiscoverRequest;
import dev.outreachpipeline.discovery.DiscoverRequestValidator;
import dev.outreachpipeline.discovery.DiscoveryParams;
import dev.outreachpipeline.discovery.Locations;
import dev.outreachpipeline.discovery.QueryPlan;
import dev.outreachpipeline.discovery.RecentRuns;
import dev.outreachpipeline.discovery.TableSource;
import dev.outreachpipeline.jobs.JobStore;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Submitting a discover job, as {@code outreach job submit discover} and {@code POST /api/v1/jobs}
 * both do it: the request checked (by {@link CampaignDiscovery} for a campaign, by {@link
 * DiscoverRequestValidator} otherwise), then its queries planned and the job enqueued. One place, so
 * the command line and the API refuse the same requests with the same sentences.
 */
public final class DiscoverSubmission {

    /** The sentence every refusal starts with; the problems follow it. */
    public static final String NOT_SUBMITTED = "The discover job was not submitted";

    private final Locations locations;
    private final Categories categories;
    private final int defaultMaxResults;
    private final int maxQueriesPerLocation;
    private final int rerunWarningDays;

    public DiscoverSubmission(
            Locations locations,
            Categories categories,
            int defaultMaxResults,
            int maxQueriesPerLocation,
            int rerunWarningDays) {
        this.locations = locations;
        this.categories = categories;
        this.defaultMaxResults = defaultMaxResults;
        this.maxQueriesPerLocation = maxQueriesPerLocation;
        this.rerunWarningDays = rerunWarningDays;
    }

    /** With the configured location and category tables (paths resolved against {@code workDir}). */
    public static DiscoverSubmission from(OutreachConfig config, Path workDir) {
        return new DiscoverSubmission(
                locationTable(config, workDir),
                categoryTable(config, workDir),
                config.getInt("outreach.discovery.default-max-results"),
                config.getInt("outreach.discovery.max-queries-per-location"),
                config.getInt("outreach.discovery.rerun-warning-days"));
    }

    public static Locations locationTable(OutreachConfig config, Path workDir) {
        return Locations.load(TableSource.configured(
                "outreach.discovery.locations-file", config.get("outreach.discovery.locations-file"), workDir));
    }

    public static Categories categoryTable(OutreachConfig config, Path workDir) {
        return Categories.load(TableSource.configured(
                "outreach.discovery.categories-file", config.get("outreach.discovery.categories-file"), workDir));
    }

    /**
     * A discovery for no campaign (the job belongs to 'default'): exactly what is given, the maximum
     * defaulting to outreach.discovery.default-max-results.
     */
    public CampaignDiscovery.Decision check(CampaignDiscovery.Search given) {
        var request = new DiscoverRequest(
                given.keywords() == null ? "" : given.keywords(),
                trimmed(given.locations()),
                trimmed(given.categories()),
                given.maxResults() == null ? defaultMaxResults : given.maxResults());
        List<String> problems = DiscoverRequestValidator.validate(request, locations, categories);
        return new CampaignDiscovery.Decision(null, problems.isEmpty() ? request : null, problems, List.of());
    }

    /** A discovery for the campaign named {@code campaign}: see {@link CampaignDiscovery#check}. */
    public CampaignDiscovery.Decision check(CampaignStore store, String campaign, CampaignDiscovery.Search given)
            throws SQLException {
        return new CampaignDiscovery(locations, categories, defaultMaxResults).check(store, campaign, given);
    }

    /**
     * A submitted job: its id, what the per-location cap dropped (null when nothing) and the warning
     * when every query already ran lately (null when not).
     */
    public record Submitted(UUID id, String dropped, String rerunWarning) {

        /**
         * Everything said of the submission of {@code decision}, in order: its notes (a paused campaign),
         * what the cap dropped, the rerun warning; what the API answers as {@code notes} and the console shows.
         */
        public List<String> notes(CampaignDiscovery.Decision decision) {
            var notes = new java.util.ArrayList<>(decision.notes());
            if (dropped != null) {
                notes.add(dropped);
            }
            if (rerunWarning != null) {
                notes.add(rerunWarning);
            }
            return List.copyOf(notes);
        }
    }

    /** Enqueues the job an accepted {@code decision} asks for. */
    public Submitted submit(DataSource dataSource, CampaignDiscovery.Decision decision, String origin)
            throws SQLException {
        if (!decision.ok()) {
            throw new IllegalArgumentException("a refused discovery cannot be submitted: " + decision.problems());
        }
        DiscoverRequest request = decision.request();
        QueryPlan plan = DiscoverRequestValidator.queryPlan(request, locations, categories, maxQueriesPerLocation);
        String rerun = RecentRuns.warning(
                plan.queries().size(),
                rerunWarningDays <= 0 ? 0 : new RecentRuns(dataSource).ranWithin(plan.queries(), rerunWarningDays),
                rerunWarningDays);
        String campaign =
                decision.campaign() == null ? null : decision.campaign().name();
        UUID id = new JobStore(dataSource).submit("discover", DiscoveryParams.toJson(request, plan, campaign), origin);
        return new Submitted(id, plan.droppedSentence(), rerun);
    }

    private static List<String> trimmed(List<String> values) {
        return values == null
                ? List.of()
                : values.stream().map(String::trim).filter(v -> !v.isEmpty()).toList();
    }
}

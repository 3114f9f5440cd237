package dev.outreachpipeline.campaigns;

import dev.outreachpipeline.discovery.Categories;
import dev.outreachpipeline.discovery.ControlCharacters;
import dev.outreachpipeline.discovery.DiscoverRequest;
import dev.outreachpipeline.discovery.DiscoverRequestValidator;
import dev.outreachpipeline.discovery.Locations;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides what a discovery asked for a campaign runs, or why it is refused: the one place that
 * checks {@code job submit discover --campaign} (and a campaign's schedule, and later the REST API).
 *
 * <p>The campaign's saved search is the request; each part given with the submission (keywords,
 * categories, locations, maximum) replaces that part for this job only. Refused: an unknown or
 * archived campaign, a campaign with nothing saved when nothing is given, and any request {@link
 * DiscoverRequestValidator} refuses. A paused campaign may still be discovered by hand; the note
 * says so (only its schedule is off).
 */
public final class CampaignDiscovery {

    private final Locations locations;
    private final Categories categories;
    private final int defaultMaxResults;

    /** @param defaultMaxResults {@code outreach.discovery.default-max-results} */
    public CampaignDiscovery(Locations locations, Categories categories, int defaultMaxResults) {
        this.locations = locations;
        this.categories = categories;
        this.defaultMaxResults = defaultMaxResults;
    }

    /**
     * What the submission gives; a null part was not given. Keywords are comma-separated, as typed.
     */
    public record Search(String keywords, List<String> categories, List<String> locations, Integer maxResults) {

        public static final Search NONE = new Search(null, null, null, null);

        private boolean anyOfTheSearch() {
            return keywords != null || categories != null || locations != null;
        }
    }

    /**
     * The outcome: the campaign and the request to enqueue when {@link #ok()}, otherwise every
     * reason it is refused; {@code notes} are said either way (e.g. the campaign is paused).
     */
    public record Decision(Campaign campaign, DiscoverRequest request, List<String> problems, List<String> notes) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** The discovery {@code given} asks for campaign {@code name}, looked up in {@code store}. */
    public Decision check(CampaignStore store, String name, Search given) throws SQLException {
        Optional<Campaign> found = store.find(name);
        if (found.isEmpty()) {
            List<String> names = store.names();
            return refused(
                    null,
                    "No campaign is named '" + ControlCharacters.visible(name) + "'"
                            + (names.isEmpty() ? "." : "; the campaigns are: " + String.join(", ", names) + ".")
                            + " `outreach campaign create NAME` makes one.");
        }
        return check(found.get(), given);
    }

    /** The discovery {@code given} asks for {@code campaign}. */
    public Decision check(Campaign campaign, Search given) {
        String name = campaign.name();
        if (Campaign.ARCHIVED.equals(campaign.status())) {
            return refused(
                    campaign,
                    "The campaign '" + name + "' is archived; make it active again with `outreach campaign resume "
                            + name + "` before discovering for it.");
        }
        boolean saved = !campaign.keywords().isEmpty()
                || !campaign.categories().isEmpty()
                || !campaign.locations().isEmpty();
        if (!saved && !given.anyOfTheSearch()) {
            return refused(
                    campaign,
                    "The campaign '" + name + "' has no saved search and none was given: give --keywords or"
                            + " --categories and --locations, or save a search with `outreach campaign update " + name
                            + " --keywords \"...\" --locations ...`.");
        }
        var request = new DiscoverRequest(
                given.keywords() != null ? given.keywords() : String.join(", ", campaign.keywords()),
                given.locations() != null ? trimmed(given.locations()) : campaign.locations(),
                given.categories() != null ? trimmed(given.categories()) : campaign.categories(),
                given.maxResults() != null
                        ? given.maxResults()
                        : campaign.maxResults() != null ? campaign.maxResults() : defaultMaxResults);
        List<String> problems = DiscoverRequestValidator.validate(request, locations, categories);
        var notes = new ArrayList<String>();
        if (Campaign.PAUSED.equals(campaign.status())) {
            notes.add("The campaign '" + name + "' is paused: this discovery runs because it was asked for by hand;"
                    + " its schedule stays off until `outreach campaign resume " + name + "`.");
        }
        return new Decision(campaign, problems.isEmpty() ? request : null, problems, List.copyOf(notes));
    }

    /**
     * The request a campaign's schedule runs: its saved search as it stands, refused as a hand-made
     * submission would be. A paused or archived campaign's schedule runs nothing.
     */
    public Decision scheduled(Campaign campaign) {
        if (!Campaign.ACTIVE.equals(campaign.status())) {
            return refused(campaign, "The campaign '" + campaign.name() + "' is " + campaign.status() + ".");
        }
        return check(campaign, Search.NONE);
    }

    private static Decision refused(Campaign campaign, String problem) {
        return new Decision(campaign, null, List.of(problem), List.of());
    }

    private static List<String> trimmed(List<String> values) {
        return values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
    }
}

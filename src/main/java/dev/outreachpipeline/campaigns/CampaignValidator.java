package dev.outreachpipeline.campaigns;

import dev.outreachpipeline.discovery.Categories;
import dev.outreachpipeline.discovery.ControlCharacters;
import dev.outreachpipeline.discovery.DiscoverRequest;
import dev.outreachpipeline.discovery.DiscoverRequestValidator;
import dev.outreachpipeline.discovery.Location;
import dev.outreachpipeline.discovery.Locations;
import dev.outreachpipeline.drafting.CampaignPitch;
import dev.outreachpipeline.drafting.CampaignTemplatesCheck;
import dev.outreachpipeline.drafting.DraftTemplates;
import dev.outreachpipeline.sending.MailboxIds;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.quartz.CronExpression;

/**
 * Checks a campaign before it is stored and reports every problem at once, each as a sentence an
 * operator can act on. The saved search is checked exactly as a discover job's request is ({@link
 * DiscoverRequestValidator}, against the same location and category tables), so a campaign never
 * saves a search its discovery would refuse; only the parts it leaves out are not asked for.
 */
public final class CampaignValidator {

    /** The form the database's CHECK holds names to: scripts type them. */
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private final Locations locations;
    private final Categories categories;
    private final Set<String> mailboxes;
    private final DraftTemplates globalTemplates;

    /** A validator that checks a campaign's templates against the built-in global ones. */
    public CampaignValidator(Locations locations, Categories categories, Set<String> mailboxes) {
        this(locations, categories, mailboxes, DraftTemplates.builtIn());
    }

    /** @param globalTemplates the templates a campaign's directory falls back to, file by file */
    public CampaignValidator(
            Locations locations, Categories categories, Set<String> mailboxes, DraftTemplates globalTemplates) {
        this.locations = locations;
        this.categories = categories;
        this.mailboxes = mailboxes;
        this.globalTemplates = globalTemplates;
    }

    /**
     * The campaign as it would be stored (categories and locations spelled as their tables spell
     * them), and what is wrong with it.
     */
    public record Checked(Campaign campaign, List<String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    public Checked check(Campaign proposed, CampaignChanges changes) {
        var problems = new ArrayList<String>();
        problems.addAll(nameProblems(proposed.name()));
        if (proposed.siteUrl() != null && !isHttpUrl(proposed.siteUrl())) {
            problems.add("The site '" + ControlCharacters.visible(proposed.siteUrl())
                    + "' is not an http:// or https:// URL with a host, e.g. https://example.com.");
        }
        String maxResultsProblem = changes.maxResultsProblem();
        if (maxResultsProblem != null) {
            problems.add(maxResultsProblem);
        }
        var search = new DiscoverRequest(
                String.join(", ", proposed.keywords()),
                proposed.locations(),
                proposed.categories(),
                proposed.maxResults() == null ? DiscoverRequestValidator.MIN_MAX_RESULTS : proposed.maxResults());
        problems.addAll(DiscoverRequestValidator.validateGiven(search, locations, categories));
        if (proposed.schedule() != null) {
            try {
                new CronExpression(proposed.schedule());
            } catch (ParseException e) {
                problems.add(
                        "The schedule '" + ControlCharacters.visible(proposed.schedule()) + "' is not a Quartz cron"
                                + " expression (seconds minutes hours day-of-month month day-of-week, e.g. '0 0 6 * * ?'): "
                                + e.getMessage() + ".");
            }
        }
        if (proposed.templatesDir() != null && ControlCharacters.any(proposed.templatesDir())) {
            problems.add("The templates directory '" + ControlCharacters.visible(proposed.templatesDir())
                    + "' contains control characters; remove them.");
        } else if (changes.templates() != null || changes.site() != null) {
            // Given now, or the site its templates may name changed: checked as its drafts would render. A site
            // refused above stands in as a valid one, so its templates are not refused for the same mistake.
            String site = proposed.siteUrl() == null || isHttpUrl(proposed.siteUrl())
                    ? proposed.siteUrl()
                    : "https://site.example";
            problems.addAll(CampaignTemplatesCheck.problems(
                    new CampaignPitch(proposed.name(), site, proposed.templatesDir()), globalTemplates));
        }
        // One mailbox, or several to rotate over, comma-separated: each must be configured.
        List<String> named = MailboxIds.parse(proposed.mailbox());
        if (named.isEmpty()) {
            problems.add("No mailbox is named; known mailboxes: "
                    + String.join(", ", mailboxes.stream().sorted().toList()) + ".");
        }
        for (String id : named) {
            if (!mailboxes.contains(id)) {
                problems.add("Unknown mailbox '" + ControlCharacters.visible(id) + "'; known mailboxes: "
                        + String.join(", ", mailboxes.stream().sorted().toList()) + ".");
            }
        }
        Campaign normalised = problems.isEmpty() ? normalise(proposed) : proposed;
        return new Checked(normalised, List.copyOf(problems));
    }

    /** Why a name cannot be a campaign's; empty when it can. */
    public static List<String> nameProblems(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            return List.of(
                    "The campaign name '" + (name == null ? "" : ControlCharacters.visible(name)) + "' is not one a"
                            + " script can type safely: use 1 to 64 lower-case letters, digits, '.', '_' and '-', starting with a"
                            + " letter or digit.");
        }
        return List.of();
    }

    private Campaign normalise(Campaign c) {
        List<String> knownCategories = c.categories().stream()
                .map(n -> categories.find(n).orElseThrow())
                .distinct()
                .toList();
        List<String> knownLocations = c.locations().stream()
                .map(n -> locations.find(n).map(Location::name).orElseThrow())
                .distinct()
                .toList();
        return new Campaign(
                c.id(),
                c.name(),
                c.status(),
                c.siteUrl(),
                c.keywords(),
                knownCategories,
                knownLocations,
                c.maxResults(),
                c.schedule(),
                c.templatesDir(),
                String.join(
                        ",", MailboxIds.parse(c.mailbox()).stream().distinct().toList()),
                c.createdAt(),
                c.updatedAt());
    }

    private static boolean isHttpUrl(String text) {
        if (ControlCharacters.any(text) || text.chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https"))
                    && uri.getHost() != null
                    && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}

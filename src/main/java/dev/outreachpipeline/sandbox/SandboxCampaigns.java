package dev.outreachpipeline.sandbox;

import dev.outreachpipeline.campaigns.Campaign;
import dev.outreachpipeline.campaigns.KnownMailboxes;
import dev.outreachpipeline.discovery.DiscoverRequest;
import java.util.Arrays;
import java.util.List;

/**
 * The two campaigns a sandbox run shows side by side: two niches (the keywords split between them),
 * two target sites and two mailboxes, so a newcomer sees each message go out from its campaign's
 * mailbox with its campaign's pitch. With a single keyword both campaigns search it, and the
 * second one's results count as existing under the first (a domain stays one prospect).
 */
final class SandboxCampaigns {

    /** The sandbox's second sending mailbox, on the same mail sink as the first. */
    static final String SECOND_MAILBOX = "partners";

    static final String SECOND_MAILBOX_FROM = "partners@sandbox.example";

    static final String SECOND_MAILBOX_NAME = "Sandbox Partnerships";

    /** One campaign of the run and the discovery it starts with. */
    record Planned(Campaign campaign, DiscoverRequest request) {

        String describe() {
            return campaign.name() + " (keywords \"" + request.keywords() + "\", site " + campaign.siteUrl()
                    + ", mailbox " + campaign.mailbox() + ", at most " + request.maxResults() + " prospects)";
        }
    }

    private SandboxCampaigns() {}

    /**
     * @param given the sandbox's options: its keywords are split between the two campaigns, its
     *     maximum shared (each gets at least one)
     */
    static List<Planned> plan(DiscoverRequest given) {
        List<String> keywords = Arrays.stream(given.keywords().split(","))
                .map(String::trim)
                .filter(k -> !k.isEmpty())
                .toList();
        int half = (keywords.size() + 1) / 2;
        List<String> first = keywords.subList(0, half);
        List<String> second = keywords.size() > 1 ? keywords.subList(half, keywords.size()) : keywords;
        int firstMax = (given.maxResults() + 1) / 2;
        int secondMax = Math.max(1, given.maxResults() / 2);
        return List.of(
                planned("gardens", "https://green-thumb.example/", KnownMailboxes.DEFAULT, first, given, firstMax),
                planned("interiors", "https://cosy-rooms.example/", SECOND_MAILBOX, second, given, secondMax));
    }

    /** Whether the two campaigns search the same keywords (a sandbox given a single one). */
    static boolean shareKeywords(List<Planned> planned) {
        return planned.get(0)
                .request()
                .keywords()
                .equals(planned.get(1).request().keywords());
    }

    private static Planned planned(
            String name, String site, String mailbox, List<String> keywords, DiscoverRequest given, int max) {
        var campaign = new Campaign(
                null,
                name,
                Campaign.ACTIVE,
                site,
                keywords,
                given.categories(),
                given.locations(),
                max,
                null,
                null,
                mailbox,
                null,
                null);
        var request = new DiscoverRequest(String.join(", ", keywords), given.locations(), given.categories(), max);
        return new Planned(campaign, request);
    }
}

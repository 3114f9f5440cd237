package dev.outreachpipeline.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreachpipeline.discovery.Categories;
import dev.outreachpipeline.discovery.DiscoverRequest;
import dev.outreachpipeline.discovery.Locations;
import dev.outreachpipeline.discovery.TableSource;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a discovery asked for a campaign runs, or why it is refused, without a database. */
class CampaignDiscoveryTest {

    private static final Locations LOCATIONS = Locations.load(TableSource.text("locations.csv", """
            name,code,description
            usa,2840,United States
            uk,2826,United Kingdom
            """));
    private static final Categories CATEGORIES = Categories.load(TableSource.text("categories.properties", """
            home_decor = home decor blog, interior design blog
            """));
    private static final CampaignDiscovery DISCOVERY = new CampaignDiscovery(LOCATIONS, CATEGORIES, 100);

    private static Campaign campaign(String status, List<String> keywords, List<String> locations, Integer max) {
        return new Campaign(
                UUID.randomUUID(),
                "shoes",
                status,
                null,
                keywords,
                List.of("home_decor"),
                locations,
                max,
                "0 0 6 * * ?",
                null,
                "default",
                null,
                null);
    }

    private static final Campaign SAVED =
            campaign(Campaign.ACTIVE, List.of("running shoes", "trail shoes"), List.of("usa", "uk"), 40);

    @Test
    void theSavedSearchRunsAsItIs() {
        var decision = DISCOVERY.check(SAVED, CampaignDiscovery.Search.NONE);

        assertThat(decision.problems()).isEmpty();
        assertThat(decision.notes()).isEmpty();
        assertThat(decision.request())
                .isEqualTo(new DiscoverRequest(
                        "running shoes, trail shoes", List.of("usa", "uk"), List.of("home_decor"), 40));
    }

    @Test
    void eachPartGivenReplacesThatPartOnly() {
        assertThat(DISCOVERY
                        .check(SAVED, new CampaignDiscovery.Search("boots", null, null, null))
                        .request())
                .isEqualTo(new DiscoverRequest("boots", List.of("usa", "uk"), List.of("home_decor"), 40));
        assertThat(DISCOVERY
                        .check(SAVED, new CampaignDiscovery.Search(null, List.of(), List.of(" uk "), 5))
                        .request())
                .isEqualTo(new DiscoverRequest("running shoes, trail shoes", List.of("uk"), List.of(), 5));
        assertThat(DISCOVERY
                        .check(
                                campaign(Campaign.ACTIVE, List.of("a"), List.of("uk"), null),
                                CampaignDiscovery.Search.NONE)
                        .request()
                        .maxResults())
                .as("no maximum saved: the configured default")
                .isEqualTo(100);
    }

    @Test
    void refusalsSayWhyAndWhatToDo() {
        var archived = DISCOVERY.check(
                campaign(Campaign.ARCHIVED, List.of("a"), List.of("uk"), null), CampaignDiscovery.Search.NONE);
        assertThat(archived.ok()).isFalse();
        assertThat(archived.problems())
                .containsExactly("The campaign 'shoes' is archived; make it active again with"
                        + " `outreach campaign resume shoes` before discovering for it.");

        var nothingSaved = DISCOVERY.check(
                new Campaign(
                        UUID.randomUUID(),
                        "shoes",
                        Campaign.ACTIVE,
                        null,
                        List.of(),
                        List.of(),
                        List.of(),
                        null,
                        null,
                        null,
                        "default",
                        null,
                        null),
                CampaignDiscovery.Search.NONE);
        assertThat(nothingSaved.problems()).singleElement().asString().contains("has no saved search");

        var badOverride = DISCOVERY.check(SAVED, new CampaignDiscovery.Search(null, null, List.of("atlantis"), 0));
        assertThat(badOverride.request()).isNull();
        assertThat(badOverride.problems()).anyMatch(p -> p.contains("atlantis")).anyMatch(p -> p.contains("between"));
    }

    @Test
    void aPausedCampaignIsDiscoveredByHandWithANoteButItsScheduleRunsNothing() {
        Campaign paused = campaign(Campaign.PAUSED, List.of("a"), List.of("uk"), null);

        var byHand = DISCOVERY.check(paused, CampaignDiscovery.Search.NONE);
        assertThat(byHand.ok()).isTrue();
        assertThat(byHand.notes()).singleElement().asString().contains("is paused");

        assertThat(DISCOVERY.scheduled(paused).ok()).isFalse();
        assertThat(DISCOVERY.scheduled(SAVED).ok()).isTrue();
    }
}

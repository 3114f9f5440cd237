package dev.outreachpipeline.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreachpipeline.discovery.Categories;
import dev.outreachpipeline.discovery.Locations;
import dev.outreachpipeline.discovery.TableSource;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A campaign's settings checked and normalised, without a database. */
class CampaignValidatorTest {

    private static final Locations LOCATIONS = Locations.load(TableSource.text("locations.csv", """
            name,code,description
            usa,2840,United States
            united states,2840,United States
            uk,2826,United Kingdom
            """));
    private static final Categories CATEGORIES = Categories.load(TableSource.text("categories.properties", """
            home_decor = home decor blog, interior design blog
            holiday = holiday decorating blog
            """));
    private static final CampaignValidator VALIDATOR = new CampaignValidator(LOCATIONS, CATEGORIES, Set.of("default"));

    private static CampaignChanges changes(
            String site,
            String keywords,
            List<String> categories,
            List<String> locations,
            String maxResults,
            String schedule,
            String mailbox) {
        return new CampaignChanges(site, keywords, categories, locations, maxResults, schedule, null, mailbox);
    }

    private static CampaignValidator.Checked check(CampaignChanges changes) {
        return VALIDATOR.check(changes.applyTo(Campaign.named("acme")), changes);
    }

    @Test
    void aValidCampaignIsStoredAsTheTablesSpellItsNames() {
        var checked = check(changes(
                "https://acme.example/path?q=1",
                " garden ,  patio   chairs,",
                List.of(" HOME_DECOR", "home_decor"),
                List.of("USA", "2840", "united states", "Uk"),
                "100",
                "0 0 6 * * ?",
                "default"));

        assertThat(checked.problems()).isEmpty();
        Campaign c = checked.campaign();
        assertThat(c.keywords()).containsExactly("garden", "patio chairs");
        assertThat(c.categories()).containsExactly("home_decor");
        // a code and a synonym resolve to the same location, kept once
        assertThat(c.locations()).containsExactly("usa", "united states", "uk");
        assertThat(c.maxResults()).isEqualTo(100);
        assertThat(c.siteUrl()).isEqualTo("https://acme.example/path?q=1");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        var checked = check(changes(
                "http:///nohost", "ok", List.of("knitting"), List.of("atlantis", "uk"), "0", "0 0 25 * * ?", "sales"));

        assertThat(checked.ok()).isFalse();
        assertThat(checked.problems())
                .hasSize(6)
                .anySatisfy(p -> assertThat(p).startsWith("The site 'http:///nohost'"))
                .anySatisfy(p -> assertThat(p).startsWith("Unknown category 'knitting'"))
                .anySatisfy(p -> assertThat(p).startsWith("Unknown location 'atlantis'"))
                .anySatisfy(p -> assertThat(p).contains("must be between 1 and 1000, is 0"))
                .anySatisfy(
                        p -> assertThat(p).startsWith("The schedule '0 0 25 * * ?' is not a Quartz cron expression"))
                .anySatisfy(p -> assertThat(p).isEqualTo("Unknown mailbox 'sales'; known mailboxes: default."));
    }

    @Test
    void onlyHttpAndHttpsUrlsWithAHostAreSites() {
        for (String bad : new String[] {
            "ftp://acme.example",
            "acme.example",
            "https://",
            "https://acme .example",
            "javascript:alert(1)",
            "https://acme.example/\u001B[2J"
        }) {
            assertThat(check(changes(bad, null, null, null, null, null, null)).problems())
                    .as(bad)
                    .hasSize(1);
        }
        for (String good : new String[] {"http://acme.example", "HTTPS://Acme.Example:8443/blog/"}) {
            assertThat(check(changes(good, null, null, null, null, null, null)).problems())
                    .as(good)
                    .isEmpty();
        }
    }

    @Test
    void aSavedSearchMayLeaveOutKeywordsCategoriesAndLocations() {
        assertThat(check(changes(null, null, null, null, null, null, null)).problems())
                .isEmpty();
        assertThat(check(changes(null, null, null, List.of("uk"), null, null, null))
                        .problems())
                .isEmpty();
    }

    @Test
    void aMaximumThatIsNotANumberIsNamedAsSuch() {
        assertThat(check(changes(null, null, null, null, "lots", null, null)).problems())
                .containsExactly("The maximum number of results 'lots' is not a whole number.");
    }

    @Test
    void namesAreWhatScriptsCanTypeSafely() {
        for (String good : new String[] {"acme", "acme-2025", "client.site_b", "0"}) {
            assertThat(CampaignValidator.nameProblems(good)).as(good).isEmpty();
        }
        for (String bad : new String[] {"", "Acme", "acme garden", "-acme", "a/b", "x".repeat(65), "acme\u001B"}) {
            assertThat(CampaignValidator.nameProblems(bad)).as(bad).hasSize(1);
        }
    }

    @Test
    void anUpdateChangesOnlyWhatIsGivenAndAnEmptyValueClearsIt() {
        Campaign stored = new CampaignChanges(
                        "https://acme.example",
                        "garden",
                        List.of("holiday"),
                        List.of("usa"),
                        "50",
                        "0 0 6 * * ?",
                        "templates/acme",
                        "default")
                .applyTo(Campaign.named("acme"));

        Campaign updated = new CampaignChanges(null, "", null, List.of(""), "", "", null, null).applyTo(stored);

        assertThat(updated.siteUrl()).isEqualTo("https://acme.example");
        assertThat(updated.keywords()).isEmpty();
        assertThat(updated.categories()).containsExactly("holiday");
        assertThat(updated.locations()).isEmpty();
        assertThat(updated.maxResults()).isNull();
        assertThat(updated.schedule()).isNull();
        assertThat(updated.templatesDir()).isEqualTo("templates/acme");
        assertThat(updated.mailbox()).isEqualTo("default");
    }

    @Test
    void aCampaignMayNameSeveralConfiguredMailboxesToRotateOverAndEachUnknownOneIsRefused() {
        var validator = new CampaignValidator(LOCATIONS, CATEGORIES, Set.of("default", "kim"));
        var rotating = changes(null, null, null, null, null, null, " default, kim ,kim");

        var checked = validator.check(rotating.applyTo(Campaign.named("acme")), rotating);

        assertThat(checked.problems()).isEmpty();
        assertThat(checked.campaign().mailbox()).isEqualTo("default,kim");

        var unknown = changes(null, null, null, null, null, null, "kim,lee,zed");
        assertThat(validator
                        .check(unknown.applyTo(Campaign.named("acme")), unknown)
                        .problems())
                .containsExactly(
                        "Unknown mailbox 'lee'; known mailboxes: default, kim.",
                        "Unknown mailbox 'zed'; known mailboxes: default, kim.");
    }
}

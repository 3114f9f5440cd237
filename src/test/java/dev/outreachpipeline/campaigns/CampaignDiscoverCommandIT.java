package dev.outreachpipeline.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreachpipeline.testsupport.CliRun;
import dev.outreachpipeline.testsupport.TestDatabase;
import dev.outreachpipeline.testsupport.TestPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code outreach job submit discover --campaign}: the saved search, overrides for one job, the
 * refusals (exit 2, nothing enqueued), a paused campaign said so, and the job recorded as the
 * campaign's. One database for all of it; the rules themselves are proven in {@link
 * CampaignDiscoveryTest}.
 */
class CampaignDiscoverCommandIT {

    private final TestDatabase db = TestPostgres.newDatabase();
    private final Map<String, String> env = db.env();

    private CliRun run(String... args) {
        return CliRun.run(env, args);
    }

    private CliRun submit(String... args) {
        var all = new ArrayList<>(List.of("job", "submit", "discover"));
        all.addAll(List.of(args));
        return run(all.toArray(String[]::new));
    }

    private Map<String, Object> job(String id) {
        return db.rowsOf("""
                        SELECT c.name AS campaign, j.params ->> 'keywords' AS keywords, j.params ->> 'locations' AS locations,
                               j.params ->> 'categories' AS categories, j.params ->> 'max_results' AS max_results,
                               j.params ->> 'campaign' AS named
                          FROM jobs j LEFT JOIN campaigns c ON c.id = j.campaign_id WHERE j.id = '""" + id + "'").get(0);
    }

    @Test
    void aCampaignsSavedSearchRunsEachGivenPartOverridesItAndTheRefusalsSayWhy() {
        assertThat(run("db", "migrate").exitCode()).isZero();
        assertThat(run(
                                "campaign",
                                "create",
                                "shoes",
                                "--keywords",
                                "running shoes, trail shoes",
                                "--categories",
                                "home_decor",
                                "--locations",
                                "usa,uk",
                                "--max-results",
                                "40")
                        .exitCode())
                .isZero();
        assertThat(run("campaign", "create", "gone", "--keywords", "a", "--locations", "uk")
                        .exitCode())
                .isZero();
        assertThat(run("campaign", "archive", "gone").exitCode()).isZero();

        CliRun saved = submit("--campaign", "shoes");
        assertThat(saved.exitCode()).as(saved.err()).isZero();
        assertThat(job(saved.out().strip()))
                .containsEntry("campaign", "shoes")
                .containsEntry("named", "shoes")
                .containsEntry("keywords", "running shoes, trail shoes")
                .containsEntry("locations", "[\"usa\",\"uk\"]")
                .containsEntry("categories", "[\"home_decor\"]")
                .containsEntry("max_results", "40");

        CliRun overridden = submit("--campaign", "shoes", "--keywords", "hiking boots", "--max-results", "5");
        assertThat(overridden.exitCode()).as(overridden.err()).isZero();
        assertThat(job(overridden.out().strip()))
                .containsEntry("campaign", "shoes")
                .containsEntry("keywords", "hiking boots")
                .containsEntry("locations", "[\"usa\",\"uk\"]")
                .containsEntry("categories", "[\"home_decor\"]")
                .containsEntry("max_results", "5");
        assertThat(db.count("SELECT max_results FROM campaigns WHERE name = 'shoes'"))
                .as("an override is for that job only")
                .isEqualTo(40);

        CliRun withoutCampaign = submit("--keywords", "garden lights", "--locations", "uk");
        assertThat(withoutCampaign.exitCode()).as(withoutCampaign.err()).isZero();
        assertThat(job(withoutCampaign.out().strip()))
                .containsEntry("campaign", "default")
                .containsEntry("named", null);

        long jobs = db.count("SELECT count(*) FROM jobs");
        CliRun unknown = submit("--campaign", "nope");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("No campaign is named 'nope'").contains("shoes");
        CliRun archived = submit("--campaign", "gone");
        assertThat(archived.exitCode()).isEqualTo(2);
        assertThat(archived.err()).contains("'gone' is archived").contains("outreach campaign resume gone");
        CliRun badOverride = submit("--campaign", "shoes", "--locations", "atlantis");
        assertThat(badOverride.exitCode()).isEqualTo(2);
        assertThat(badOverride.err()).contains("atlantis");
        assertThat(db.count("SELECT count(*) FROM jobs"))
                .as("nothing refused was enqueued")
                .isEqualTo(jobs);

        assertThat(run("campaign", "pause", "shoes").exitCode()).isZero();
        CliRun paused = submit("--campaign", "shoes");
        assertThat(paused.exitCode()).as(paused.err()).isZero();
        assertThat(paused.out().strip()).matches("[0-9a-f-]{36}");
        assertThat(paused.err()).contains("'shoes' is paused").contains("its schedule stays off");
        assertThat(job(paused.out().strip())).containsEntry("campaign", "shoes");
    }
}

package dev.outreachpipeline.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outreachpipeline.testsupport.CliRun;
import dev.outreachpipeline.testsupport.TestDatabase;
import dev.outreachpipeline.testsupport.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `outreach campaign …` on a real database: settings stored as checked, every refusal at once, status changes, the funnel. */
class CampaignCommandIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestDatabase db = TestPostgres.newDatabase();
    private final Map<String, String> env = db.env();

    @TempDir
    Path tmp;

    @BeforeEach
    void migrate() {
        assertThat(CliRun.run(env, "db", "migrate").exitCode()).isZero();
    }

    private CliRun campaign(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "campaign";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliRun.run(env, all);
    }

    private JsonNode showJson(String name) throws Exception {
        CliRun show = campaign("show", name, "--json");
        assertThat(show.exitCode()).as(show.err()).isZero();
        return JSON.readTree(show.out());
    }

    @Test
    void createStoresTheCheckedSettingsAndListAndShowGiveThemBack() throws Exception {
        Path templates = Files.createDirectories(tmp.resolve("campaigns/acme"));
        Files.writeString(templates.resolve("subject.ftl"), "An idea for ${domain}");
        CliRun create = campaign(
                "create",
                "acme-garden",
                "--site",
                "https://acme.example/shop",
                "--keywords",
                "garden,  patio chairs",
                "--categories",
                "Home_Decor",
                "--locations",
                "USA, uk",
                "--max-results",
                "40",
                "--schedule",
                "0 0 6 * * ?",
                "--templates",
                templates.toString(),
                "--mailbox",
                "default");

        assertThat(create.exitCode()).as(create.err()).isZero();
        assertThat(create.out()).contains("Created campaign acme-garden.");
        JsonNode c = showJson("acme-garden");
        assertThat(c.get("name").asText()).isEqualTo("acme-garden");
        assertThat(c.get("status").asText()).isEqualTo("active");
        assertThat(c.get("site").asText()).isEqualTo("https://acme.example/shop");
        assertThat(c.get("keywords").toString()).isEqualTo("[\"garden\",\"patio chairs\"]");
        // spelled as the tables spell them
        assertThat(c.get("categories").toString()).isEqualTo("[\"home_decor\"]");
        assertThat(c.get("locations").toString()).isEqualTo("[\"usa\",\"uk\"]");
        assertThat(c.get("max_results").asInt()).isEqualTo(40);
        assertThat(c.get("schedule").asText()).isEqualTo("0 0 6 * * ?");
        assertThat(c.get("templates").asText()).isEqualTo(templates.toString());
        assertThat(c.get("mailbox").asText()).isEqualTo("default");
        assertThat(c.get("funnel").get("prospects").asLong()).isZero();

        CliRun list = campaign("list", "--json");
        assertThat(list.exitCode()).as(list.err()).isZero();
        JsonNode all = JSON.readTree(list.out());
        assertThat(all).hasSize(2);
        assertThat(all.get(0).get("name").asText()).isEqualTo("acme-garden");
        assertThat(all.get(1).get("name").asText()).isEqualTo("default");
        assertThat(all.get(1).get("mailbox").asText()).isEqualTo("default");
        CliRun text = campaign("list");
        assertThat(text.out())
                .contains("NAME")
                .contains("acme-garden")
                .contains("https://acme.example/shop")
                .contains("default");

        CliRun shown = campaign("show", "acme-garden");
        assertThat(shown.out())
                .contains("Campaign acme-garden  (active)")
                .contains("garden, patio chairs")
                .contains("usa, uk")
                .contains("0 0 6 * * ?")
                .contains("Funnel:");
    }

    @Test
    void updateChangesOnlyWhatIsGivenAndAnEmptyValueClearsIt() throws Exception {
        assertThat(campaign(
                                "create",
                                "acme",
                                "--site",
                                "https://acme.example",
                                "--locations",
                                "usa",
                                "--schedule",
                                "0 0 6 * * ?")
                        .exitCode())
                .isZero();

        CliRun update = campaign("update", "acme", "--keywords", "lamps", "--schedule", "", "--max-results", "25");

        assertThat(update.exitCode()).as(update.err()).isZero();
        assertThat(update.out()).contains("Updated campaign acme: keywords, max_results, schedule.");
        JsonNode c = showJson("acme");
        assertThat(c.get("site").asText()).isEqualTo("https://acme.example");
        assertThat(c.get("locations").toString()).isEqualTo("[\"usa\"]");
        assertThat(c.get("keywords").toString()).isEqualTo("[\"lamps\"]");
        assertThat(c.get("max_results").asInt()).isEqualTo(25);
        assertThat(c.get("schedule").isNull()).isTrue();

        CliRun nothing = campaign("update", "acme");
        assertThat(nothing.exitCode()).isEqualTo(2);
        assertThat(nothing.err()).contains("Give at least one setting to change");
    }

    @Test
    void badSettingsAreRefusedWithEveryReasonAndNothingIsStored() {
        CliRun bad = campaign(
                "create",
                "acme",
                "--site",
                "ftp://acme.example",
                "--locations",
                "usa,atlantis",
                "--categories",
                "home_decor,knitting",
                "--schedule",
                "every morning",
                "--mailbox",
                "sales",
                "--max-results",
                "5000");

        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err())
                .contains("Campaign 'acme' was not created:")
                .contains("The site 'ftp://acme.example' is not an http:// or https:// URL")
                .contains("Unknown location 'atlantis'")
                .contains("Unknown category 'knitting'")
                .contains("The schedule 'every morning' is not a Quartz cron expression")
                .contains("Unknown mailbox 'sales'; known mailboxes: default.")
                .contains("must be between 1 and 1000, is 5000");
        assertThat(db.count("SELECT count(*) FROM campaigns WHERE name = 'acme'"))
                .isZero();

        CliRun notANumber = campaign("create", "acme", "--max-results", "lots", "--site", "acme.example");
        assertThat(notANumber.exitCode()).isEqualTo(2);
        assertThat(notANumber.err())
                .contains("The maximum number of results 'lots' is not a whole number.")
                .contains("The site 'acme.example' is not an http:// or https:// URL");

        CliRun badName = campaign("create", "Acme Garden");
        assertThat(badName.exitCode()).isEqualTo(2);
        assertThat(badName.err()).contains("The campaign name 'Acme Garden' is not one a script can type safely");
        assertThat(db.count("SELECT count(*) FROM campaigns")).isOne();
    }

    @Test
    void aTemplatesDirectoryThatIsMissingOrDoesNotParseIsRefusedWithTheReasonAndARelativeOneIsStoredAbsolute()
            throws Exception {
        CliRun missing = CliRun.run(env, tmp, "campaign", "create", "acme", "--templates", "nowhere");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err())
                .contains("Campaign 'acme' was not created:")
                .contains(
                        "The templates directory " + tmp.resolve("nowhere") + " does not exist or is not a directory.");
        assertThat(db.count("SELECT count(*) FROM campaigns WHERE name = 'acme'"))
                .isZero();

        Path good = Files.createDirectories(tmp.resolve("good"));
        Files.writeString(good.resolve("body.txt.ftl"), "${greeting}\nA link to ${targetDomain}, please.\n");
        CliRun noSite = CliRun.run(env, tmp, "campaign", "create", "acme", "--templates", "good");
        assertThat(noSite.exitCode()).isEqualTo(2);
        assertThat(noSite.err())
                .contains("The campaign's templates do not render: template body.txt.ftl of campaign 'acme' ("
                        + good.resolve("body.txt.ftl") + "), line 2: the variable 'targetDomain' is empty because"
                        + " campaign 'acme' has no site");

        CliRun created = CliRun.run(
                env, tmp, "campaign", "create", "acme", "--templates", "good", "--site", "https://acme.example");
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(showJson("acme").get("templates").asText()).isEqualTo(good.toString());

        Path broken = Files.createDirectories(tmp.resolve("broken"));
        Files.writeString(broken.resolve("subject.ftl"), "An idea for ${domain");
        CliRun update = CliRun.run(env, tmp, "campaign", "update", "acme", "--templates", broken.toString());
        assertThat(update.exitCode()).isEqualTo(2);
        assertThat(update.err())
                .contains("Campaign 'acme' was not changed:")
                .contains("template subject.ftl of campaign 'acme' (" + broken.resolve("subject.ftl")
                        + ") has a syntax error at line 1");
        assertThat(showJson("acme").get("templates").asText()).isEqualTo(good.toString());

        CliRun clearSite = campaign("update", "acme", "--site", "");
        assertThat(clearSite.exitCode()).isEqualTo(2);
        assertThat(clearSite.err())
                .contains("the variable 'targetDomain' is empty because campaign 'acme' has no site");
        CliRun cleared = campaign("update", "acme", "--templates", "");
        assertThat(cleared.exitCode()).as(cleared.err()).isZero();
        assertThat(showJson("acme").get("templates").isNull()).isTrue();
    }

    @Test
    void aDuplicateNameIsRefusedTogetherWithTheOtherReasons() {
        assertThat(campaign("create", "acme").exitCode()).isZero();

        CliRun again = campaign("create", "acme", "--locations", "atlantis");
        CliRun theDefault = campaign("create", "default");

        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err())
                .contains("A campaign named 'acme' exists already")
                .contains("Unknown location 'atlantis'");
        assertThat(theDefault.exitCode()).isEqualTo(2);
        assertThat(theDefault.err()).contains("A campaign named 'default' exists already");
        assertThat(db.count("SELECT count(*) FROM campaigns")).isEqualTo(2);
    }

    @Test
    void aBadUpdateChangesNothing() throws Exception {
        assertThat(campaign("create", "acme", "--site", "https://acme.example", "--locations", "usa")
                        .exitCode())
                .isZero();
        String before = showJson("acme").toString();

        CliRun update =
                campaign("update", "acme", "--site", "not a url", "--locations", "usa,atlantis", "--mailbox", "sales");

        assertThat(update.exitCode()).isEqualTo(2);
        assertThat(update.err())
                .contains("Campaign 'acme' was not changed:")
                .contains("The site 'not a url'")
                .contains("Unknown location 'atlantis'")
                .contains("Unknown mailbox 'sales'");
        assertThat(showJson("acme").toString()).isEqualTo(before);
    }

    @Test
    void pauseResumeAndArchiveMoveTheStatusAndSayWhatTheyDid() throws Exception {
        assertThat(campaign("create", "acme").exitCode()).isZero();

        CliRun pause = campaign("pause", "acme");
        assertThat(pause.exitCode()).as(pause.err()).isZero();
        assertThat(pause.out()).contains("Campaign acme is paused (was active).");
        assertThat(campaign("pause", "acme").out()).contains("is paused already; nothing changed.");
        assertThat(showJson("acme").get("status").asText()).isEqualTo("paused");

        assertThat(campaign("resume", "acme").out()).contains("Campaign acme is active (was paused).");
        assertThat(campaign("archive", "acme").out()).contains("Campaign acme is archived (was active).");
        CliRun pauseArchived = campaign("pause", "acme");
        assertThat(pauseArchived.exitCode()).isEqualTo(1);
        assertThat(pauseArchived.err()).contains("is archived, so not paused");
        JsonNode list = JSON.readTree(campaign("list", "--json").out());
        assertThat(list.get(list.size() - 1).get("name").asText())
                .as("archived ones list last")
                .isEqualTo("acme");
        assertThat(campaign("resume", "acme").out()).contains("Campaign acme is active (was archived).");

        CliRun archiveDefault = campaign("archive", "default");
        assertThat(archiveDefault.exitCode()).isEqualTo(1);
        assertThat(archiveDefault.err()).contains("The campaign 'default' cannot be archived");
        assertThat(db.count("SELECT count(*) FROM campaigns WHERE name = 'default' AND status = 'active'"))
                .isOne();
    }

    @Test
    void anUnknownCampaignIsAUsageErrorNamingTheCampaignsThereAre() {
        for (String verb : new String[] {"show", "pause", "resume", "archive"}) {
            CliRun run = campaign(verb, "nope");
            assertThat(run.exitCode()).as(verb).isEqualTo(2);
            assertThat(run.err()).as(verb).contains("No campaign is named 'nope'; the campaigns are: default.");
        }
        CliRun update = campaign("update", "nope", "--site", "https://x.example");
        assertThat(update.exitCode()).isEqualTo(2);
        assertThat(update.err()).contains("No campaign is named 'nope'");
    }

    @Test
    void showCountsTheCampaignsProspectsByStatusItsMessagesAndReplies() throws Exception {
        assertThat(campaign("create", "acme").exitCode()).isZero();
        db.execute("""
                INSERT INTO prospects (id, domain, outreach_status, campaign_id) VALUES
                 ('20000000-0000-4000-8000-000000000001', 'one.example', 'sent', (SELECT id FROM campaigns WHERE name = 'acme')),
                 ('20000000-0000-4000-8000-000000000002', 'two.example', 'replied', (SELECT id FROM campaigns WHERE name = 'acme')),
                 ('20000000-0000-4000-8000-000000000003', 'three.example', 'drafted', (SELECT id FROM campaigns WHERE name = 'acme'));
                INSERT INTO prospects (id, domain, outreach_status) VALUES
                 ('20000000-0000-4000-8000-000000000004', 'elsewhere.example', 'replied');
                INSERT INTO email_logs (prospect_id, subject) VALUES
                 ('20000000-0000-4000-8000-000000000001', 'first'), ('20000000-0000-4000-8000-000000000001', 'follow-up'),
                 ('20000000-0000-4000-8000-000000000002', 'first'), ('20000000-0000-4000-8000-000000000004', 'first');
                """);

        JsonNode funnel = showJson("acme").get("funnel");

        assertThat(funnel.get("prospects").asLong()).isEqualTo(3);
        assertThat(funnel.get("prospects_by_status").toString()).isEqualTo("{\"drafted\":1,\"sent\":1,\"replied\":1}");
        assertThat(funnel.get("messages_sent").asLong()).isEqualTo(3);
        assertThat(funnel.get("prospects_messaged").asLong()).isEqualTo(2);
        assertThat(funnel.get("replies").asLong()).isEqualTo(1);
        assertThat(campaign("show", "acme").out())
                .contains("prospects    3: drafted 1, sent 1, replied 1")
                .contains("sent         3 message(s) to 2 prospect(s)")
                .contains("replies      1");
        assertThat(showJson("default").get("funnel").get("replies").asLong()).isEqualTo(1);
    }
}

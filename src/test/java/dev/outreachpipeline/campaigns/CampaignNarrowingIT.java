package dev.outreachpipeline.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outreachpipeline.prospects.ProspectCsv;
import dev.outreachpipeline.testsupport.CliRun;
import dev.outreachpipeline.testsupport.TestDatabase;
import dev.outreachpipeline.testsupport.TestPostgres;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --campaign NAME} on prospects list, export, approve --all and status: only that campaign's
 * prospects, an unknown name refused; and where each prospect came from in the JSON and the CSV.
 */
class CampaignNarrowingIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACME_DRAFTED = "20000000-0000-4000-8000-000000000001";
    private static final String ACME_SENT = "20000000-0000-4000-8000-000000000002";
    private static final String DEFAULT_DRAFTED = "20000000-0000-4000-8000-000000000003";

    private final TestDatabase db = TestPostgres.newDatabase();
    private final Map<String, String> env = db.env("MAIL_FROM", "sam@sender.example");

    @TempDir
    Path tmp;

    @BeforeEach
    void twoCampaigns() {
        assertThat(CliRun.run(env, "db", "migrate").exitCode()).isZero();
        assertThat(CliRun.run(env, "campaign", "create", "acme").exitCode()).isZero();
        db.execute("""
                INSERT INTO jobs (id, job_type, status, origin, campaign_id) VALUES
                 ('10000000-0000-4000-8000-000000000001', 'discover', 'completed', 'cli', (SELECT id FROM campaigns WHERE name = 'acme')),
                 ('10000000-0000-4000-8000-000000000002', 'discover', 'completed', 'cli', NULL);
                INSERT INTO discovery_queries (id, job_id, keyword, location, status) VALUES
                 ('30000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', 'garden chairs', 'uk', 'success');
                INSERT INTO prospects (id, domain, contact_email, contact_name, outreach_status, score, discovery_query_id, campaign_id) VALUES
                 ('%s', 'chairs.example', 'ana@chairs.example', 'Ana', 'drafted', 70, '30000000-0000-4000-8000-000000000001',
                  (SELECT id FROM campaigns WHERE name = 'acme')),
                 ('%s', 'sent.example', 'ed@sent.example', NULL, 'sent', 60, NULL, (SELECT id FROM campaigns WHERE name = 'acme'));
                INSERT INTO prospects (id, domain, contact_email, outreach_status, score) VALUES
                 ('%s', 'other.example', 'bo@other.example', 'drafted', 90);
                INSERT INTO send_attempts (prospect_id, step, message_id, mailbox, status) VALUES
                 ('%s', 0, '<a@sender.example>', 'sam@sender.example', 'sent');
                """.formatted(ACME_DRAFTED, ACME_SENT, DEFAULT_DRAFTED, ACME_SENT));
    }

    @Test
    void prospectsListNarrowsToTheCampaignAndItsJsonSaysWhereEachCameFrom() throws Exception {
        CliRun acme = CliRun.run(env, "prospects", "list", "--campaign", "acme", "--json");
        CliRun all = CliRun.run(env, "prospects", "list", "--json");

        assertThat(acme.exitCode()).as(acme.err()).isZero();
        JsonNode rows = JSON.readTree(acme.out());
        assertThat(rows).hasSize(2);
        JsonNode chairs = rows.get(0);
        assertThat(chairs.get("id").asText()).isEqualTo(ACME_DRAFTED);
        assertThat(chairs.get("campaign").asText()).isEqualTo("acme");
        assertThat(chairs.get("keyword").asText()).isEqualTo("garden chairs");
        assertThat(chairs.get("location").asText()).isEqualTo("uk");
        assertThat(chairs.get("contact_first_name").asText()).isEqualTo("Ana");
        assertThat(rows.get(1).get("keyword").isNull()).isTrue();
        JsonNode everyone = JSON.readTree(all.out());
        assertThat(everyone).hasSize(3);
        assertThat(everyone.get(0).get("campaign").asText()).isEqualTo("default");
        assertThat(CliRun.run(env, "prospects", "list", "--campaign", "default").out())
                .contains("other.example")
                .doesNotContain("chairs.example");
    }

    @Test
    void prospectsShowJsonCarriesTheCampaignKeywordLocationAndFirstName() throws Exception {
        CliRun show = CliRun.run(env, "prospects", "show", ACME_DRAFTED, "--json");

        assertThat(show.exitCode()).as(show.err()).isZero();
        JsonNode p = JSON.readTree(show.out());
        assertThat(p.get("campaign").asText()).isEqualTo("acme");
        assertThat(p.get("keyword").asText()).isEqualTo("garden chairs");
        assertThat(p.get("location").asText()).isEqualTo("uk");
        assertThat(p.get("contact_first_name").asText()).isEqualTo("Ana");
        assertThat(CliRun.run(env, "prospects", "show", ACME_DRAFTED).out()).contains("campaign      acme");
    }

    @Test
    void theExportKeepsItsColumnsAndAddsCampaignKeywordLocationAndFirstName() throws Exception {
        Path file = tmp.resolve("acme.csv");

        CliRun export = CliRun.run(env, tmp, "prospects", "export", "--campaign", "acme", "--out", file.toString());

        assertThat(export.exitCode()).as(export.err()).isZero();
        String header = Files.readAllLines(file, StandardCharsets.UTF_8).get(0);
        assertThat(header)
                .isEqualTo("id,domain,page_url,page_title,contact_email,contact_method,score,outreach_status,last_sent,"
                        + "followups_sent,draft_subject,created_at,campaign,keyword,location,contact_first_name");
        List<Map<String, String>> rows;
        try (Reader r = Files.newBufferedReader(file)) {
            rows = ProspectCsv.read(r);
        }
        assertThat(rows).extracting(r -> r.get("id")).containsExactly(ACME_DRAFTED, ACME_SENT);
        assertThat(rows.get(0))
                .containsEntry("campaign", "acme")
                .containsEntry("keyword", "garden chairs")
                .containsEntry("location", "uk")
                .containsEntry("contact_first_name", "Ana");
    }

    @Test
    void approveAllApprovesOnlyTheCampaignsDraftedProspects() {
        CliRun approve = CliRun.run(env, "prospects", "approve", "--all", "--campaign", "acme");

        assertThat(approve.exitCode()).as(approve.err()).isZero();
        assertThat(approve.out()).contains("Approved 1 drafted prospect(s).");
        assertThat(db.count("SELECT count(*) FROM prospects WHERE id = '" + ACME_DRAFTED
                        + "' AND outreach_status = 'approved'"))
                .isOne();
        assertThat(db.count("SELECT count(*) FROM prospects WHERE id = '" + DEFAULT_DRAFTED
                        + "' AND outreach_status = 'drafted'"))
                .isOne();

        CliRun withIds = CliRun.run(env, "prospects", "approve", DEFAULT_DRAFTED, "--campaign", "acme");
        assertThat(withIds.exitCode()).isEqualTo(2);
        assertThat(withIds.err()).contains("--campaign narrows --all");
    }

    @Test
    void statusNarrowsJobsProspectsAndTodaysSendsToTheCampaign() throws Exception {
        CliRun status = CliRun.run(env, "status", "--campaign", "acme", "--json");

        assertThat(status.exitCode()).as(status.err()).isZero();
        JsonNode f = JSON.readTree(status.out());
        assertThat(f.get("campaign").asText()).isEqualTo("acme");
        assertThat(f.get("prospects").toString()).isEqualTo("{\"drafted\":1,\"sent\":1}");
        assertThat(f.get("jobs").get("by_status").toString()).isEqualTo("{\"completed\":1}");
        assertThat(f.get("sends").get("sent_today").asLong()).isOne();

        JsonNode theDefault = JSON.readTree(
                CliRun.run(env, "status", "--campaign", "default", "--json").out());
        assertThat(theDefault.get("prospects").toString()).isEqualTo("{\"drafted\":1}");
        assertThat(theDefault.get("sends").get("sent_today").asLong()).isZero();
        JsonNode whole = JSON.readTree(CliRun.run(env, "status", "--json").out());
        assertThat(whole.has("campaign")).isFalse();
        assertThat(whole.get("jobs").get("by_status").toString()).isEqualTo("{\"completed\":2}");
        assertThat(CliRun.run(env, "status", "--campaign", "acme").out()).contains("Campaign:   acme");
    }

    @Test
    void anUnknownCampaignIsAUsageErrorForEveryNarrowedCommand() {
        String[][] commands = {
            {"prospects", "list", "--campaign", "nope"},
            {
                "prospects",
                "export",
                "--campaign",
                "nope",
                "--out",
                tmp.resolve("x.csv").toString()
            },
            {"prospects", "approve", "--all", "--campaign", "nope"},
            {"status", "--campaign", "nope"}
        };
        for (String[] args : commands) {
            CliRun run = CliRun.run(env, tmp, args);
            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.err())
                    .as(String.join(" ", args))
                    .contains("No campaign is named 'nope'; the campaigns are: acme, default.");
        }
        assertThat(tmp.resolve("x.csv")).doesNotExist();
        assertThat(db.count("SELECT count(*) FROM prospects WHERE outreach_status = 'approved'"))
                .isZero();
    }
}

package dev.outreachpipeline.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outreachpipeline.db.NamedParameters;
import dev.outreachpipeline.testsupport.CliRun;
import dev.outreachpipeline.testsupport.TestDatabase;
import dev.outreachpipeline.testsupport.TestPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * V17 on a fresh database and on an adopted predecessor's: both get the campaign 'default', every
 * existing prospect lands in it, and so does one discovery inserts with its unchanged statement.
 */
class CampaignMigrationIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aFreshDatabaseHasAnEmptyDefaultCampaignThatDiscoveredProspectsLandIn() throws Exception {
        TestDatabase db = TestPostgres.newDatabase();
        assertThat(CliRun.run(db.env(), "db", "migrate").exitCode()).isZero();

        var campaigns = db.rowsOf("SELECT name, status, mailbox, site_url FROM campaigns");
        assertThat(campaigns).hasSize(1);
        assertThat(campaigns.get(0))
                .containsEntry("name", "default")
                .containsEntry("status", "active")
                .containsEntry("mailbox", "default")
                .containsEntry("site_url", null);

        db.execute("""
                INSERT INTO jobs (id, job_type, status, origin) VALUES ('10000000-0000-4000-8000-000000000001', 'discover', 'running', 'cli');
                INSERT INTO discovery_queries (id, job_id, keyword, location) VALUES
                 ('30000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', 'garden', 'usa');
                """);
        List<String> inserted = insertProspectsAsDiscoveryDoes(
                db,
                "30000000-0000-4000-8000-000000000001",
                "[{\"domain\":\"found.example\",\"page_url\":\"https://found.example/\",\"page_title\":\"Found\",\"payload\":{}}]");

        assertThat(inserted).containsExactly("found.example");
        assertThat(db.count("SELECT count(*) FROM prospects p JOIN campaigns c ON c.id = p.campaign_id"
                        + " WHERE p.domain = 'found.example' AND c.name = 'default'"))
                .isOne();
        assertThatThrownBy(() -> db.execute("INSERT INTO campaigns (name, status) VALUES ('x', 'sleeping')"))
                .hasMessageContaining("campaigns_known_status");
        assertThatThrownBy(() -> db.execute("INSERT INTO campaigns (name) VALUES ('default')"))
                .hasMessageContaining("campaigns_name_key");
        assertThatThrownBy(() -> db.execute("UPDATE prospects SET campaign_id = NULL"))
                .hasMessageContaining("campaign_id");
    }

    @Test
    void anAdoptedPredecessorDatabasePutsEveryProspectIntoDefaultAndStillVerifies() throws Exception {
        TestDatabase db = TestPostgres.newDatabase();
        db.executeResource("predecessor/production-schema.sql");
        db.executeResource("predecessor/production-rows.sql");
        long prospects = db.count("SELECT count(*) FROM prospects");
        var updatedBefore = db.rowsOf("SELECT id::text AS id, updated_at FROM prospects ORDER BY id");

        CliRun migrate = CliRun.run(db.env(), "db", "migrate");

        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        assertThat(prospects).isPositive();
        assertThat(
                        db.count(
                                "SELECT count(*) FROM prospects p JOIN campaigns c ON c.id = p.campaign_id WHERE c.name = 'default'"))
                .isEqualTo(prospects);
        assertThat(db.rowsOf("SELECT id::text AS id, updated_at FROM prospects ORDER BY id"))
                .as("adopting into 'default' updates no row")
                .isEqualTo(updatedBefore);
        assertThat(db.count("SELECT count(*) FROM jobs WHERE campaign_id IS NOT NULL"))
                .isZero();
        CliRun show = CliRun.run(db.env(), "campaign", "show", "default", "--json");
        assertThat(show.exitCode()).as(show.err()).isZero();
        JsonNode funnel = JSON.readTree(show.out()).get("funnel");
        assertThat(funnel.get("prospects").asLong()).isEqualTo(prospects);
        assertThat(funnel.get("messages_sent").asLong()).isEqualTo(db.count("SELECT count(*) FROM email_logs"));
        CliRun list = CliRun.run(db.env(), "prospects", "list", "--campaign", "default", "--json");
        assertThat(JSON.readTree(list.out())).hasSize((int) prospects);
        CliRun verify = CliRun.run(db.env(), "db", "verify");
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
    }

    /**
     * sql/insert-prospects.sql exactly as the discovery route runs it, for the job recorded without a
     * campaign (as every job before campaigns was): its prospects land in 'default'.
     */
    private static List<String> insertProspectsAsDiscoveryDoes(TestDatabase db, String queryId, String rows)
            throws Exception {
        String text;
        try (InputStream in =
                CampaignMigrationIT.class.getClassLoader().getResourceAsStream("sql/insert-prospects.sql")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        NamedParameters sql = NamedParameters.of(text);
        var domains = new ArrayList<String>();
        try (Connection c = db.connect();
                PreparedStatement ps = c.prepareStatement(sql.jdbcText())) {
            sql.bind(ps, Map.of("queryId", queryId, "rows", rows, "jobId", "10000000-0000-4000-8000-000000000001"));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    domains.add(rs.getString(1));
                }
            }
        }
        return domains;
    }
}

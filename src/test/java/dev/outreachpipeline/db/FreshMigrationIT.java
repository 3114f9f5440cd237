package dev.outreachpipeline.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outreachpipeline.testsupport.CliRun;
import dev.outreachpipeline.testsupport.CurrentSchema;
import dev.outreachpipeline.testsupport.TestDatabase;
import dev.outreachpipeline.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

/** The catalog a fresh migration leaves, read from information_schema and pg_catalog, never from the files. */
class FreshMigrationIT {

    /** schema-v1.md, table by table: column|type|nullable|default. */
    private static final List<String> V1_COLUMNS = List.of(
            "jobs|id|uuid|NO|gen_random_uuid()",
            "jobs|user_id|uuid|YES|",
            "jobs|job_type|character varying|NO|",
            "jobs|params|json|YES|",
            "jobs|status|character varying|YES|'pending'::character varying",
            "jobs|result|json|YES|",
            "jobs|error_message|text|YES|",
            "jobs|created_at|timestamp with time zone|YES|now()",
            "jobs|updated_at|timestamp with time zone|YES|now()",
            "prospects|id|uuid|NO|gen_random_uuid()",
            "prospects|domain|character varying|NO|",
            "prospects|page_url|text|YES|",
            "prospects|page_title|text|YES|",
            "prospects|contact_email|character varying|YES|",
            "prospects|contact_method|character varying|YES|",
            "prospects|da_est|numeric(5,2)|YES|",
            "prospects|score|numeric(5,2)|YES|0",
            "prospects|outreach_status|character varying|YES|'pending'::character varying",
            "prospects|last_sent|timestamp with time zone|YES|",
            "prospects|followups_sent|integer|YES|0",
            "prospects|draft_subject|text|YES|",
            "prospects|draft_body|text|YES|",
            "prospects|dataforseo_payload|json|YES|",
            "prospects|hunter_payload|json|YES|",
            "prospects|discovery_query_id|uuid|YES|",
            "prospects|created_at|timestamp with time zone|YES|now()",
            "prospects|updated_at|timestamp with time zone|YES|now()",
            "email_logs|id|uuid|NO|gen_random_uuid()",
            "email_logs|prospect_id|uuid|NO|",
            "email_logs|subject|text|YES|",
            "email_logs|body|text|YES|",
            "email_logs|response|json|YES|",
            "email_logs|sent_at|timestamp with time zone|YES|now()",
            "settings|id|uuid|NO|gen_random_uuid()",
            "settings|key|character varying|NO|",
            "settings|value|json|YES|",
            "settings|created_at|timestamp with time zone|YES|now()",
            "settings|updated_at|timestamp with time zone|YES|now()",
            "discovery_queries|id|uuid|NO|gen_random_uuid()",
            "discovery_queries|job_id|uuid|NO|",
            "discovery_queries|keyword|character varying|NO|",
            "discovery_queries|location|character varying|NO|",
            "discovery_queries|location_code|integer|YES|",
            "discovery_queries|category|character varying|YES|",
            "discovery_queries|status|character varying|YES|'pending'::character varying",
            "discovery_queries|results_found|integer|YES|0",
            "discovery_queries|results_saved|integer|YES|0",
            "discovery_queries|results_skipped_duplicate|integer|YES|0",
            "discovery_queries|results_skipped_existing|integer|YES|0",
            "discovery_queries|error_message|text|YES|",
            "discovery_queries|query_metadata|json|YES|",
            "discovery_queries|created_at|timestamp with time zone|YES|now()",
            "discovery_queries|updated_at|timestamp with time zone|YES|now()");

    private static final List<String> V1_INDEXES = List.of(
            "ix_jobs_id",
            "ix_jobs_job_type",
            "ix_jobs_status",
            "ix_jobs_created_at",
            "ix_prospects_id",
            "ix_prospects_domain",
            "ix_prospects_contact_email",
            "ix_prospects_outreach_status",
            "ix_prospects_discovery_query_id",
            "ix_prospects_created_at",
            "ix_email_logs_id",
            "ix_email_logs_prospect_id",
            "ix_email_logs_sent_at",
            "ix_settings_key",
            "ix_discovery_queries_id",
            "ix_discovery_queries_job_id",
            "ix_discovery_queries_keyword",
            "ix_discovery_queries_location",
            "ix_discovery_queries_category",
            "ix_discovery_queries_status",
            "ix_discovery_queries_created_at");

    @Test
    void v1MatchesTheAuditedSchemaColumnByColumn() throws SQLException {
        TestDatabase db = TestPostgres.newDatabase();
        try (Database database = db.open()) {
            Migrations.configure(database.dataSource(), "public")
                    .target(MigrationVersion.fromVersion("1"))
                    .load()
                    .migrate();
        }

        assertThat(strings(db, """
                SELECT table_name || '|' || column_name || '|' ||
                       CASE WHEN data_type = 'numeric' THEN 'numeric(' || numeric_precision || ',' || numeric_scale || ')'
                            ELSE data_type END || '|' || is_nullable || '|' || coalesce(column_default, '')
                  FROM information_schema.columns
                 WHERE table_schema = 'public' AND table_name <> 'flyway_schema_history'""")).containsExactlyInAnyOrderElementsOf(V1_COLUMNS);
        assertThat(strings(db, """
                SELECT indexname FROM pg_indexes
                 WHERE schemaname = 'public' AND indexname LIKE 'ix\\_%' AND tablename <> 'flyway_schema_history'""")).containsExactlyInAnyOrderElementsOf(V1_INDEXES);
        assertThat(strings(db, """
                SELECT tc.table_name || '.' || kcu.column_name || ' -> ' || ccu.table_name || '.' || ccu.column_name
                  FROM information_schema.table_constraints tc
                  JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name
                  JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name
                 WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = 'public'"""))
                .containsExactlyInAnyOrder(
                        "discovery_queries.job_id -> jobs.id",
                        "prospects.discovery_query_id -> discovery_queries.id",
                        "email_logs.prospect_id -> prospects.id");
        assertThat(strings(db, """
                SELECT tc.table_name || '.' || kcu.column_name
                  FROM information_schema.table_constraints tc
                  JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name
                 WHERE tc.constraint_type = 'UNIQUE' AND tc.table_schema = 'public'""")).containsExactly("settings.key");
        assertThat(strings(db, """
                SELECT table_name FROM information_schema.tables
                 WHERE table_schema = 'public' AND table_name <> 'flyway_schema_history'"""))
                .containsExactlyInAnyOrder("jobs", "prospects", "email_logs", "settings", "discovery_queries");
    }

    @Test
    void laterMigrationsHardenWithoutTouchingV1() {
        TestDatabase db = TestPostgres.newDatabase();
        CliRun migrate = CliRun.run(db.env(), "db", "migrate");
        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        assertThat(migrate.out())
                .contains("Applied " + CurrentSchema.migrationCount() + " migration(s)")
                .contains("version " + CurrentSchema.latestVersion());

        // NOT NULL where the default makes NULL meaningless
        assertThat(strings(db, """
                SELECT table_name || '.' || column_name FROM information_schema.columns
                 WHERE table_schema = 'public' AND is_nullable = 'NO' AND column_default IS NOT NULL
                   AND column_name <> 'id' AND table_name <> 'flyway_schema_history'"""))
                .containsExactlyInAnyOrder(
                        "jobs.status",
                        "prospects.outreach_status",
                        "prospects.followups_sent",
                        "discovery_queries.status",
                        "discovery_queries.results_found",
                        "discovery_queries.results_saved",
                        "discovery_queries.results_skipped_duplicate",
                        "discovery_queries.results_skipped_existing",
                        "prospects_merged.merged_at",
                        "jobs.attempts",
                        "discovery_queries.api_calls",
                        "discovery_queries.cost",
                        "provider_pauses.created_at",
                        "suppressions.created_at",
                        "send_attempts.status",
                        "send_attempts.created_at",
                        "prospects.send_attempts",
                        "mailbox_reads.updated_at",
                        "campaigns.status",
                        "campaigns.keywords",
                        "campaigns.categories",
                        "campaigns.locations",
                        "campaigns.mailbox",
                        "campaigns.created_at",
                        "campaigns.updated_at",
                        "prospects.campaign_id",
                        "mailbox_pauses.paused_at",
                        "link_placements.status",
                        "link_placements.rel",
                        "link_placements.redirects",
                        "link_placements.next_check_at",
                        "link_placements.checks",
                        "link_placements.checks_in_status",
                        "link_placements.misses_in_a_row",
                        "link_placements.created_at",
                        "link_checks.rel",
                        "link_checks.redirects",
                        "prospect_stage_history.changed_at",
                        "replies.recorded_at",
                        "prospects.llm_calls",
                        "prospects.llm_tokens_in",
                        "prospects.llm_tokens_out",
                        "llm_usage.at");
        assertThatThrownBy(() -> db.execute("INSERT INTO jobs (job_type, status) VALUES ('discover', NULL)"))
                .hasMessageContaining("null value in column \"status\"");

        // updated_at maintained by the database, unless a statement sets it itself
        db.execute("INSERT INTO settings (key, value, updated_at) VALUES ('a', '1', '2001-01-01T00:00:00Z')");
        db.execute("UPDATE settings SET value = '2' WHERE key = 'a'");
        assertThat(db.count(
                        "SELECT count(*) FROM settings WHERE key = 'a' AND updated_at > now() - interval '1 minute'"))
                .isEqualTo(1);
        db.execute("UPDATE settings SET value = '3', updated_at = '2002-02-02T00:00:00Z' WHERE key = 'a'");
        assertThat(db.count("SELECT count(*) FROM settings WHERE key = 'a' AND updated_at = '2002-02-02T00:00:00Z'"))
                .isEqualTo(1);

        // the de-duplication key: unique and lower-case
        db.execute("INSERT INTO prospects (domain) VALUES ('example.com')");
        assertThatThrownBy(() -> db.execute("INSERT INTO prospects (domain) VALUES ('example.com')"))
                .hasMessageContaining("ux_prospects_domain");
        assertThatThrownBy(() -> db.execute("INSERT INTO prospects (domain) VALUES ('Example.org')"))
                .hasMessageContaining("prospects_domain_lower_case");
    }

    @Test
    void migratingAgainChangesNothing() {
        TestDatabase db = TestPostgres.newDatabase();
        assertThat(CliRun.run(db.env(), "db", "migrate").exitCode()).isZero();
        SchemaCatalog before = db.catalog();

        CliRun again = CliRun.run(db.env(), "db", "migrate");

        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("The schema is up to date (version " + CurrentSchema.latestVersion() + ")");
        assertThat(db.catalog()).isEqualTo(before);
    }

    private static List<String> strings(TestDatabase db, String sql) {
        var out = new ArrayList<String>();
        try (Connection c = db.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}

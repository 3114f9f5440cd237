package dev.outreachpipeline.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outreachpipeline.cli.ExitCodes;
import dev.outreachpipeline.testsupport.CliRun;
import dev.outreachpipeline.testsupport.CurrentSchema;
import dev.outreachpipeline.testsupport.TestDatabase;
import dev.outreachpipeline.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;

class SchemaVerifierIT {

    private final TestDatabase db = TestPostgres.newDatabase();

    private TestDatabase migrated() {
        try (Database database = db.open()) {
            new SchemaMigrator(database).migrate();
        }
        return db;
    }

    private CliRun verify(String... extra) {
        String[] args = new String[extra.length + 2];
        args[0] = "db";
        args[1] = "verify";
        System.arraycopy(extra, 0, args, 2, extra.length);
        return CliRun.run(db.env(), args);
    }

    private VerifyReport report() {
        try (Database database = db.open()) {
            return new SchemaVerifier(database).verify();
        }
    }

    /** The drift, then what to do about it, both on stdout; exit 3. */
    private String drifted() {
        CliRun run = verify();
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.DRIFT);
        assertThat(run.out()).contains("Drift:", "What to do:");
        return run.out();
    }

    @Test
    void freshlyMigratedDatabaseHasNoDrift() {
        migrated();

        CliRun run = verify();

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out())
                .contains(
                        "No drift",
                        CurrentSchema.tables() + " table(s)",
                        "schema version " + CurrentSchema.latestVersion(),
                        "prospects_merged");
        VerifyReport report = report();
        assertThat(report.clean()).isTrue();
        assertThat(report.tables()).isEqualTo(CurrentSchema.tables());
        assertThat(report.tableNames())
                .contains(
                        "discovery_queries",
                        "email_logs",
                        "jobs",
                        "prospects",
                        "prospects_merged",
                        "settings",
                        "qrtz_triggers");
        assertThat(report.foreignKeys()).isGreaterThanOrEqualTo(3);
        assertThat(report.schemaVersion()).isEqualTo(CurrentSchema.latestVersion());
        assertThat(db.count("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'outreach_scratch_%'"))
                .as("the scratch schema is dropped again")
                .isZero();
    }

    @Test
    void droppedIndex() {
        migrated().execute("DROP INDEX ix_jobs_status");

        assertThat(drifted())
                .contains(
                        "Index ix_jobs_status on jobs is missing",
                        "CREATE INDEX ix_jobs_status ON jobs USING btree (status)",
                        "undo");
    }

    @Test
    void extraColumn() {
        migrated().execute("ALTER TABLE prospects ADD COLUMN notes text");

        assertThat(drifted())
                .contains("Column prospects.notes is not defined by any migration: found a column of type text.");
    }

    @Test
    void changedNullability() {
        migrated().execute("ALTER TABLE jobs ALTER COLUMN user_id SET NOT NULL");

        assertThat(drifted())
                .contains("Column jobs.user_id has another nullability: expected NULL allowed, found NOT NULL.");
    }

    @Test
    void changedDefault() {
        migrated().execute("ALTER TABLE prospects ALTER COLUMN score SET DEFAULT 1");

        assertThat(drifted())
                .contains("Column prospects.score has another default: expected DEFAULT 0, found DEFAULT 1.");
    }

    @Test
    void droppedForeignKey() {
        migrated();
        int before = report().foreignKeys();
        db.execute("ALTER TABLE email_logs DROP CONSTRAINT email_logs_prospect_id_fkey");

        assertThat(drifted())
                .contains("Foreign key email_logs_prospect_id_fkey on email_logs is missing: "
                        + "expected FOREIGN KEY (prospect_id) REFERENCES prospects(id), found none.");
        assertThat(report().foreignKeys()).isEqualTo(before - 1);
    }

    @Test
    void foreignKeyWithAnotherDeleteRule() {
        migrated().execute("""
                ALTER TABLE email_logs DROP CONSTRAINT email_logs_prospect_id_fkey;
                ALTER TABLE email_logs ADD CONSTRAINT email_logs_prospect_id_fkey
                    FOREIGN KEY (prospect_id) REFERENCES prospects (id) ON DELETE CASCADE""");

        assertThat(drifted())
                .contains(
                        "Foreign key email_logs_prospect_id_fkey on email_logs has another definition",
                        "found FOREIGN KEY (prospect_id) REFERENCES prospects(id) ON DELETE CASCADE");
    }

    @Test
    void droppedTriggerAndEditedFunction() {
        migrated().execute("""
                DROP TRIGGER settings_set_updated_at ON settings;
                CREATE OR REPLACE FUNCTION set_updated_at() RETURNS trigger LANGUAGE plpgsql AS
                $$ BEGIN NEW.updated_at := now(); RETURN NEW; END; $$""");

        assertThat(drifted())
                .contains(
                        "Trigger settings_set_updated_at on settings is missing",
                        "Function set_updated_at() has another body");
    }

    @Test
    void orphanedTable() {
        migrated().execute("CREATE TABLE audit_notes (id integer PRIMARY KEY, note text)");

        assertThat(drifted()).contains("Table audit_notes is not created by any migration (orphaned)");
        assertThat(report().tableNames()).contains("audit_notes");
    }

    @Test
    void alembicVersionIsANoteNotDrift() {
        migrated()
                .execute("CREATE TABLE alembic_version (version_num varchar(32) NOT NULL PRIMARY KEY);"
                        + "INSERT INTO alembic_version VALUES ('556b79de2825')");

        CliRun run = verify();

        assertThat(run.exitCode()).as(run.out()).isEqualTo(ExitCodes.OK);
        assertThat(run.out())
                .contains("No drift", CurrentSchema.tables() + " table(s)", "alembic_version", "kept on purpose");
    }

    @Test
    void editedMigration() {
        migrated().execute("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'");

        assertThat(drifted())
                .contains(
                        "Migration V1 (create audited schema) was edited after it was applied",
                        "put the file back as it was released");
        assertThat(report().differences())
                .extracting(SchemaDifference::kind)
                .containsExactly(SchemaDifference.Kind.MIGRATION_CHECKSUM_MISMATCH);
    }

    @Test
    void failedMigration() {
        migrated().execute("UPDATE flyway_schema_history SET success = false WHERE version = '5'");

        assertThat(drifted()).contains("Migration V5 (", ") failed", "delete its failed row");
    }

    @Test
    void migrationUnknownToThisBuild() {
        migrated().execute("""
                INSERT INTO flyway_schema_history
                       (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success)
                SELECT max(installed_rank) + 1, '999', 'from a newer build', 'SQL', 'V999__from_a_newer_build.sql', 42,
                       'postgres', 1, true
                  FROM flyway_schema_history""");

        assertThat(drifted())
                .contains("Migration V999 (from a newer build) is applied to the database but this build has no such"
                        + " migration file");
    }

    @Test
    void pendingMigrationsAreReportedWithoutTheChangesTheyWouldMake() {
        try (Database database = db.open()) {
            Migrations.configure(database.dataSource(), database.schema())
                    .target("3")
                    .load()
                    .migrate();
        }

        String out = drifted();

        assertThat(out)
                .contains(
                        "schema version 3", "Migration V4 (", "Migration V5 (", "is pending", "`outreach db migrate`");
        VerifyReport report = report();
        assertThat(report.onlyMigrationsPending()).isTrue();
        var pending = CurrentSchema.versions().stream()
                .filter(v -> v >= 4)
                .map(v -> "V" + v)
                .toList();
        assertThat(report.differences()).extracting(SchemaDifference::object).containsExactlyElementsOf(pending);
    }

    @Test
    void pendingMigrationsAndHandMadeChangesAreBothReported() {
        try (Database database = db.open()) {
            Migrations.configure(database.dataSource(), database.schema())
                    .target("3")
                    .load()
                    .migrate();
        }
        db.execute("DROP INDEX ix_jobs_status");

        String out = drifted();

        assertThat(out)
                .contains(
                        "Migration V4 (",
                        "is pending",
                        "Index ix_jobs_status on jobs is missing",
                        "`outreach db migrate`",
                        "undo");
        assertThat(report().onlyMigrationsPending()).isFalse();
    }

    @Test
    void emptyDatabaseIsNotMigrated() {
        CliRun run = verify();

        assertThat(run.exitCode()).isEqualTo(ExitCodes.DRIFT);
        assertThat(run.out())
                .contains(
                        "schema version none",
                        "Schema public has never been migrated",
                        CurrentSchema.migrationCount() + " migration(s) are pending (V1 to V"
                                + CurrentSchema.latestVersion() + ")",
                        "`outreach db migrate`");
        assertThat(report().onlyMigrationsPending()).isTrue();
    }

    @Test
    void someoneElsesSchemaIsNotOurs() {
        db.execute("CREATE TABLE invoices (id integer PRIMARY KEY)");

        CliRun run = verify();

        assertThat(run.exitCode()).isEqualTo(ExitCodes.DRIFT);
        assertThat(run.out()).contains("neither this program's nor the Python backend's: invoices", "empty schema");
        assertThat(report().onlyMigrationsPending()).isFalse();
    }

    @Test
    void jsonReportParsesAndCarriesTheDifference() throws Exception {
        migrated().execute("DROP INDEX ix_jobs_status");

        CliRun run = verify("--json");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.DRIFT);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("clean").asBoolean()).isFalse();
        assertThat(json.get("schemaVersion").asText()).isEqualTo(CurrentSchema.latestVersion());
        assertThat(json.get("tables").asInt()).isEqualTo(CurrentSchema.tables());
        assertThat(json.get("foreignKeys").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(json.get("differences")).hasSize(1);
        JsonNode difference = json.get("differences").get(0);
        assertThat(difference.get("kind").asText()).isEqualTo("index-missing");
        assertThat(difference.get("object").asText()).isEqualTo("jobs.ix_jobs_status");
        assertThat(difference.get("expected").asText())
                .isEqualTo("CREATE INDEX ix_jobs_status ON jobs USING btree (status)");
        assertThat(difference.get("actual").isNull()).isTrue();
        assertThat(difference.get("message").asText()).contains("ix_jobs_status");
        assertThat(json.get("notes").isArray()).isTrue();
    }

    @Test
    void cleanJsonReport() throws Exception {
        migrated();

        CliRun run = verify("--json");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("clean").asBoolean()).isTrue();
        assertThat(json.get("differences")).isEmpty();
    }
}

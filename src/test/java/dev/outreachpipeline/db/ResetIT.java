package dev.outreachpipeline.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreachpipeline.testsupport.CliRun;
import dev.outreachpipeline.testsupport.CurrentSchema;
import dev.outreachpipeline.testsupport.SampleRows;
import dev.outreachpipeline.testsupport.TestDatabase;
import dev.outreachpipeline.testsupport.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResetIT {

    @TempDir
    Path tmp;

    @Test
    void withoutYesNothingChangesAndTheMessageSaysWhatWouldBeDropped() {
        TestDatabase db = migratedWithSampleRows();
        Map<String, List<String>> before = SampleRows.contents(db);
        Path dir = tmp.resolve("backup");

        CliRun noBackup = CliRun.run(db.env(), "db", "reset", "--no-backup");
        CliRun withBackup = CliRun.run(db.env(), "db", "reset", "--backup-to", dir.toString());

        assertThat(noBackup.exitCode()).isEqualTo(2);
        assertThat(noBackup.err())
                .contains(
                        "Not confirmed, nothing was changed",
                        "jobs (2 rows)",
                        "settings (3 rows)",
                        "set_updated_at()",
                        "flyway_schema_history",
                        "outreach db reset --no-backup --yes");
        assertThat(withBackup.exitCode()).isEqualTo(2);
        assertThat(withBackup.err()).contains("outreach db reset --backup-to " + dir.toAbsolutePath() + " --yes");
        assertThat(dir).doesNotExist();
        assertThat(SampleRows.contents(db)).isEqualTo(before);
        assertCurrent(db);
    }

    @Test
    void withoutABackupChoiceNothingChanges() {
        TestDatabase db = migratedWithSampleRows();
        Map<String, List<String>> before = SampleRows.contents(db);

        CliRun neither = CliRun.run(db.env(), "db", "reset", "--yes");
        CliRun both = CliRun.run(
                db.env(),
                "db",
                "reset",
                "--no-backup",
                "--backup-to",
                tmp.resolve("b").toString(),
                "--yes");

        assertThat(neither.exitCode()).isEqualTo(2);
        assertThat(neither.err()).contains("--backup-to DIR", "--no-backup");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(SampleRows.contents(db)).isEqualTo(before);
    }

    @Test
    void noBackupYesLeavesAnEmptyMigratedSchema() {
        TestDatabase db = migratedWithSampleRows();

        CliRun run = CliRun.run(db.env(), "db", "reset", "--no-backup", "--yes");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains(
                        "Dropped " + CurrentSchema.tables() + " table(s) and 2 function(s).",
                        "Applied " + CurrentSchema.migrationCount() + " migration(s)");
        assertThat(SampleRows.counts(db).values()).allMatch(n -> n == 0);
        assertCurrent(db);
        // The re-created schema works: the trigger maintains updated_at again.
        db.execute("INSERT INTO settings (key, value, updated_at) VALUES ('k', '1', '2000-01-01Z')");
        db.execute("UPDATE settings SET value = '2' WHERE key = 'k'");
        assertThat(db.count("SELECT count(*) FROM settings WHERE updated_at > '2001-01-01Z'"))
                .isEqualTo(1);
    }

    @Test
    void tablesThatAreNotOursSurviveAReset() {
        TestDatabase db = migratedWithSampleRows();
        db.execute("CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY)");
        db.execute("INSERT INTO alembic_version VALUES ('3f2a1b')");
        db.execute("CREATE TABLE partner_notes (id int PRIMARY KEY, note text)");
        db.execute("INSERT INTO partner_notes VALUES (1, 'keep me')");

        CliRun run = CliRun.run(
                db.env(), "db", "reset", "--backup-to", tmp.resolve("b").toString(), "--yes");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(db.count("SELECT count(*) FROM alembic_version WHERE version_num = '3f2a1b'"))
                .isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM partner_notes WHERE note = 'keep me'"))
                .isEqualTo(1);
        assertThat(SampleRows.counts(db).values()).allMatch(n -> n == 0);
        assertCurrent(db);
        assertThat(BackupManifest.readFrom(tmp.resolve("b")).tables())
                .extracting(BackupManifest.TableEntry::name)
                .doesNotContain("alembic_version", "partner_notes", "flyway_schema_history");
    }

    @Test
    void anObjectOfSomeoneElseOnOurTablesStopsTheResetAndNothingIsDropped() {
        TestDatabase db = migratedWithSampleRows();
        db.execute("CREATE VIEW partner_domains AS SELECT domain FROM prospects");
        Map<String, List<String>> before = SampleRows.contents(db);

        CliRun run = CliRun.run(db.env(), "db", "reset", "--no-backup", "--yes");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("partner_domains", "nothing was dropped");
        assertThat(SampleRows.contents(db)).isEqualTo(before);
        assertThat(db.count("SELECT count(*) FROM partner_domains")).isEqualTo(2);
        assertCurrent(db);
    }

    @Test
    void aFailedBackupStopsTheResetBeforeAnythingIsDropped() throws IOException {
        TestDatabase db = migratedWithSampleRows();
        Map<String, List<String>> before = SampleRows.contents(db);
        Path dir = Files.createDirectories(tmp.resolve("used"));
        Files.writeString(dir.resolve("notes.txt"), "mine");

        CliRun run = CliRun.run(db.env(), "db", "reset", "--backup-to", dir.toString(), "--yes");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("not empty");
        assertThat(SampleRows.contents(db)).isEqualTo(before);
    }

    private static void assertCurrent(TestDatabase db) {
        try (Database open = db.open()) {
            assertThat(SchemaVersion.of(open).isCurrent()).isTrue();
        }
    }

    private static TestDatabase migratedWithSampleRows() {
        TestDatabase db = TestPostgres.newDatabase();
        CliRun run = CliRun.run(db.env(), "db", "migrate");
        assertThat(run.exitCode()).as(run.err()).isZero();
        SampleRows.insert(db);
        return db;
    }
}

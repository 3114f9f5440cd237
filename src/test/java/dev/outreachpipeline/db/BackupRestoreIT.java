package dev.outreachpipeline.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outreachpipeline.testsupport.CliRun;
import dev.outreachpipeline.testsupport.CurrentSchema;
import dev.outreachpipeline.testsupport.SampleRows;
import dev.outreachpipeline.testsupport.TestDatabase;
import dev.outreachpipeline.testsupport.TestPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupRestoreIT {

    @TempDir
    Path tmp;

    @Test
    void backupResetRestoreGivesBackIdenticalRows() throws IOException {
        TestDatabase db = migratedWithSampleRows();
        Map<String, List<String>> before = SampleRows.contents(db);
        Map<String, Long> counts = SampleRows.counts(db);
        assertThat(counts.values()).allMatch(n -> n > 0);
        Path backup = tmp.resolve("backup");

        CliRun backedUp = CliRun.run(db.env(), "db", "backup", "--to", backup.toString());

        assertThat(backedUp.exitCode()).as(backedUp.err()).isZero();
        assertThat(backedUp.out().strip())
                .isEqualTo(backup.toAbsolutePath().normalize().toString());
        assertThat(backedUp.err())
                .contains("Backed up jobs: 2 row(s) to jobs.csv", "Backed up prospects_merged: 1 row(s)");
        BackupManifest manifest = BackupManifest.readFrom(backup);
        assertThat(manifest.schemaVersion()).isEqualTo(CurrentSchema.latestVersion());
        assertThat(manifest.database()).isEqualTo(describe(db));
        assertThat(manifest.tables())
                .extracting(BackupManifest.TableEntry::name)
                .containsSubsequence("jobs", "discovery_queries", "prospects", "email_logs")
                .contains("prospects_merged", "settings", "qrtz_triggers")
                .hasSize(CurrentSchema.tables());
        for (BackupManifest.TableEntry entry : manifest.tables()) {
            assertThat(entry.file()).isEqualTo(entry.name() + ".csv");
            // campaigns holds the campaign 'default' that V17 seeds
            assertThat(entry.rows())
                    .as(entry.name())
                    .isEqualTo(counts.getOrDefault(entry.name(), entry.name().equals("campaigns") ? 1L : 0L));
            assertThat(entry.sha256()).as(entry.name()).isEqualTo(TableCopy.sha256(backup.resolve(entry.file())));
        }
        assertThat(manifest.table("settings").orElseThrow().columns())
                .containsExactly("id", "key", "value", "created_at", "updated_at");
        assertThat(fileNames(backup))
                .contains(
                        "manifest.json",
                        "jobs.csv",
                        "discovery_queries.csv",
                        "prospects.csv",
                        "email_logs.csv",
                        "prospects_merged.csv",
                        "settings.csv",
                        "qrtz_triggers.csv")
                .hasSize(CurrentSchema.tables() + 1);
        JsonNode json =
                new ObjectMapper().readTree(backup.resolve("manifest.json").toFile());
        assertThat(json.path("format_version").asInt()).isEqualTo(1);
        assertThat(json.path("created_at").asText()).endsWith("Z");
        assertThat(json.path("tables").get(0).path("sha256").asText()).hasSize(64);
        assertThat(Files.readString(backup.resolve("jobs.csv"), StandardCharsets.UTF_8))
                .startsWith("id,user_id,job_type,params,status,result,error_message,created_at,updated_at,")
                .contains("naïve ☃ 😀");

        Path other = tmp.resolve("taken-by-reset");
        CliRun reset = CliRun.run(db.env(), "db", "reset", "--backup-to", other.toString(), "--yes");

        assertThat(reset.exitCode()).as(reset.err()).isZero();
        assertThat(SampleRows.counts(db).values()).allMatch(n -> n == 0);
        // The reset's backup saw the same rows, so its files are the same bytes.
        for (BackupManifest.TableEntry entry : manifest.tables()) {
            assertThat(other.resolve(entry.file())).hasSameBinaryContentAs(backup.resolve(entry.file()));
        }

        // The driver gives each session the JVM's time zone; a restore elsewhere must still re-export the same bytes.
        CliRun restored =
                inTimeZone("Pacific/Chatham", () -> CliRun.run(db.env(), "db", "restore", "--from", backup.toString()));

        assertThat(restored.exitCode()).as(restored.err()).isZero();
        assertThat(restored.err()).contains("Loaded jobs: 2 row(s)", "Verified prospects: 2 row(s), checksum matches");
        // the 12 sample rows and the seeded campaign 'default', which the restore loads in place of the migrated one
        assertThat(restored.out()).contains("Restored 13 row(s) in " + CurrentSchema.tables() + " table(s)");
        assertThat(db.count("SELECT count(*) FROM campaigns WHERE name = 'default'"))
                .isOne();
        assertThat(SampleRows.contents(db)).isEqualTo(before);
    }

    @Test
    void restoreIntoADatabaseWithRowsIsRefusedAndChangesNothing() {
        TestDatabase source = migratedWithSampleRows();
        Path backup = backUp(source);
        TestDatabase target = migrated();
        target.execute("INSERT INTO settings (key, value) VALUES ('already', '\"here\"')");
        Map<String, List<String>> targetBefore = SampleRows.contents(target);
        Map<String, List<String>> sourceBefore = SampleRows.contents(source);

        CliRun intoTarget = CliRun.run(target.env(), "db", "restore", "--from", backup.toString());
        CliRun intoSource = CliRun.run(source.env(), "db", "restore", "--from", backup.toString());

        assertThat(intoTarget.exitCode()).isEqualTo(1);
        assertThat(intoTarget.err())
                .contains("already holds data in settings (1 rows)", "db reset", "Nothing was changed");
        assertThat(SampleRows.contents(target)).isEqualTo(targetBefore);
        assertThat(intoSource.exitCode()).isEqualTo(1);
        assertThat(SampleRows.contents(source)).isEqualTo(sourceBefore);
    }

    @Test
    void aTamperedFileIsRefusedBeforeAnythingIsLoaded() throws IOException {
        Path backup = backUp(migratedWithSampleRows());
        Path prospects = backup.resolve("prospects.csv");
        Files.writeString(prospects, Files.readString(prospects).replace("ann@example.com", "eve@example.com"));
        TestDatabase target = migrated();

        CliRun run = CliRun.run(target.env(), "db", "restore", "--from", backup.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains("table prospects: prospects.csv does not match its checksum", "Nothing was loaded");
        assertThat(SampleRows.counts(target).values()).allMatch(n -> n == 0);
    }

    @Test
    void aTableThatDoesNotReExportAsBackedUpRollsBackEveryTable() throws IOException {
        Path backup = backUp(migratedWithSampleRows());
        // A value the database stores differently from how the file writes it: the load succeeds, the
        // re-export differs. The manifest is made to agree with the edited file, as a careless hand edit would.
        Path prospects = backup.resolve("prospects.csv");
        Files.writeString(prospects, Files.readString(prospects).replace(",12.34,", ",12.340,"));
        Path manifestFile = backup.resolve(BackupManifest.FILE_NAME);
        BackupManifest manifest = BackupManifest.readFrom(backup);
        Files.writeString(
                manifestFile,
                Files.readString(manifestFile)
                        .replace(manifest.table("prospects").orElseThrow().sha256(), TableCopy.sha256(prospects)));
        TestDatabase target = migrated();

        CliRun run = CliRun.run(target.env(), "db", "restore", "--from", backup.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains("Loaded jobs: 2 row(s)", "table prospects does not match the backup", "rolled back");
        assertThat(SampleRows.counts(target).values()).allMatch(n -> n == 0);
    }

    @Test
    void restoreNeedsAMigratedDatabase() {
        Path backup = backUp(migratedWithSampleRows());
        TestDatabase empty = TestPostgres.newDatabase();

        CliRun run = CliRun.run(empty.env(), "db", "restore", "--from", backup.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains("schema version " + CurrentSchema.latestVersion(), "not migrated", "outreach db migrate");
        assertThat(empty.count("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"))
                .isZero();
    }

    @Test
    void backupIntoANonEmptyDirectoryIsRefused() throws IOException {
        TestDatabase db = migratedWithSampleRows();
        Path dir = Files.createDirectories(tmp.resolve("used"));
        Files.writeString(dir.resolve("notes.txt"), "mine");

        CliRun run = CliRun.run(db.env(), "db", "backup", "--to", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("not empty");
        assertThat(run.out()).isEmpty();
        assertThat(fileNames(dir)).containsExactly("notes.txt");
    }

    @Test
    void backupOfAnUnmigratedDatabaseIsRefused() {
        TestDatabase empty = TestPostgres.newDatabase();
        Path dir = tmp.resolve("never");

        CliRun run = CliRun.run(empty.env(), "db", "backup", "--to", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("not migrated", "outreach db migrate");
        assertThat(dir).doesNotExist();
    }

    @Test
    void theDatabasePasswordAppearsInNoManifestAndNoMessage() throws IOException {
        TestDatabase db = migratedWithSampleRows();
        Map<String, String> env = Map.of("DATABASE_URL", db.databaseUrl() + "&password=s3cret-pw");
        Path dir = tmp.resolve("masked");

        CliRun backedUp = CliRun.run(env, "db", "backup", "--to", dir.toString());
        CliRun refused = CliRun.run(env, "db", "restore", "--from", dir.toString());

        assertThat(backedUp.exitCode()).as(backedUp.err()).isZero();
        assertThat(Files.readString(dir.resolve(BackupManifest.FILE_NAME)))
                .contains("postgres:****@")
                .doesNotContain("s3cret");
        assertThat(backedUp.out() + backedUp.err()).doesNotContain("s3cret");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("postgres:****@").doesNotContain("s3cret");
    }

    private static <T> T inTimeZone(String zone, Supplier<T> action) {
        TimeZone saved = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone(zone));
        try {
            return action.get();
        } finally {
            TimeZone.setDefault(saved);
        }
    }

    private Path backUp(TestDatabase db) {
        Path dir = tmp.resolve("backup-of-" + db.name());
        CliRun run = CliRun.run(db.env(), "db", "backup", "--to", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return dir;
    }

    private static TestDatabase migrated() {
        TestDatabase db = TestPostgres.newDatabase();
        CliRun run = CliRun.run(db.env(), "db", "migrate");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return db;
    }

    private static TestDatabase migratedWithSampleRows() {
        TestDatabase db = migrated();
        SampleRows.insert(db);
        return db;
    }

    private static String describe(TestDatabase db) {
        try (Database open = db.open()) {
            return open.description();
        }
    }

    private static List<String> fileNames(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}

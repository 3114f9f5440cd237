package dev.outreachpipeline.db;

import dev.outreachpipeline.OutreachException;
import dev.outreachpipeline.cli.ExitCodes;
import dev.outreachpipeline.cli.Progress;
import dev.outreachpipeline.config.Masking;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.flywaydb.core.api.MigrationVersion;

/**
 * {@code db restore}: loads a backup into an empty database migrated to the backup's schema
 * version, all tables in one transaction. Every file is checked against the manifest before
 * anything is loaded, and every table against the manifest after: a restore that commits holds
 * exactly what was backed up, and one that does not commit changed nothing.
 */
public final class DatabaseRestore {

    private final Database db;
    private final Progress progress;

    /** @param progress receives one line per table and step, for the person waiting */
    public DatabaseRestore(Database db, Consumer<String> progress) {
        this(db, Progress.lines(progress));
    }

    /** @param progress shows the table being loaded or checked and the rows so far, and one line per table */
    public DatabaseRestore(Database db, Progress progress) {
        this.db = db;
        this.progress = progress;
    }

    public BackupManifest restoreFrom(Path dir) {
        BackupManifest manifest = BackupManifest.readFrom(dir);
        Map<String, Path> files = checkFiles(dir, manifest);
        refuseOtherSchemaVersion(manifest);
        ProjectSchema project;
        try {
            project = ProjectSchema.load(db);
        } catch (SQLException e) {
            throw failed("reading the schema the migrations define", e);
        }
        refuseOtherTables(manifest, project);
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                TableCopy.pinOutputFormat(c);
                lockAndRequireEmpty(c, project);
                int total = project.tables().size();
                int done = 0;
                long rowsSoFar = 0;
                for (ProjectSchema.ProjectTable table : project.tables()) {
                    progress.update(
                            "load",
                            done,
                            total,
                            "loading " + table.name() + ", table " + (done + 1) + "/" + total + ", " + rowsSoFar
                                    + " row(s) loaded");
                    BackupManifest.TableEntry entry =
                            manifest.table(table.name()).orElseThrow();
                    long rows = load(c, entry, files.get(table.name()));
                    progress.line("Loaded " + table.name() + ": " + rows + " row(s)");
                    rowsSoFar += rows;
                    done++;
                }
                done = 0;
                for (ProjectSchema.ProjectTable table : project.tables()) {
                    progress.update(
                            "verify", done, total, "checking " + table.name() + ", table " + (done + 1) + "/" + total);
                    verify(c, table, manifest.table(table.name()).orElseThrow());
                    done++;
                }
                c.commit();
                progress.update("restored", total, total, "restored " + total + " table(s), " + rowsSoFar + " row(s)");
                progress.finish();
            } catch (SQLException | IOException | RuntimeException e) {
                Transactions.rollBack(c, e);
                throw e;
            }
        } catch (OutreachException e) {
            throw e;
        } catch (SQLException | IOException e) {
            throw failed("loading", e);
        }
        return manifest;
    }

    /** A damaged or edited file is found before the database is touched. */
    private Map<String, Path> checkFiles(Path dir, BackupManifest manifest) {
        var files = new LinkedHashMap<String, Path>();
        var problems = new ArrayList<String>();
        Path base = dir.toAbsolutePath().normalize();
        for (BackupManifest.TableEntry entry : manifest.tables()) {
            if (entry.name() == null || entry.file() == null || entry.sha256() == null || entry.columns() == null) {
                problems.add("the manifest's entry " + entry + " is incomplete");
                continue;
            }
            Path file = base.resolve(entry.file()).normalize();
            // The manifest names files; it must not be able to point a restore at files elsewhere.
            if (!base.equals(file.getParent())) {
                problems.add(
                        "table " + entry.name() + ": its file '" + entry.file() + "' is not in the backup directory");
                continue;
            }
            if (files.put(entry.name(), file) != null) {
                problems.add("table " + entry.name() + " appears twice in the manifest");
                continue;
            }
            if (!Files.isRegularFile(file)) {
                problems.add("table " + entry.name() + ": " + entry.file() + " is missing");
                continue;
            }
            try {
                if (!TableCopy.sha256(file).equals(entry.sha256())) {
                    problems.add("table " + entry.name() + ": " + entry.file()
                            + " does not match its checksum in the manifest");
                }
            } catch (IOException e) {
                problems.add("table " + entry.name() + ": cannot read " + entry.file() + " (" + e.getMessage() + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new OutreachException(
                    "Refusing to restore from " + dir + ", the backup is damaged: " + String.join("; ", problems)
                            + ". Nothing was loaded.",
                    ExitCodes.FAILURE);
        }
        progress.line("Checked " + files.size() + " file(s) against the manifest's checksums");
        return files;
    }

    private void refuseOtherSchemaVersion(BackupManifest manifest) {
        SchemaVersion version = SchemaVersion.of(db);
        MigrationVersion wanted = MigrationVersion.fromVersion(manifest.schemaVersion());
        String refusal = "Refusing to restore into " + db.description() + ": the backup holds rows of schema version "
                + manifest.schemaVersion() + ", ";
        if (version.latest() != null && wanted.compareTo(version.latest()) > 0) {
            throw new OutreachException(
                    refusal + "newer than this program's migrations (up to version "
                            + version.latest().getVersion() + "). Restore it with the program version that wrote it ("
                            + orUnknown(manifest.programVersion()) + ") or a later one.",
                    ExitCodes.FAILURE);
        }
        if (version.current() == null) {
            throw new OutreachException(
                    refusal + "and the database is not migrated. Run `outreach db migrate`, then restore again.",
                    ExitCodes.FAILURE);
        }
        int order = wanted.compareTo(version.current());
        if (order > 0) {
            throw new OutreachException(
                    refusal + "the database is at version " + version.display()
                            + ". Run `outreach db migrate`, then restore again.",
                    ExitCodes.FAILURE);
        }
        if (order < 0) {
            throw new OutreachException(
                    refusal + "older than the database's version " + version.display()
                            + ". Restore it with the program version that wrote it ("
                            + orUnknown(manifest.programVersion())
                            + ") into a database at version " + manifest.schemaVersion()
                            + ", then run `outreach db migrate` with this one.",
                    ExitCodes.FAILURE);
        }
        if (version.pending() > 0) {
            throw new OutreachException(
                    refusal + "but the database has " + version.pending() + " migration(s) pending out of order."
                            + " Run `outreach db migrate` or `outreach db reset --backup-to DIR --yes`, then restore again.",
                    ExitCodes.FAILURE);
        }
    }

    private static String orUnknown(String programVersion) {
        return programVersion == null ? "version unknown" : programVersion;
    }

    /** Equal schema versions should mean equal tables; a drifted database is refused rather than half restored. */
    private void refuseOtherTables(BackupManifest manifest, ProjectSchema project) {
        var problems = new ArrayList<String>();
        Set<String> inBackup = new TreeSet<>();
        for (BackupManifest.TableEntry entry : manifest.tables()) {
            inBackup.add(entry.name());
            project.table(entry.name())
                    .ifPresentOrElse(
                            table -> {
                                if (!new HashSet<>(table.columns()).equals(new HashSet<>(entry.columns()))) {
                                    problems.add("table " + entry.name() + " has columns " + entry.columns()
                                            + " in the backup but " + table.columns() + " in this schema");
                                }
                            },
                            () -> problems.add(
                                    "the backup holds table " + entry.name() + ", which this schema does not define"));
        }
        for (String name : project.tableNames()) {
            if (!inBackup.contains(name)) {
                problems.add("the backup lacks table " + name);
            }
        }
        if (!problems.isEmpty()) {
            throw new OutreachException(
                    "Refusing to restore into " + db.description() + ": " + String.join("; ", problems)
                            + ". Nothing was loaded.",
                    ExitCodes.FAILURE);
        }
    }

    /** Held until commit, so the daemon cannot write between the emptiness check and the end of the restore. */
    private void lockAndRequireEmpty(Connection c, ProjectSchema project) throws SQLException {
        var tables = project.tableNames().stream()
                .map(t -> SqlNames.qualified(db.schema(), t))
                .toList();
        var holding = new ArrayList<String>();
        try (Statement st = c.createStatement()) {
            st.execute(SqlStatement.LOCK_TABLES.fill(Map.of("tables", String.join(", ", tables))));
            if (project.table("campaigns").isPresent()) {
                // the rows the migrations seed are not data: the backup brings its own copy of them
                st.execute(SqlStatement.SET_ASIDE_SEEDED_ROWS.fill(Map.of(
                        "campaigns",
                        SqlNames.qualified(db.schema(), "campaigns"),
                        "prospects",
                        SqlNames.qualified(db.schema(), "prospects"),
                        "jobs",
                        SqlNames.qualified(db.schema(), "jobs"))));
            }
            for (String table : project.tableNames()) {
                try (ResultSet rs = st.executeQuery(
                        SqlStatement.COUNT_TABLE_ROWS.fill(Map.of("table", SqlNames.qualified(db.schema(), table))))) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        holding.add(table + " (" + rs.getLong(1) + " rows)");
                    }
                }
            }
        }
        if (!holding.isEmpty()) {
            throw new OutreachException(
                    "Refusing to restore into " + db.description() + ": it already holds data in "
                            + String.join(", ", holding)
                            + ", and a restore only loads into empty tables. Set the data aside with"
                            + " `outreach db reset --backup-to DIR --yes` (or drop it with `--no-backup --yes`), then restore again."
                            + " Nothing was changed.",
                    ExitCodes.FAILURE);
        }
    }

    private long load(Connection c, BackupManifest.TableEntry entry, Path file) throws SQLException, IOException {
        try {
            return TableCopy.load(c, TableCopy.importSql(db.schema(), entry.name(), entry.columns()), file);
        } catch (SQLException e) {
            throw new OutreachException(
                    "Restoring into " + db.description() + " failed while loading table " + entry.name() + ": "
                            + Masking.maskText(Database.rootMessage(e))
                            + ". Everything was rolled back; nothing was restored.",
                    ExitCodes.FAILURE,
                    e);
        }
    }

    /** Re-exports the table exactly as the backup did: equal files mean the database holds what was backed up. */
    private void verify(Connection c, ProjectSchema.ProjectTable table, BackupManifest.TableEntry entry)
            throws SQLException, IOException {
        TableCopy.Exported again = TableCopy.export(
                c,
                TableCopy.exportSql(db.schema(), table.name(), entry.columns(), table.key()),
                OutputStream.nullOutputStream());
        if (again.rows() != entry.rows()) {
            throw mismatch(
                    table.name(),
                    "it holds " + again.rows() + " row(s) after loading, the manifest says " + entry.rows());
        }
        if (!again.sha256().equals(entry.sha256())) {
            throw mismatch(
                    table.name(),
                    "its rows re-export with checksum " + again.sha256() + ", the manifest says " + entry.sha256());
        }
        progress.line("Verified " + table.name() + ": " + again.rows() + " row(s), checksum matches");
    }

    private OutreachException mismatch(String table, String what) {
        return new OutreachException(
                "Restoring into " + db.description() + " failed: table " + table + " does not match the backup: " + what
                        + ". Everything was rolled back; nothing was restored.",
                ExitCodes.FAILURE);
    }

    private OutreachException failed(String doing, Exception e) {
        return new OutreachException(
                "Restoring into " + db.description() + " failed while " + doing + ": "
                        + Masking.maskText(Database.rootMessage(e))
                        + ". Everything was rolled back; nothing was restored.",
                ExitCodes.FAILURE,
                e);
    }
}

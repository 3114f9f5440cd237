package dev.outreachpipeline.db;

import dev.outreachpipeline.OutreachException;
import dev.outreachpipeline.cli.ExitCodes;
import dev.outreachpipeline.cli.Progress;
import dev.outreachpipeline.config.Masking;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * {@code db backup}: every table of this project as {@code <table>.csv}, written through COPY from
 * one repeatable-read snapshot (so the files agree with each other, whatever the daemon writes
 * meanwhile), and a {@link BackupManifest} written last: a directory with a manifest is a
 * complete backup.
 */
public final class DatabaseBackup {

    private final Database db;
    private final Progress progress;

    /** @param progress receives one line per table, for the person waiting */
    public DatabaseBackup(Database db, Consumer<String> progress) {
        this(db, Progress.lines(progress));
    }

    /** @param progress shows the table being copied and the rows so far, and one line per table */
    public DatabaseBackup(Database db, Progress progress) {
        this.db = db;
        this.progress = progress;
    }

    /** Backs up into {@code dir}, which must not exist or be empty. */
    public BackupManifest backupTo(Path dir) {
        try {
            return backupTo(dir, ProjectSchema.load(db));
        } catch (SQLException e) {
            throw failed(dir, e);
        }
    }

    /** As {@link #backupTo(Path)}, with the project's tables already known. */
    public BackupManifest backupTo(Path dir, ProjectSchema project) {
        SchemaVersion version = requireBackupPossible(dir);
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                try (Statement st = c.createStatement()) {
                    st.execute(SqlStatement.READ_ONLY_SNAPSHOT.text());
                }
                BackupManifest manifest = backupFrom(c, dir, project, version);
                c.commit();
                return manifest;
            } catch (SQLException | RuntimeException e) {
                Transactions.rollBack(c, e);
                throw e;
            }
        } catch (SQLException e) {
            throw failed(dir, e);
        }
    }

    /**
     * Refuses (exit 1) a directory that is a file or not empty, and a database that is not fully
     * migrated; checked before any connection is held, so a pool of one connection suffices.
     */
    SchemaVersion requireBackupPossible(Path dir) {
        refuseUnusable(dir);
        SchemaVersion version = SchemaVersion.of(db);
        if (!version.isCurrent()) {
            throw new OutreachException(
                    "Refusing to back up " + db.description() + ": its schema is not migrated (version "
                            + version.display() + ", " + version.pending()
                            + " migration(s) pending). A backup holds the rows of the current"
                            + " schema only. Run `outreach db migrate` first.",
                    ExitCodes.FAILURE);
        }
        return version;
    }

    /**
     * Writes the backup from {@code c}, whose transaction must see one snapshot for every table
     * (repeatable read, or the tables locked against writes) and must not have queried yet when
     * it is repeatable read. On failure nothing is left in {@code dir}.
     */
    BackupManifest backupFrom(Connection c, Path dir, ProjectSchema project, SchemaVersion version) {
        boolean created = !Files.exists(dir);
        var written = new ArrayList<Path>();
        try {
            Files.createDirectories(dir);
            BackupManifest manifest = writeTables(c, dir, project, version, written);
            Path manifestFile = dir.resolve(BackupManifest.FILE_NAME);
            written.add(manifestFile);
            writeDurably(manifestFile, out -> out.write(manifest.toJson().getBytes(StandardCharsets.UTF_8)));
            forceDirectory(dir);
            return manifest;
        } catch (SQLException | IOException | RuntimeException e) {
            removePartialBackup(dir, created, written);
            if (e instanceof OutreachException oe) {
                throw oe;
            }
            throw failed(dir, e);
        }
    }

    private BackupManifest writeTables(
            Connection c, Path dir, ProjectSchema project, SchemaVersion version, List<Path> written)
            throws SQLException, IOException {
        var entries = new ArrayList<BackupManifest.TableEntry>();
        TableCopy.pinOutputFormat(c);
        String createdAt = snapshotTime(c);
        long rowsSoFar = 0;
        int tablesDone = 0;
        for (ProjectSchema.ProjectTable table : project.tables()) {
            progress.update(
                    "backup",
                    tablesDone,
                    project.tables().size(),
                    "backing up " + table.name() + ", table " + (tablesDone + 1) + "/"
                            + project.tables().size() + ", " + rowsSoFar + " row(s) copied");
            String fileName = table.name() + ".csv";
            Path file = dir.resolve(fileName);
            written.add(file);
            String sql = TableCopy.exportSql(db.schema(), table.name(), table.columns(), table.key());
            TableCopy.Exported[] exported = new TableCopy.Exported[1];
            writeDurably(file, out -> exported[0] = TableCopy.export(c, sql, out));
            entries.add(new BackupManifest.TableEntry(
                    table.name(), fileName, table.columns(), exported[0].rows(), exported[0].sha256()));
            progress.line("Backed up " + table.name() + ": " + exported[0].rows() + " row(s) to " + fileName);
            rowsSoFar += exported[0].rows();
            tablesDone++;
        }
        progress.update(
                "backed up",
                tablesDone,
                project.tables().size(),
                "backed up " + tablesDone + " table(s), " + rowsSoFar + " row(s)");
        progress.finish();
        return new BackupManifest(
                BackupManifest.FORMAT_VERSION,
                createdAt,
                programVersion(),
                version.display(),
                db.description(),
                db.schema(),
                List.copyOf(entries));
    }

    /** The moment of the snapshot every file was read from; the first query of the transaction takes it. */
    private static String snapshotTime(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(SqlStatement.SNAPSHOT_TIME.text())) {
            rs.next();
            return rs.getObject(1, OffsetDateTime.class).toInstant().toString();
        }
    }

    private static String programVersion() {
        return DatabaseBackup.class.getPackage().getImplementationVersion();
    }

    private void refuseUnusable(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new OutreachException(
                    "Refusing to back up into " + dir
                            + ": it is a file, not a directory. Name a new or empty directory.",
                    ExitCodes.FAILURE);
        }
        if (Files.isDirectory(dir)) {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new OutreachException(
                            "Refusing to back up into " + dir + ": the directory is not empty, and a backup"
                                    + " never mixes with other files. Name a new or empty directory.",
                            ExitCodes.FAILURE);
                }
            } catch (IOException e) {
                throw new OutreachException(
                        "Cannot read the backup directory " + dir + ": " + e.getMessage(), ExitCodes.FAILURE, e);
            }
        }
    }

    private interface Writer {
        void write(OutputStream out) throws IOException, SQLException;
    }

    /** Written to disk before we return: `db reset` drops the tables as soon as the backup is done. */
    private static void writeDurably(Path file, Writer writer) throws IOException, SQLException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024);
            writer.write(out);
            out.flush();
            channel.force(true);
        }
    }

    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some platforms cannot open a directory for syncing; the files themselves are on disk.
        }
    }

    /** A half-written backup looks usable to whoever finds it later; remove what we wrote. */
    private static void removePartialBackup(Path dir, boolean created, List<Path> written) {
        for (Path file : written) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // leaving a file behind is no worse than the failure being reported
            }
        }
        if (created) {
            try {
                Files.deleteIfExists(dir);
            } catch (IOException ignored) {
                // as above
            }
        }
    }

    private OutreachException failed(Path dir, Exception e) {
        return new OutreachException(
                "Backing up " + db.description() + " into " + dir + " failed: "
                        + Masking.maskText(Database.rootMessage(e)) + ". Nothing usable was left in " + dir + ".",
                ExitCodes.FAILURE,
                e);
    }
}

package dev.outreachpipeline.cli;

import dev.outreachpipeline.db.BackupManifest;
import dev.outreachpipeline.db.Database;
import dev.outreachpipeline.db.DatabaseRestore;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "restore",
        mixinStandardHelpOptions = true,
        description = {
            "Load a backup written by `db backup` into an empty database migrated to the backup's schema version.",
            "Every file is checked against the manifest first; all tables load in one transaction and are checked "
                    + "again afterwards. Any mismatch rolls everything back."
        })
final class DbRestoreCommand implements Runnable {

    private final CliContext context;

    @Option(
            names = "--from",
            required = true,
            paramLabel = "DIR",
            description = "The backup directory (the one holding manifest.json).")
    Path from;

    DbRestoreCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        Path dir = context.workDir().resolve(from).toAbsolutePath().normalize();
        BackupManifest manifest;
        Progress progress = Progress.on(context.err(), context.env());
        try (Database db = context.openDatabase()) {
            manifest = new DatabaseRestore(db, progress).restoreFrom(dir);
        } finally {
            progress.finish();
        }
        long rows = manifest.tables().stream()
                .mapToLong(BackupManifest.TableEntry::rows)
                .sum();
        context.out()
                .println("Restored " + rows + " row(s) in " + manifest.tables().size() + " table(s) from " + dir
                        + " (backup of " + manifest.createdAt() + ", schema version " + manifest.schemaVersion()
                        + ").");
    }
}

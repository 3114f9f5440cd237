package dev.outreachpipeline.cli;

import dev.outreachpipeline.db.Database;
import dev.outreachpipeline.db.DatabaseBackup;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "backup",
        mixinStandardHelpOptions = true,
        description = {
            "Write every table of this project to DIR as <table>.csv, plus manifest.json with row counts and checksums.",
            "All tables are read from one snapshot, so the files agree with each other while the daemon keeps running.",
            "DIR must be new or empty; the database must be migrated. Prints the backup directory."
        })
final class DbBackupCommand implements Runnable {

    private final CliContext context;

    @Option(
            names = "--to",
            required = true,
            paramLabel = "DIR",
            description = "A new or empty directory for the backup.")
    Path to;

    DbBackupCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        Path dir = context.workDir().resolve(to).toAbsolutePath().normalize();
        Progress progress = Progress.on(context.err(), context.env());
        try (Database db = context.openDatabase()) {
            new DatabaseBackup(db, progress).backupTo(dir);
        } finally {
            progress.finish();
        }
        context.out().println(dir);
    }
}

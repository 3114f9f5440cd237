package dev.outreachpipeline.cli;

import dev.outreachpipeline.OutreachException;
import dev.outreachpipeline.db.Database;
import dev.outreachpipeline.db.DatabaseReset;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "reset",
        mixinStandardHelpOptions = true,
        description = {
            "Drop this project's tables and functions and migrate again, leaving an empty current schema.",
            "Other tables in the schema (alembic_version, anyone else's) are left alone.",
            "Needs --yes, and either --backup-to DIR (backs up first, from the same moment the tables are dropped) "
                    + "or --no-backup (the rows are lost)."
        })
final class DbResetCommand implements Runnable {

    private final CliContext context;

    @Option(
            names = "--backup-to",
            paramLabel = "DIR",
            description = "Back up into this new or empty directory before dropping.")
    Path backupTo;

    @Option(names = "--no-backup", description = "Drop without a backup.")
    boolean noBackup;

    @Option(names = "--yes", description = "Confirm that the tables are to be dropped.")
    boolean yes;

    DbResetCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        // Asked for explicitly, both ways: a reset must never lose rows because an option was forgotten.
        if (backupTo != null && noBackup) {
            throw new OutreachException(
                    "Give either --backup-to DIR or --no-backup, not both. Nothing was changed.", ExitCodes.USAGE);
        }
        if (backupTo == null && !noBackup) {
            throw new OutreachException(
                    "Say whether to back up first: `outreach db reset --backup-to DIR --yes`, or"
                            + " `outreach db reset --no-backup --yes` to lose the rows. Nothing was changed.",
                    ExitCodes.USAGE);
        }
        Path dir = backupTo == null
                ? null
                : context.workDir().resolve(backupTo).toAbsolutePath().normalize();
        try (Database db = context.openDatabase()) {
            var reset = new DatabaseReset(db, context.err()::println);
            if (!yes) {
                String confirm = dir == null
                        ? "outreach db reset --no-backup --yes"
                        : "outreach db reset --backup-to " + dir + " --yes";
                throw new OutreachException(
                        "Not confirmed, nothing was changed. On " + db.description() + ", `db reset` would drop "
                                + reset.plan().describe()
                                + ", then migrate again to an empty schema. To go ahead, run `" + confirm + "`.",
                        ExitCodes.USAGE);
            }
            List<String> report = dir == null ? reset.resetWithoutBackup() : reset.resetWithBackup(dir);
            report.forEach(context.out()::println);
        }
    }
}

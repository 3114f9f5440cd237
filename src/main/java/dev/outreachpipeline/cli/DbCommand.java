package dev.outreachpipeline.cli;

import dev.outreachpipeline.db.Database;
import dev.outreachpipeline.db.DomainDuplicates;
import dev.outreachpipeline.db.SchemaMigrator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "db",
        mixinStandardHelpOptions = true,
        description = "Database operations: migrate, verify, back up, restore, reset, de-duplicate.",
        subcommands = {
            DbCommand.Migrate.class,
            DbVerifyCommand.class,
            DbBackupCommand.class,
            DbRestoreCommand.class,
            DbResetCommand.class,
            DbCommand.Dedupe.class
        })
public final class DbCommand {

    @Command(
            name = "migrate",
            mixinStandardHelpOptions = true,
            description = {
                "Bring the database to the current schema.",
                "An empty database gets every migration; a database of the Python backend is checked, adopted and "
                        + "migrated without losing a row; anything else is refused untouched."
            })
    static final class Migrate implements Runnable {
        private final CliContext context;

        Migrate(CliContext context) {
            this.context = context;
        }

        @Override
        public void run() {
            try (Database db = context.openDatabase()) {
                new SchemaMigrator(db).migrate().forEach(context.out()::println);
            }
        }
    }

    @Command(
            name = "dedupe",
            mixinStandardHelpOptions = true,
            description = {
                "Find prospects whose domain is stored more than once (also differing in case or a leading www.).",
                "Without --apply, prints the plan. With --apply, keeps the oldest row of each domain, re-points email_logs "
                        + "and every other reference to it, and archives the other rows whole in prospects_merged, in one transaction."
            })
    static final class Dedupe implements Callable<Integer> {
        private final CliContext context;

        @Option(names = "--apply", description = "Carry out the plan (otherwise only print it).")
        boolean apply;

        Dedupe(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            try (Database db = context.openDatabase()) {
                List<DomainDuplicates.Group> groups = DomainDuplicates.find(db);
                if (groups.isEmpty()) {
                    context.out().println("No domain is stored more than once; nothing to de-duplicate.");
                    return ExitCodes.OK;
                }
                context.out().println(DomainDuplicates.describe(groups));
                if (!apply) {
                    context.out()
                            .println(
                                    "This was the plan; nothing was changed. Run `outreach db dedupe --apply` to carry it out.");
                    return ExitCodes.OK;
                }
                new SchemaMigrator(db).migrateUpToDedupe().forEach(context.err()::println);
                int merged = DomainDuplicates.merge(db);
                context.out()
                        .println("Merged " + merged + " row(s) into the oldest row of their domain; they are kept in"
                                + " prospects_merged. Now run `outreach db migrate`.");
                return ExitCodes.OK;
            }
        }
    }
}

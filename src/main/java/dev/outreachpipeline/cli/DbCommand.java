package dev.outreachpipeline.cli;

import dev.outreachpipeline.db.Database;
import dev.outreachpipeline.db.SchemaMigrator;
import picocli.CommandLine.Command;

@Command(name = "db", mixinStandardHelpOptions = true,
        description = "Database operations: migrate, verify, back up, restore, reset, de-duplicate.",
        subcommands = {DbCommand.Migrate.class, DbBackupCommand.class, DbRestoreCommand.class, DbResetCommand.class})
public final class DbCommand {

    @Command(name = "migrate", mixinStandardHelpOptions = true,
            description = {"Bring the database to the current schema.",
                    "An empty database gets every migration; a database of the Python backend is checked, adopted and",
                    "migrated without losing a row; anything else is refused untouched."})
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
}

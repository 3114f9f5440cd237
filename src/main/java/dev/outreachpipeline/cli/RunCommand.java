package dev.outreachpipeline.cli;

import dev.outreachpipeline.daemon.Daemon;
import dev.outreachpipeline.db.Database;
import dev.outreachpipeline.db.SchemaGate;
import dev.outreachpipeline.db.SchemaMigrator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Start the daemon: the pipeline's routes, until stopped (Ctrl-C or SIGTERM).",
                "Refuses an unmigrated or drifted database and names the command that fixes it."})
final class RunCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--migrate", description = "Apply pending migrations (or adopt the predecessor's database) first.")
    boolean migrate;

    @Option(names = "--once", description = "Run every runnable job (and the jobs they enqueue), then exit.")
    boolean once;

    RunCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        // a daemon may be started before its database answers: it waits (other commands do not)
        Database db = dev.outreachpipeline.db.DatabaseStartRetry.open(context.config(), context.home());
        try {
            if (migrate) {
                new SchemaMigrator(db).migrate().forEach(context.err()::println);
            }
            SchemaGate.requireCurrent(db);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        var daemon = new Daemon(context.config(), db, context.home());
        if (once) {
            daemon.runOnce();
        } else {
            daemon.run();
        }
        return ExitCodes.OK;
    }
}

package dev.outreachpipeline.cli;

import dev.outreachpipeline.config.LookalikeVariables;
import dev.outreachpipeline.config.Stage;
import dev.outreachpipeline.daemon.Daemon;
import dev.outreachpipeline.db.Database;
import dev.outreachpipeline.db.SchemaGate;
import dev.outreachpipeline.db.SchemaMigrator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Start the daemon: the pipeline's routes, until stopped (Ctrl-C or SIGTERM).",
            "Refuses an unmigrated or drifted database and names the command that fixes it."
        })
final class RunCommand implements Callable<Integer> {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RunCommand.class);

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
        reportSettingsAStageLacks();
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

    /**
     * What config check would say beside the errors that stop the start: variables that look like
     * settings but are not, and the stages whose jobs will fail until their settings are given.
     */
    private void reportSettingsAStageLacks() {
        LookalikeVariables.in(context.env()).forEach(w -> LOG.warn("{}", w));
        var unready = Stage.ALL.stream()
                .map(s -> s.check(context.config()))
                .filter(r -> !r.ready())
                .map(Stage.Readiness::sentence)
                .toList();
        if (!unready.isEmpty()) {
            LOG.info("Not ready until their settings are given: {}", String.join("; ", unready));
        }
    }
}

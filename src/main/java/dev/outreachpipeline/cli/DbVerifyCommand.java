package dev.outreachpipeline.cli;

import dev.outreachpipeline.db.Database;
import dev.outreachpipeline.db.SchemaVerifier;
import dev.outreachpipeline.db.VerifyReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Compare the database with the schema the migrations define and report every difference.",
            "It compares tables, columns, indexes, constraints, triggers, functions, and Flyway's history (pending, "
                    + "failed, edited or unknown migrations). Changes nothing. Exit 0 when there is no drift, 3 when there is."
        })
public final class DbVerifyCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    public DbVerifyCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (Database db = context.openDatabase()) {
            VerifyReport report = new SchemaVerifier(db).verify();
            if (json) {
                context.out().println(report.toJson());
            } else {
                context.out().print(report.renderText());
            }
            context.out().flush();
            return report.clean() ? ExitCodes.OK : ExitCodes.DRIFT;
        }
    }
}

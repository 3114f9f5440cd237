package dev.outreachpipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreachpipeline.testsupport.CliRun;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command tree and exit codes, without a database. */
class CommandLineTest {

    @Test
    void helpListsEveryCommand() {
        CliRun help = CliRun.run(Map.of(), "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("run").contains("db").contains("config").contains("Exit codes");
        CliRun dbHelp = CliRun.run(Map.of(), "db", "--help");
        assertThat(dbHelp.out()).contains("migrate").contains("dedupe");
    }

    @Test
    void everyCommandHasItsOwnHelp() {
        var root = OutreachCli.commandLine(new CliContext(
                Map.of(),
                java.nio.file.Path.of("."),
                new java.io.PrintWriter(java.io.Writer.nullWriter()),
                new java.io.PrintWriter(java.io.Writer.nullWriter())));
        var pending = new java.util.ArrayDeque<picocli.CommandLine>(
                root.getSubcommands().values());
        while (!pending.isEmpty()) {
            picocli.CommandLine cmd = pending.pop();
            if (cmd.getCommandName().equals("help")) {
                continue;
            }
            assertThat(cmd.getCommandSpec().optionsMap())
                    .as(cmd.getCommandSpec().qualifiedName())
                    .containsKey("--help");
            pending.addAll(cmd.getSubcommands().values());
        }
    }

    /**
     * picocli prints each description element as its own paragraph and lists a subcommand by its
     * first one, so an element that stops mid-sentence shows up cut ("they go back to pending,").
     */
    @Test
    void everyHelpTextReadsAsWholeSentences() {
        var root = OutreachCli.commandLine(new CliContext(
                Map.of(),
                java.nio.file.Path.of("."),
                new java.io.PrintWriter(java.io.Writer.nullWriter()),
                new java.io.PrintWriter(java.io.Writer.nullWriter())));
        var pending = new java.util.ArrayDeque<picocli.CommandLine>(java.util.List.of(root));
        var cut = new java.util.ArrayList<String>();
        var whole = java.util.regex.Pattern.compile(".*[.!?][\"')]?", java.util.regex.Pattern.DOTALL);
        while (!pending.isEmpty()) {
            picocli.CommandLine cmd = pending.pop();
            var spec = cmd.getCommandSpec();
            if (cmd.getCommandName().equals("help")) {
                continue;
            }
            for (String element : spec.usageMessage().description()) {
                for (String paragraph : element.split("%n")) {
                    if (!whole.matcher(paragraph.strip()).matches()) {
                        cut.add(spec.qualifiedName() + ": " + paragraph);
                    }
                }
            }
            for (var arg : spec.args()) {
                String text = String.join(" ", arg.description());
                if (!whole.matcher(text.strip()).matches()) {
                    cut.add(spec.qualifiedName() + " " + arg.paramLabel()
                            + (arg.isOption() ? " " + ((picocli.CommandLine.Model.OptionSpec) arg).longestName() : "")
                            + ": '" + text + "'");
                }
            }
            pending.addAll(cmd.getSubcommands().values());
        }
        assertThat(cut).as("help texts that stop mid-sentence or are missing").isEmpty();
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        CliRun run = CliRun.run(Map.of(), "db", "frobnicate");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("frobnicate");
    }

    @Test
    void anInvalidConfigurationIsAUsageErrorListingEveryProblem() {
        CliRun run = CliRun.run(
                Map.of("OUTREACH_DATABASE_POOL_SIZE", "x", "OUTREACH_EMBEDDED_PORT", "-1"), "config", "check");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err())
                .contains("2 problems")
                .contains("outreach.database.pool-size")
                .contains("outreach.embedded.port");
    }

    @Test
    void configShowMasksTheDatabasePassword() {
        CliRun run = CliRun.run(Map.of("DATABASE_URL", "postgres://app:s3cret@db/outreach"), "config", "show");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("outreach.database.url = postgres://app:****@db/outreach    # environment DATABASE_URL")
                .doesNotContain("s3cret");
    }
}

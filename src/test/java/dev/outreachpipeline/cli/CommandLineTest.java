package dev.outreachpipeline.cli;

import dev.outreachpipeline.testsupport.CliRun;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

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
        var root = OutreachCli.commandLine(new CliContext(Map.of(), java.nio.file.Path.of("."),
                new java.io.PrintWriter(java.io.Writer.nullWriter()), new java.io.PrintWriter(java.io.Writer.nullWriter())));
        var pending = new java.util.ArrayDeque<picocli.CommandLine>(root.getSubcommands().values());
        while (!pending.isEmpty()) {
            picocli.CommandLine cmd = pending.pop();
            if (cmd.getCommandName().equals("help")) {
                continue;
            }
            assertThat(cmd.getCommandSpec().optionsMap()).as(cmd.getCommandSpec().qualifiedName()).containsKey("--help");
            pending.addAll(cmd.getSubcommands().values());
        }
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        CliRun run = CliRun.run(Map.of(), "db", "frobnicate");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("frobnicate");
    }

    @Test
    void anInvalidConfigurationIsAUsageErrorListingEveryProblem() {
        CliRun run = CliRun.run(Map.of("OUTREACH_DATABASE_POOL_SIZE", "x", "OUTREACH_EMBEDDED_PORT", "-1"), "config", "check");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("2 problems").contains("outreach.database.pool-size").contains("outreach.embedded.port");
    }

    @Test
    void configShowMasksTheDatabasePassword() {
        CliRun run = CliRun.run(Map.of("DATABASE_URL", "postgres://app:s3cret@db/outreach"), "config", "show");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("outreach.database.url = postgres://app:****@db/outreach    # environment DATABASE_URL")
                .doesNotContain("s3cret");
    }
}

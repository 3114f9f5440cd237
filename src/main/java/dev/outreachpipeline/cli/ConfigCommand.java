package dev.outreachpipeline.cli;

import dev.outreachpipeline.config.OutreachConfig;
import picocli.CommandLine.Command;

@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Show or check the effective configuration.",
        subcommands = {ConfigCommand.Show.class, ConfigCommand.Check.class})
public final class ConfigCommand {

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Print every setting with its value (secrets masked) and where the value came from.")
    static final class Show implements Runnable {
        private final CliContext context;

        Show(CliContext context) {
            this.context = context;
        }

        @Override
        public void run() {
            OutreachConfig config = context.config();
            config.masked().forEach((k, v) -> context.out().printf("%s = %s    # %s%n", k, v, config.source(k)));
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Check the configuration and report every problem at once (exit 2 if there is any).")
    static final class Check implements Runnable {
        private final CliContext context;

        Check(CliContext context) {
            this.context = context;
        }

        @Override
        public void run() {
            context.config();
            context.err().println("The configuration is valid.");
        }
    }
}

package dev.outreachpipeline.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "outreach",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description =
                "Finds websites worth pitching for links, enriches them with a contact, drafts and sends outreach.%n"
                        + "Run as java -jar target/outreach-pipeline.jar COMMAND (see the list below).",
        subcommands = {
            RunCommand.class,
            JobCommand.class,
            CampaignCommand.class,
            ProspectsCommand.class,
            LinksCommand.class,
            SendCommand.class,
            MailboxCommand.class,
            SuppressCommand.class,
            ProviderCommand.class,
            StatusCommand.class,
            ReportCommand.class,
            DbCommand.class,
            ConfigCommand.class,
            SandboxCommand.class,
            picocli.CommandLine.HelpCommand.class
        },
        footer = {
            "%nExit codes: 0 ok, 1 failure, 2 usage or configuration error, 3 database drift.",
            "Settings: config/application.properties; environment variables override them (see README)."
        })
public final class OutreachCommand implements Runnable {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    public OutreachCommand(CliContext context) {
        this.context = context;
    }

    @Option(
            names = "--config",
            paramLabel = "FILE",
            scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "A properties file whose settings replace the defaults (the environment still wins).")
    void setConfig(Path file) {
        context.configFile(file);
    }

    @Override
    public void run() {
        spec.commandLine().usage(context.err());
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Name a command (see the list above).");
    }
}

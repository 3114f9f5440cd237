package dev.outreachpipeline.cli;

import dev.outreachpipeline.OutreachException;
import dev.outreachpipeline.config.ConfigException;
import dev.outreachpipeline.config.LookalikeVariables;
import dev.outreachpipeline.config.Masking;
import dev.outreachpipeline.config.OutreachConfig;
import dev.outreachpipeline.config.Stage;
import dev.outreachpipeline.daemon.StartupFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "config",
        mixinStandardHelpOptions = true,
        description = "Show or check the effective configuration.",
        subcommands = {ConfigCommand.Show.class, ConfigCommand.Check.class})
public final class ConfigCommand {

    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
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

    @Command(
            name = "check",
            mixinStandardHelpOptions = true,
            description = {
                "Check the configuration: every wrong value and every variable that looks like a setting"
                        + " but is not, all at once, and for each stage whether it is ready or which settings it lacks.",
                "Exit 0 only when there is no problem and every stage is ready; 2 otherwise."
            })
    static final class Check implements Callable<Integer> {
        private final CliContext context;

        @Option(
                names = "--stage",
                paramLabel = "STAGE",
                description = "Check only this stage: discovery, enrichment, drafting, sending or replies.")
        String stage;

        Check(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            List<Stage> stages = stage == null
                    ? Stage.ALL
                    : List.of(Stage.named(stage)
                            .orElseThrow(() -> new OutreachException(
                                    "'" + stage + "' is not a stage; the stages are "
                                            + String.join(", ", Stage.names()),
                                    ExitCodes.USAGE)));
            OutreachConfig.Checked checked =
                    OutreachConfig.check(context.configFileOrNull(), context.env(), context.home());
            var problems = new ArrayList<>(checked.problems());
            if (checked.problems().isEmpty()) {
                problems.addAll(StartupFiles.problems(checked.config(), context.home()));
            }
            problems.addAll(LookalikeVariables.in(context.env()));

            int unready = 0;
            for (Stage s : stages) {
                Stage.Readiness readiness = s.check(checked.config());
                context.out().println(readiness.sentence());
                unready += readiness.ready() ? 0 : 1;
            }
            // With further mailboxes, each on a line of its own (a full check, or the sending stage's; with
            // 'default' alone the sending line says it all): a further mailbox that was listed must be
            // complete, and no two mailboxes may share a From address.
            if (checked.problems().isEmpty() && (stage == null || stages.contains(Stage.SENDING))) {
                var mailboxes = dev.outreachpipeline.sending.Mailboxes.from(checked.config());
                if (mailboxes.ids().size() > 1) {
                    mailboxes.describe().forEach(context.out()::println);
                }
                problems.addAll(mailboxes.conflicts());
                mailboxes.all().stream()
                        .filter(m -> !m.id().equals(dev.outreachpipeline.sending.MailboxIds.DEFAULT))
                        .forEach(m -> mailboxes.problems(m).forEach(p -> problems.add("mailbox " + m.id() + ": " + p)));
            }
            if (!problems.isEmpty()) {
                context.err().println(Masking.maskText(new ConfigException(problems).getMessage()));
            }
            if (problems.isEmpty() && unready == 0) {
                context.err()
                        .println(
                                stages.size() == 1
                                        ? "The configuration is valid and the stage is ready."
                                        : "The configuration is valid and every stage is ready.");
                return ExitCodes.OK;
            }
            if (unready > 0) {
                context.err()
                        .println(unready + " of " + stages.size()
                                + (stages.size() == 1 ? " stage lacks" : " stages lack")
                                + " settings: set the variables named above (see config/application.properties).");
            }
            return ExitCodes.USAGE;
        }
    }
}

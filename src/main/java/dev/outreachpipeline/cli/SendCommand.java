package dev.outreachpipeline.cli;

import dev.outreachpipeline.db.Database;
import dev.outreachpipeline.jobs.JobStore;
import dev.outreachpipeline.sending.SendPacing;
import dev.outreachpipeline.sending.SendPreview;
import dev.outreachpipeline.sending.SendSettings;
import dev.outreachpipeline.sending.SmtpSettings;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "send",
        mixinStandardHelpOptions = true,
        description = {
            "Enqueue a send job: the daemon sends approved drafts and due follow-ups within the caps.",
            "With --dry-run, send nothing and show what it would send now and why the others wait."
        })
final class SendCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--dry-run", description = "Send nothing; show the queue, the caps and the reasons.")
    boolean dryRun;

    SendCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        try (Database db = context.openDatabase()) {
            if (dryRun) {
                var config = DaemonConfig.of(context, db);
                var send = SendSettings.from(config);
                new SendPreview(
                                db.dataSource(),
                                SmtpSettings.from(config),
                                send,
                                new SendPacing(send.pacingRules(), new java.util.Random(0)))
                        .print(context.out());
                return ExitCodes.OK;
            }
            context.out().println(new JobStore(db.dataSource()).submit("send", "{}", "cli"));
            return ExitCodes.OK;
        }
    }
}

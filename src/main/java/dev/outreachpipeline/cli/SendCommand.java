package dev.outreachpipeline.cli;

import dev.outreachpipeline.db.Database;
import dev.outreachpipeline.jobs.JobStore;
import dev.outreachpipeline.sending.Mailboxes;
import dev.outreachpipeline.sending.SendPreview;
import dev.outreachpipeline.sending.SendSettings;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "send",
        mixinStandardHelpOptions = true,
        description = {
            "Enqueue a send job: the daemon sends approved drafts and due follow-ups within the caps.",
            "With --dry-run, send nothing and show, per mailbox, what it would send now and why the others wait.",
            "With --campaign NAME, only that campaign's messages; a paused or archived campaign sends nothing."
        })
final class SendCommand implements Callable<Integer> {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private final CliContext context;

    @Option(names = "--dry-run", description = "Send nothing; show each mailbox, the queue, the caps and the reasons.")
    boolean dryRun;

    @Option(
            names = "--campaign",
            paramLabel = "NAME",
            description = "Only this campaign's approved drafts and follow-ups (default: every active campaign).")
    String campaign;

    SendCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        try (Database db = context.openDatabase()) {
            UUID campaignId = CampaignOption.idOrNull(db, campaign);
            if (dryRun) {
                var config = DaemonConfig.of(context, db);
                new SendPreview(
                                db.dataSource(),
                                Mailboxes.from(config),
                                SendSettings.from(config),
                                campaignId,
                                new java.util.Random(0))
                        .print(context.out());
                return ExitCodes.OK;
            }
            // The campaign travels in the job's parameters: a send job serves every campaign unless it names one.
            var params = JSON.createObjectNode();
            if (campaignId != null) {
                params.put("campaign", campaign);
            }
            context.out().println(new JobStore(db.dataSource()).submit("send", params.toString(), "cli"));
            return ExitCodes.OK;
        }
    }
}

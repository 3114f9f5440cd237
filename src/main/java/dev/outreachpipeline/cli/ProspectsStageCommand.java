package dev.outreachpipeline.cli;

import dev.outreachpipeline.OutreachException;
import dev.outreachpipeline.db.Database;
import dev.outreachpipeline.prospects.ProspectStages;
import java.util.LinkedHashMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "stage",
        mixinStandardHelpOptions = true,
        description = {
            "Move a prospect to a stage after contact: contacted, replied, interested, negotiating, agreed,"
                    + " link_placed, link_live, link_lost or declined. The change is kept in its stage history"
                    + " with the note.",
            "Sending and classified replies move the first stages themselves (docs/replies.md)."
        })
final class ProspectsStageCommand implements Callable<Integer> {

    private final CliContext context;

    @Parameters(index = "0", paramLabel = "ID", description = "The prospect's id (as `prospects list` shows it).")
    String id;

    @Parameters(index = "1", paramLabel = "STAGE", description = "The stage it is at now.")
    String stage;

    @Option(names = "--note", paramLabel = "TEXT", description = "Why (one line, at most 500 characters).")
    String note;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    ProspectsStageCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        UUID prospectId = ProspectsCommand.prospectId(id);
        String invalid = ProspectStages.invalid(stage);
        if (invalid != null) {
            throw new OutreachException(TerminalText.line(invalid) + ".", ExitCodes.USAGE);
        }
        try (Database db = context.openDatabase()) {
            ProspectStages.Outcome outcome = new ProspectStages(db.dataSource()).move(prospectId, stage, note, "cli");
            if (!outcome.found()) {
                throw new OutreachException("No prospect has the id " + prospectId + ".", ExitCodes.FAILURE);
            }
            if (outcome.refusal() != null) {
                throw new OutreachException(TerminalText.line(outcome.refusal()) + ".", ExitCodes.USAGE);
            }
            if (json) {
                var body = new LinkedHashMap<String, Object>();
                body.put("id", prospectId.toString());
                body.put("from_stage", outcome.from());
                body.put("stage", outcome.to());
                body.put("changed", outcome.changed());
                context.out().println(ProspectsCommand.JSON.writeValueAsString(body));
            } else if (outcome.changed()) {
                context.out()
                        .println("Prospect " + prospectId + " moved from "
                                + (outcome.from() == null ? "no stage" : outcome.from()) + " to " + outcome.to() + ".");
            } else {
                context.out()
                        .println("Prospect " + prospectId + " is at " + outcome.to() + " already; nothing changed.");
            }
            return ExitCodes.OK;
        }
    }
}

package dev.outreachpipeline.cli;

import dev.outreachpipeline.db.Database;
import dev.outreachpipeline.prospects.MarkSent;
import dev.outreachpipeline.sending.Mailboxes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
        name = "mark-sent",
        mixinStandardHelpOptions = true,
        description = {
            "Record that a message whose delivery is unknown (status send_unknown) did go out: you found it in"
                    + " the mailbox's Sent folder. The prospect becomes sent from the time of that attempt, and its"
                    + " follow-ups fall due as after any send.",
            "The other decision is `prospects resend ID`, which sends it again."
        })
final class ProspectsMarkSentCommand implements Callable<Integer> {

    private final CliContext context;

    @Parameters(
            paramLabel = "ID",
            arity = "1..*",
            description = "The prospects' ids (as `prospects list --status send_unknown` shows them).")
    List<String> ids;

    ProspectsMarkSentCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        var parsed = new LinkedHashMap<String, UUID>();
        ids.forEach(id -> parsed.put(id, ProspectsCommand.prospectId(id)));
        try (Database db = context.openDatabase()) {
            var addresses = new LinkedHashMap<String, String>();
            Mailboxes.from(DaemonConfig.of(context, db)).all().forEach(m -> addresses.put(m.id(), m.address()));
            var markSent = new MarkSent(db.dataSource(), addresses);
            int marked = 0;
            for (var e : parsed.entrySet()) {
                MarkSent.Outcome outcome = markSent.markSent(e.getValue(), "the operator (cli)");
                if (outcome.marked()) {
                    marked++;
                } else {
                    context.err()
                            .println(TerminalText.line(e.getKey()) + ": not marked sent: " + outcome.refusal() + ".");
                }
            }
            context.out().println(marked + " prospect(s) marked sent; their follow-ups follow as after any send.");
            return marked == parsed.size() ? ExitCodes.OK : ExitCodes.FAILURE;
        }
    }
}

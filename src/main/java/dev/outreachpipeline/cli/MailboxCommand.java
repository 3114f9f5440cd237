package dev.outreachpipeline.cli;

import dev.outreachpipeline.OutreachException;
import dev.outreachpipeline.db.Database;
import dev.outreachpipeline.db.NamedParameters;
import dev.outreachpipeline.db.SqlStatement;
import dev.outreachpipeline.sending.Mailbox;
import dev.outreachpipeline.sending.Mailboxes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "mailbox",
        mixinStandardHelpOptions = true,
        description =
                "The sending mailboxes: 'default' (outreach.smtp.*, outreach.mail.*) and those outreach.mailboxes lists.",
        subcommands = {MailboxCommand.ListMailboxes.class, MailboxCommand.Resume.class})
final class MailboxCommand {

    private static final NamedParameters SEND_FACTS = SqlStatement.SEND_FACTS.jdbc();
    private static final NamedParameters PAUSES = SqlStatement.MAILBOX_PAUSES.jdbc();
    private static final NamedParameters CLEAR_PAUSE = SqlStatement.CLEAR_MAILBOX_PAUSE.jdbc();

    private MailboxCommand() {}

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = {
                "Each mailbox: its id, From address, sends in the last 24 hours and the last hour against its caps,"
                        + " and whether it is paused and why."
            })
    static final class ListMailboxes implements Callable<Integer> {
        private final CliContext context;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        ListMailboxes(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            try (Database db = context.openDatabase()) {
                CampaignOption.requireMigrated(db);
                var mailboxes = Mailboxes.from(DaemonConfig.of(context, db));
                List<Map<String, Object>> rows = rows(db, mailboxes);
                if (json) {
                    context.out().println(TerminalText.jsonMapper().writeValueAsString(rows));
                    return ExitCodes.OK;
                }
                context.out()
                        .printf(
                                "%-10s  %-32s  %-12s  %-12s  %s%n",
                                "MAILBOX", "FROM", "24 H / CAP", "HOUR / CAP", "STATE");
                for (Map<String, Object> r : rows) {
                    context.out()
                            .printf(
                                    "%-10s  %-32s  %-12s  %-12s  %s%n",
                                    r.get("id"),
                                    TerminalText.line(String.valueOf(r.get("from"))),
                                    r.get("sent_last_24h") + " / " + r.get("daily_cap"),
                                    r.get("sent_last_hour") + " / " + r.get("hourly_cap"),
                                    TerminalText.line(state(r)));
                }
                return ExitCodes.OK;
            }
        }

        private static String state(Map<String, Object> r) {
            if (Boolean.TRUE.equals(r.get("paused"))) {
                return "paused: " + r.get("paused_because");
            }
            if (!Boolean.TRUE.equals(r.get("can_send"))) {
                return "cannot send: " + r.get("problems");
            }
            return r.get("pause_note") == null ? "sending" : "sending (" + r.get("pause_note") + ")";
        }
    }

    /** One row per mailbox, as `mailbox list --json` prints it. */
    static List<Map<String, Object>> rows(Database db, Mailboxes mailboxes) throws java.sql.SQLException {
        var addresses = TerminalText.jsonMapper().createArrayNode();
        mailboxes.all().stream().filter(m -> !m.address().isEmpty()).forEach(m -> addresses.add(m.address()));
        var facts = new HashMap<String, Map<String, Object>>();
        SEND_FACTS
                .rows(db.dataSource(), Map.of("addresses", addresses.toString()))
                .forEach(f -> facts.put(String.valueOf(f.get("mailbox")), f));
        var pauses = new HashMap<String, Map<String, Object>>();
        PAUSES.rows(db.dataSource(), Map.of()).forEach(p -> pauses.put(String.valueOf(p.get("mailbox")), p));
        var rows = new ArrayList<Map<String, Object>>();
        for (Mailbox m : mailboxes.all()) {
            var f = facts.getOrDefault(m.address(), Map.of());
            var pause = pauses.get(m.id());
            boolean paused = pause != null && m.fingerprint().equals(pause.get("settings_fingerprint"));
            List<String> problems = mailboxes.problems(m);
            var r = new LinkedHashMap<String, Object>();
            r.put("id", m.id());
            r.put("from", m.smtp().from());
            r.put("can_send", m.configured() && problems.isEmpty());
            r.put("problems", String.join(" ", problems));
            r.put("sent_last_24h", ((Number) f.getOrDefault("sent_last_24h", 0)).intValue());
            r.put("daily_cap", m.pacing().dailyCap());
            r.put("sent_last_hour", ((Number) f.getOrDefault("sent_last_hour", 0)).intValue());
            r.put("hourly_cap", m.pacing().hourlyCap());
            r.put("paused", paused);
            r.put("paused_because", paused ? pause.get("reason") : null);
            r.put("paused_at", paused ? String.valueOf(pause.get("paused_at")) : null);
            r.put(
                    "pause_note",
                    pause != null && !paused
                            ? "paused with other settings; the pause ends with its next message"
                            : null);
            r.put(
                    "replies",
                    m.replies().map(i -> i.account() + " " + i.folder()).orElse(null));
            rows.add(r);
        }
        return rows;
    }

    @Command(
            name = "resume",
            mixinStandardHelpOptions = true,
            description =
                    "End a mailbox's pause (after its login settings were corrected): it sends again, on every instance.")
    static final class Resume implements Callable<Integer> {
        private final CliContext context;

        @Parameters(index = "0", paramLabel = "ID", description = "The mailbox, e.g. default.")
        String id;

        Resume(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            try (Database db = context.openDatabase()) {
                CampaignOption.requireMigrated(db);
                var mailboxes = Mailboxes.from(DaemonConfig.of(context, db));
                if (mailboxes.find(id).isEmpty()) {
                    throw new OutreachException(
                            "No mailbox is named '" + TerminalText.line(id) + "'; the mailboxes are: "
                                    + String.join(", ", mailboxes.ids()) + ".",
                            ExitCodes.USAGE);
                }
                int cleared = CLEAR_PAUSE.update(db.dataSource(), Map.of("mailboxId", id));
                context.out()
                        .println(
                                cleared == 0
                                        ? "Mailbox " + id + " was not paused."
                                        : "Mailbox " + id
                                                + " is no longer paused; it sends from the next send job on.");
                return ExitCodes.OK;
            }
        }
    }
}

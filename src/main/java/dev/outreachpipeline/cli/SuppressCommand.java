package dev.outreachpipeline.cli;

import dev.outreachpipeline.OutreachException;
import dev.outreachpipeline.db.Database;
import dev.outreachpipeline.prospects.SpreadsheetCells;
import dev.outreachpipeline.sending.SuppressionFile;
import dev.outreachpipeline.sending.SuppressionImport;
import dev.outreachpipeline.sending.SuppressionReason;
import dev.outreachpipeline.sending.Suppressions;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "suppress",
        mixinStandardHelpOptions = true,
        description = "The suppression list: addresses and domains that are never written to again.",
        subcommands = {
            SuppressCommand.Add.class,
            SuppressCommand.Remove.class,
            SuppressCommand.ListEntries.class,
            SuppressCommand.Import.class,
            SuppressCommand.Export.class
        })
final class SuppressCommand {

    /** The note comes last, so tools that read the first four columns of an older export still can. */
    private static final String[] HEADER = {"entry", "reason", "source", "created_at", "note"};

    static Suppressions.Entry entry(String text) {
        try {
            return Suppressions.Entry.parse(text);
        } catch (IllegalArgumentException e) {
            throw new OutreachException(e.getMessage() + ".", ExitCodes.USAGE);
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Suppress addresses or whole domains.")
    static final class Add implements Callable<Integer> {
        private final CliContext context;

        @Parameters(
                paramLabel = "EMAIL|DOMAIN",
                arity = "1..*",
                description = "Addresses, or domains (every address at them).")
        List<String> entries;

        @Option(
                names = "--reason",
                defaultValue = "manual",
                description =
                        "One of unsubscribed, bounced, complained, manual or do_not_contact (default ${DEFAULT-VALUE}); "
                                + "other words are kept as a note, with the reason manual.")
        String reason;

        @Option(names = "--source", defaultValue = "added by an operator", description = "Where it came from.")
        String source;

        Add(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            var parsed = entries.stream().map(SuppressCommand::entry).toList();
            SuppressionReason why;
            try {
                why = SuppressionReason.of(reason, null);
            } catch (IllegalArgumentException e) {
                throw new OutreachException("The reason is not kept: " + e.getMessage() + ".", ExitCodes.USAGE);
            }
            try (Database db = context.openDatabase()) {
                var list = new Suppressions(db.dataSource());
                for (Suppressions.Entry e : parsed) {
                    context.out()
                            .println(
                                    e.value() + (list.add(e, why, source) ? " suppressed" : " was already suppressed"));
                }
                return ExitCodes.OK;
            }
        }
    }

    @Command(
            name = "remove",
            mixinStandardHelpOptions = true,
            description = "Lift a suppression (only when the person asked for it: an objection is permanent).")
    static final class Remove implements Callable<Integer> {
        private final CliContext context;

        @Parameters(paramLabel = "EMAIL|DOMAIN", arity = "1..*", description = "Addresses or domains to lift.")
        List<String> entries;

        Remove(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            var parsed = entries.stream().map(SuppressCommand::entry).toList();
            int missing = 0;
            try (Database db = context.openDatabase()) {
                var list = new Suppressions(db.dataSource());
                for (Suppressions.Entry e : parsed) {
                    boolean removed = list.remove(e);
                    missing += removed ? 0 : 1;
                    context.out().println(e.value() + (removed ? " is no longer suppressed" : " was not suppressed"));
                }
            }
            return missing == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every suppressed address and domain.")
    static final class ListEntries implements Callable<Integer> {
        private final CliContext context;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        ListEntries(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            try (Database db = context.openDatabase()) {
                var rows = new Suppressions(db.dataSource()).list();
                if (json) {
                    context.out().println(JobCommand.JSON.writeValueAsString(rows));
                } else {
                    for (Map<String, Object> r : rows) {
                        context.out()
                                .printf(
                                        "%-40s  %-6s  %-14s  %s%s%n",
                                        TerminalText.line(r.get("entry")),
                                        r.get("kind"),
                                        TerminalText.line(r.get("reason")),
                                        TerminalText.line(r.get("source")),
                                        r.get("note") == null ? "" : "  note: " + TerminalText.line(r.get("note")));
                    }
                    context.err().println(rows.size() + " suppression(s).");
                }
                return ExitCodes.OK;
            }
        }
    }

    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description = {
                "Add the entries of a CSV file, one address or domain a line, optionally followed by a reason "
                        + "(default manual; words that are not a known reason are kept as a note) and a source.",
                "A first line naming its columns (entry or email or domain, and optionally reason, note and source) is "
                        + "read as the header; without one the columns are entry, reason and source, in that order.",
                "A line that cannot be read is reported with its number and why, and the others are added: the exit "
                        + "code is 0 when every line was added or already there, 1 when some were refused."
            })
    static final class Import implements Callable<Integer> {
        private final CliContext context;

        @Parameters(paramLabel = "FILE.csv", description = "The file to read (UTF-8).")
        Path file;

        Import(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            Path path = context.workDir().resolve(file);
            if (!Files.isRegularFile(path)) {
                throw new OutreachException("No such file: " + path, ExitCodes.USAGE);
            }
            var lines = SuppressionFile.read(Files.readAllBytes(path), "imported from " + file);
            SuppressionImport outcome;
            try (Database db = context.openDatabase()) {
                outcome = SuppressionImport.run(new Suppressions(db.dataSource()), lines);
            }
            var refused = new java.util.ArrayList<Integer>();
            for (SuppressionFile.Line line : outcome.refused()) {
                refused.add(line.number());
                context.err()
                        .println("line " + line.number() + ": skipped: " + TerminalText.line(line.refusal()) + ".");
            }
            context.out()
                    .println("Added " + outcome.added() + ", already suppressed " + outcome.alreadySuppressed()
                            + ", skipped " + refused.size()
                            + (refused.isEmpty()
                                    ? "."
                                    : " (line" + (refused.size() == 1 ? " " : "s ") + lines(refused)
                                            + "; every other line was added)."));
            return refused.isEmpty() ? ExitCodes.OK : ExitCodes.FAILURE;
        }

        private static String lines(List<Integer> numbers) {
            var shown = numbers.stream().limit(20).map(String::valueOf).toList();
            return String.join(", ", shown)
                    + (numbers.size() > shown.size() ? " and " + (numbers.size() - shown.size()) + " more" : "");
        }
    }

    @Command(
            name = "export",
            mixinStandardHelpOptions = true,
            description =
                    "Write the list as CSV (to stdout, or --out FILE), with a header row that `suppress import` reads.")
    static final class Export implements Callable<Integer> {
        private final CliContext context;

        @Option(names = "--out", paramLabel = "FILE", description = "The file to write (replaced if it exists).")
        Path out;

        @Option(
                names = "--raw",
                description = "Write every value exactly as stored. Without it, a value starting with "
                        + "=, +, -, @, a tab or a carriage return gets a leading apostrophe, so a spreadsheet shows it as text "
                        + "instead of running it as a formula (`suppress import` removes it again).")
        boolean raw;

        Export(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            try (Database db = context.openDatabase()) {
                var rows = new Suppressions(db.dataSource()).list();
                Writer w = out == null
                        ? context.out()
                        : Files.newBufferedWriter(context.workDir().resolve(out), StandardCharsets.UTF_8);
                try (CSVPrinter csv = new CSVPrinter(
                        new java.io.FilterWriter(w) {
                            @Override
                            public void close() throws java.io.IOException {
                                flush();
                                if (out != null) {
                                    super.close();
                                }
                            }
                        },
                        CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
                    for (Map<String, Object> r : rows) {
                        csv.printRecord(
                                cell(r.get("entry")),
                                cell(r.get("reason")),
                                cell(r.get("source")),
                                cell(r.get("created_at")),
                                cell(r.get("note")));
                    }
                }
                return ExitCodes.OK;
            }
        }

        private String cell(Object value) {
            String text = value == null ? null : value.toString();
            return raw ? text : SpreadsheetCells.neutralise(text);
        }
    }
}

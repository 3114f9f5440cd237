package dev.outreachpipeline.cli;

import dev.outreachpipeline.OutreachException;
import dev.outreachpipeline.db.Database;
import dev.outreachpipeline.sending.Suppressions;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "suppress", mixinStandardHelpOptions = true,
        description = "The suppression list: addresses and domains that are never written to again.",
        subcommands = {SuppressCommand.Add.class, SuppressCommand.Remove.class, SuppressCommand.ListEntries.class,
                SuppressCommand.Import.class, SuppressCommand.Export.class})
final class SuppressCommand {

    private static final String[] HEADER = {"entry", "reason", "source", "created_at"};

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

        @Parameters(paramLabel = "EMAIL|DOMAIN", arity = "1..*")
        List<String> entries;

        @Option(names = "--reason", defaultValue = "manual",
                description = "unsubscribed, bounced, complained, manual or do_not_contact (default ${DEFAULT-VALUE}).")
        String reason;

        @Option(names = "--source", defaultValue = "added by an operator", description = "Where it came from.")
        String source;

        Add(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            var parsed = entries.stream().map(SuppressCommand::entry).toList();
            if (!Suppressions.REASONS.contains(reason)) {
                throw new OutreachException("Unknown reason '" + reason + "'; use one of "
                        + String.join(", ", new java.util.TreeSet<>(Suppressions.REASONS)) + ".", ExitCodes.USAGE);
            }
            try (Database db = context.openDatabase()) {
                var list = new Suppressions(db.dataSource());
                for (Suppressions.Entry e : parsed) {
                    context.out().println(e.value() + (list.add(e, reason, source) ? " suppressed" : " was already suppressed"));
                }
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Lift a suppression (only when the person asked for it: an objection is permanent).")
    static final class Remove implements Callable<Integer> {
        private final CliContext context;

        @Parameters(paramLabel = "EMAIL|DOMAIN", arity = "1..*")
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
                        context.out().printf("%-40s  %-6s  %-14s  %s%n", r.get("entry"), r.get("kind"), r.get("reason"), r.get("source"));
                    }
                    context.err().println(rows.size() + " suppression(s).");
                }
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Add the entries of a CSV file with a header row: entry (an address or a domain; 'email' or",
                    "'domain' are accepted too), and optionally reason (default manual) and source.",
                    "A line that cannot be read is reported and skipped; the others are added."})
    static final class Import implements Callable<Integer> {
        private final CliContext context;

        @Parameters(paramLabel = "FILE.csv")
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
            int added = 0;
            int known = 0;
            int refused = 0;
            try (Database db = context.openDatabase(); Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8);
                 CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                         .setTrim(true).get().parse(in)) {
                var list = new Suppressions(db.dataSource());
                String column = csv.getHeaderMap().keySet().stream().filter(h -> List.of("entry", "email", "domain")
                        .contains(h.toLowerCase(java.util.Locale.ROOT))).findFirst()
                        .orElseThrow(() -> new OutreachException("The file has no 'entry', 'email' or 'domain' column.", ExitCodes.USAGE));
                for (CSVRecord r : csv) {
                    try {
                        var entry = Suppressions.Entry.parse(r.get(column));
                        String reason = r.isMapped("reason") && !r.get("reason").isBlank() ? r.get("reason") : "manual";
                        String source = r.isMapped("source") && !r.get("source").isBlank() ? r.get("source") : "imported from " + file;
                        if (list.add(entry, reason, source)) {
                            added++;
                        } else {
                            known++;
                        }
                    } catch (IllegalArgumentException e) {
                        refused++;
                        context.err().println("line " + (r.getRecordNumber() + 1) + ": skipped: " + e.getMessage());
                    }
                }
            }
            context.out().println("Added " + added + ", already suppressed " + known + ", skipped " + refused + ".");
            return refused == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Write the list as CSV (to stdout, or --out FILE).")
    static final class Export implements Callable<Integer> {
        private final CliContext context;

        @Option(names = "--out", paramLabel = "FILE")
        Path out;

        Export(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            try (Database db = context.openDatabase()) {
                var rows = new Suppressions(db.dataSource()).list();
                Writer w = out == null ? context.out() : Files.newBufferedWriter(context.workDir().resolve(out), StandardCharsets.UTF_8);
                try (CSVPrinter csv = new CSVPrinter(new java.io.FilterWriter(w) {
                    @Override
                    public void close() throws java.io.IOException {
                        flush();
                        if (out != null) {
                            super.close();
                        }
                    }
                }, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
                    for (Map<String, Object> r : rows) {
                        csv.printRecord(r.get("entry"), r.get("reason"), r.get("source"), r.get("created_at"));
                    }
                }
                return ExitCodes.OK;
            }
        }
    }
}

package dev.outreachpipeline.cli;

import dev.outreachpipeline.OutreachException;
import dev.outreachpipeline.db.Database;
import dev.outreachpipeline.prospects.ProspectCsv;
import dev.outreachpipeline.prospects.ProspectStore;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = "Write prospects to a CSV file (RFC 4180 quoting, UTF-8, a header row), best score first.")
final class ProspectsExportCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--format", defaultValue = "csv", description = "Only csv for now (default).")
    String format;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "FILE",
            description = "The file to write (replaced if it exists).")
    Path out;

    @Option(names = "--status", description = "Only prospects in this status.")
    String status;

    @Option(names = "--campaign", paramLabel = "NAME", description = "Only the prospects of this campaign.")
    String campaign;

    @Option(
            names = "--raw",
            description = "Write every value exactly as stored. Without it, a value starting with "
                    + "=, +, -, @, a tab or a carriage return gets a leading apostrophe, so a spreadsheet shows it as text "
                    + "instead of running it as a formula.")
    boolean raw;

    ProspectsExportCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        if (!"csv".equals(format)) {
            throw new OutreachException(
                    "Unknown export format '" + format + "'; only csv is supported.", ExitCodes.USAGE);
        }
        Path file = context.workDir().resolve(out).toAbsolutePath().normalize();
        try (Database db = context.openDatabase()) {
            var store = new ProspectStore(db.dataSource());
            var rows =
                    store.export(ProspectsCommand.checkedStatus(store, status), CampaignOption.idOrNull(db, campaign));
            Path tmp = Files.createTempFile(file.getParent(), ".prospects", ".csv");
            try (OutputStream stream = Files.newOutputStream(tmp)) {
                ProspectCsv.write(rows, stream, raw);
            }
            Files.move(
                    tmp,
                    file,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            context.err().println("Exported " + rows.size() + " prospect(s) to " + file);
            context.out().println(file);
            return ExitCodes.OK;
        }
    }
}

package dev.outreachpipeline.cli;

import dev.outreachpipeline.OutreachException;
import dev.outreachpipeline.campaigns.OutcomesReport;
import dev.outreachpipeline.campaigns.StageFunnel;
import dev.outreachpipeline.db.Database;
import dev.outreachpipeline.prospects.SpreadsheetCells;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Outcomes per campaign and per discovery keyword: prospects, contacted, replies by class, interested,"
                    + " links live and lost, the reply rate, and the cost per prospect, per reply and per live link"
                    + " (DataForSEO + Hunter + LLM).",
            "Each campaign's total comes first, then its keywords. See docs/report.md for what each figure counts."
        })
final class ReportCommand implements Callable<Integer> {

    static final String HUNTER_COST_SETTING = "outreach.report.hunter-cost-per-call-usd";

    /** A rate or cost per unit with nothing to divide by. */
    private static final String NONE = "—";

    private static final CSVFormat CSV = CSVFormat.RFC4180
            .builder()
            .setHeader(OutcomesReport.COLUMNS.toArray(String[]::new))
            .get();

    private final CliContext context;

    @Option(names = "--campaign", paramLabel = "NAME", description = "Only this campaign.")
    String campaign;

    @Option(
            names = "--since",
            paramLabel = "DATE",
            description =
                    "Only prospects created (and discovery queries run) on or after this day (UTC), e.g. 2026-11-01.")
    String since;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Format format;

    static final class Format {
        @Option(names = "--json", required = true, description = "Print a JSON list of rows.")
        boolean json;

        @Option(
                names = "--csv",
                required = true,
                description =
                        "Print CSV with a header row (cells a spreadsheet would run as a formula are neutralised).")
        boolean csv;
    }

    ReportCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        OffsetDateTime from = since == null ? null : startOf(since);
        BigDecimal hunterCost =
                new BigDecimal(context.config().get(HUNTER_COST_SETTING).trim());
        List<Map<String, Object>> rows;
        try (Database db = context.openDatabase()) {
            CampaignOption.requireMigrated(db);
            rows = OutcomesReport.read(db.dataSource(), CampaignOption.idOrNull(db, campaign), from, hunterCost);
        }
        if (format != null && format.json) {
            context.out().println(TerminalText.jsonMapper().writeValueAsString(rows));
        } else if (format != null && format.csv) {
            csv(rows, context.out());
        } else if (rows.isEmpty()) {
            context.out().println("No prospects or discovery queries" + (from == null ? "." : " since " + since + "."));
        } else {
            table(rows, context.out());
        }
        return ExitCodes.OK;
    }

    private static OffsetDateTime startOf(String day) {
        try {
            return LocalDate.parse(day.trim()).atStartOfDay().atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new OutreachException(
                    "--since takes a day as YYYY-MM-DD, e.g. 2026-11-01, not '" + TerminalText.line(day) + "'.",
                    ExitCodes.USAGE);
        }
    }

    private static void csv(List<Map<String, Object>> rows, PrintWriter out) throws IOException {
        var printer = new CSVPrinter(out, CSV);
        for (Map<String, Object> row : rows) {
            var cells = new ArrayList<String>(OutcomesReport.COLUMNS.size());
            for (String column : OutcomesReport.COLUMNS) {
                Object v = row.get(column);
                cells.add(v == null ? "" : SpreadsheetCells.neutralise(plain(v)));
            }
            printer.printRecord(cells);
        }
        printer.flush();
    }

    private static final List<String> HEADINGS = List.of(
            "CAMPAIGN",
            "KEYWORD",
            "PROSPECTS",
            "CONTACTED",
            "REPLIED",
            "INTERESTED",
            "REPLIES (int/not/ooo/unsub/bounce/auto/review)",
            "LIVE",
            "LOST",
            "REPLY RATE",
            "COST $",
            "PER PROSPECT",
            "PER REPLY",
            "PER LIVE LINK");

    /** An aligned table: names left, figures right, each column as wide as its widest cell. */
    private static void table(List<Map<String, Object>> rows, PrintWriter out) {
        var lines = new ArrayList<List<String>>();
        lines.add(HEADINGS);
        for (Map<String, Object> r : rows) {
            lines.add(List.of(
                    TerminalText.line(r.get("campaign")),
                    keyword(r),
                    plain(r.get("prospects")),
                    plain(r.get("contacted")),
                    plain(r.get("replied")),
                    plain(r.get("interested")),
                    r.get("replies_interested") + "/" + r.get("replies_not_interested") + "/"
                            + r.get("replies_out_of_office") + "/" + r.get("replies_unsubscribe_request") + "/"
                            + r.get("replies_bounce") + "/" + r.get("replies_auto_reply") + "/"
                            + r.get("replies_needs_review"),
                    plain(r.get("links_live")),
                    plain(r.get("links_lost")),
                    r.get("reply_rate") == null ? NONE : StageFunnel.percent((BigDecimal) r.get("reply_rate")),
                    plain(r.get("total_cost_usd")),
                    orNone(r.get("cost_per_prospect_usd")),
                    orNone(r.get("cost_per_reply_usd")),
                    orNone(r.get("cost_per_live_link_usd"))));
        }
        int[] widths = new int[HEADINGS.size()];
        for (List<String> line : lines) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        for (List<String> line : lines) {
            var text = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                String cell = line.get(i);
                String pad = " ".repeat(widths[i] - cell.length());
                text.append(i < 2 ? cell + pad : pad + cell).append(i == widths.length - 1 ? "" : "  ");
            }
            out.println(text.toString().stripTrailing());
        }
    }

    /** The keyword cell: "(all)" on a campaign's total, "(none)" for prospects no discovery query found. */
    private static String keyword(Map<String, Object> row) {
        if ("campaign".equals(row.get("level"))) {
            return "(all)";
        }
        return row.get("keyword") == null ? "(none)" : TerminalText.line(row.get("keyword"));
    }

    private static String orNone(Object value) {
        return value == null ? NONE : plain(value);
    }

    private static String plain(Object value) {
        return value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value);
    }
}

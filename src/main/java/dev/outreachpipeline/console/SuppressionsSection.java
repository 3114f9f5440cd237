package dev.outreachpipeline.console;

import dev.outreachpipeline.sending.SuppressionChanges;
import dev.outreachpipeline.sending.SuppressionFile;
import dev.outreachpipeline.sending.SuppressionImport;
import dev.outreachpipeline.sending.SuppressionReason;
import dev.outreachpipeline.sending.Suppressions;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * {@code /suppressions}: the list, newest first, searched and paged; adding entries (checked as {@code
 * suppress add} and the API check them: one bad entry and nothing is added), lifting one, and importing
 * a CSV file (uploaded or pasted) through the parser of {@code suppress import}, with its refusals per
 * line. Requests are read up to {@link AdminRoutes#MAX_BODY_BYTES}.
 */
final class SuppressionsSection implements ConsoleSection {

    // counts only: the entries are people's addresses
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SuppressionsSection.class);

    static final int PAGE = 50;
    static final String SOURCE = "added in the console";
    static final String PASTED = "imported in the console";

    private DataSource dataSource;

    @Override
    public void mount(ConsoleRouter router) {
        this.dataSource = router.services().dataSource();
        router.get("/suppressions", ctx -> page(ctx, 200, Map.of(), null, List.of()));
        router.post("/suppressions", this::add);
        router.post("/suppressions/remove", this::remove);
        router.post("/suppressions/import", this::importFile);
    }

    /**
     * The list page; {@code typed} re-fills the form a refusal ({@code error} with {@code reasons})
     * belongs to.
     */
    private ConsoleReply page(
            RoutingContext ctx, int status, Map<String, String> typed, String error, List<String> reasons)
            throws SQLException {
        var model = new HashMap<String, Object>();
        String q = RequestValues.query(ctx, "q");
        String cursor = RequestValues.query(ctx, "cursor");
        model.put("q", RequestValues.text(q));
        model.put("entries", typed.getOrDefault("entries", ""));
        model.put("reason", typed.getOrDefault("reason", ""));
        model.put("csv", typed.getOrDefault("csv", ""));
        model.put("limitKb", AdminRoutes.MAX_BODY_BYTES / 1024);
        model.put(
                "reasonsKnown",
                String.join(", ", Suppressions.REASONS.stream().sorted().toList()));
        if (error != null) {
            model.put("error", error);
            model.put("reasons", reasons);
        }
        List<Map<String, Object>> rows = List.of();
        try {
            Suppressions.Page page = new Suppressions(dataSource).page(q, cursor, PAGE);
            rows = page.rows().stream().map(SuppressionsSection::row).toList();
            if (page.nextCursor() != null) {
                model.put("next", RequestValues.link("/suppressions", "q", q, "cursor", page.nextCursor()));
            }
            if (cursor != null) {
                model.put("first", RequestValues.link("/suppressions", "q", q));
            }
        } catch (IllegalArgumentException e) {
            model.put("listReasons", List.of(e.getMessage()));
            status = Math.max(status, 422);
        }
        model.put("rows", rows);
        return new ConsoleReply.Page(status, "suppressions.html.ftl", model);
    }

    private static Map<String, Object> row(Map<String, Object> r) {
        var m = new HashMap<String, Object>();
        m.put("entry", RequestValues.text(r.get("entry")));
        m.put("kind", RequestValues.text(r.get("kind")));
        m.put("reason", RequestValues.text(r.get("reason")));
        m.put("note", RequestValues.text(r.get("note")));
        m.put("source", RequestValues.text(r.get("source")));
        m.put("created", RequestValues.time(r.get("created_at")));
        return m;
    }

    /** Entries one a line (or separated by commas or spaces), and a reason; all checked before any is added. */
    private ConsoleReply add(RoutingContext ctx) throws SQLException {
        String typedEntries = RequestValues.typed(ctx, "entries");
        String typedReason = RequestValues.typed(ctx, "reason");
        var reasons = new ArrayList<String>();
        List<Suppressions.Entry> entries = SuppressionChanges.entries(split(typedEntries), reasons);
        SuppressionReason why = SuppressionChanges.reason(typedReason, reasons);
        if (!reasons.isEmpty()) {
            return page(
                    ctx,
                    422,
                    Map.of("entries", typedEntries, "reason", typedReason),
                    SuppressionChanges.NOTHING_SUPPRESSED,
                    reasons);
        }
        SuppressionChanges.Added added = new SuppressionChanges(dataSource).add(entries, why, SOURCE);
        LOG.info(
                "Console: {} suppression(s) added, {} already there",
                added.suppressed().size(),
                added.alreadySuppressed().size());
        var said = new ArrayList<String>();
        if (!added.suppressed().isEmpty()) {
            said.add("Suppressed: " + String.join(", ", added.suppressed()) + ".");
        }
        if (!added.alreadySuppressed().isEmpty()) {
            said.add("Already suppressed: " + String.join(", ", added.alreadySuppressed()) + ".");
        }
        return ConsoleReply.redirect("/suppressions", String.join(" ", said));
    }

    private static List<String> split(String typed) {
        return Arrays.stream(typed.split("[\\s,;]+")).filter(s -> !s.isEmpty()).toList();
    }

    /** One entry lifted, in the words of `suppress remove`. */
    private ConsoleReply remove(RoutingContext ctx) throws SQLException {
        var reasons = new ArrayList<String>();
        String typed = RequestValues.typed(ctx, "entry");
        List<Suppressions.Entry> entries =
                SuppressionChanges.entries(typed.isBlank() ? List.of() : List.of(typed), reasons);
        if (!reasons.isEmpty()) {
            return page(ctx, 422, Map.of(), SuppressionChanges.NOTHING_REMOVED, reasons);
        }
        SuppressionChanges.Removed removed = new SuppressionChanges(dataSource).remove(entries);
        LOG.info("Console: {} suppression(s) lifted", removed.removed().size());
        String said = removed.removed().isEmpty()
                ? removed.notSuppressed().get(0) + " was not suppressed."
                : removed.removed().get(0) + " is no longer suppressed.";
        return ConsoleReply.redirect("/suppressions", said);
    }

    /** An uploaded CSV file (multipart) or lines pasted into the form, read as `suppress import` reads a file. */
    private ConsoleReply importFile(RoutingContext ctx) throws SQLException {
        byte[] content = null;
        String source = PASTED;
        for (FileUpload upload : ctx.fileUploads()) {
            if ("file".equals(upload.name()) && upload.size() > 0) {
                content = read(upload);
                source = "imported from " + Suppressions.plainText(upload.fileName()) + " in the console";
            }
        }
        String pasted = RequestValues.typed(ctx, "csv");
        if (content == null && !pasted.isBlank()) {
            content = pasted.getBytes(StandardCharsets.UTF_8);
        }
        if (content == null) {
            return page(
                    ctx,
                    422,
                    Map.of(),
                    "Nothing was imported",
                    List.of("choose a CSV file or paste its lines; the file's first line may name its columns"));
        }
        List<SuppressionFile.Line> lines = SuppressionFile.read(content, source);
        SuppressionImport outcome = SuppressionImport.run(new Suppressions(dataSource), lines);
        LOG.info(
                "Console: suppression import: {} added, {} already there, {} line(s) refused",
                outcome.added(),
                outcome.alreadySuppressed(),
                outcome.refused().size());
        return ConsoleReply.redirect("/suppressions", outcome.summary());
    }

    private static byte[] read(FileUpload upload) {
        try {
            return Files.readAllBytes(Path.of(upload.uploadedFileName()));
        } catch (IOException e) {
            throw new UncheckedIOException("the uploaded file could not be read back: " + e.getMessage(), e);
        }
    }
}

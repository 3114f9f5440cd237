package dev.outreachpipeline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outreachpipeline.OutreachException;
import dev.outreachpipeline.jobs.JobJson;
import dev.outreachpipeline.jobs.JobProgress;
import dev.outreachpipeline.jobs.JobRow;
import dev.outreachpipeline.jobs.JobStore;
import dev.outreachpipeline.jobs.JobStore.QueryRow;
import java.io.PrintWriter;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

/** How jobs look on a terminal and in --json. */
final class JobView {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private JobView() {}

    static UUID parseId(String id) {
        return JobStore.parseId(id).orElseThrow(() -> new OutreachException(JobStore.notAnId(id), ExitCodes.USAGE));
    }

    static String time(OffsetDateTime t) {
        return t == null ? "-" : t.atZoneSameInstant(ZoneOffset.UTC).format(TIME);
    }

    static String oneLine(JobRow r) {
        return JobProgress.outcome(r);
    }

    /**
     * A discover job's outcome in the words that matter when it ran before: "0 new of 12" says at a
     * glance that a rerun paid for results already known.
     */
    static String newOfFound(JsonNode result) {
        long found = result.path("results_found").asLong();
        long saved = result.path("results_saved").asLong();
        long known = result.path("results_skipped_existing").asLong()
                + result.path("results_skipped_duplicate").asLong();
        return saved + " new of " + found + " found (" + known + " already known or repeated, "
                + result.path("results_skipped_invalid").asLong() + " without a usable URL)";
    }

    /**
     * How many results were existing prospects, and whose: {@code 5 (3 in default, 2 in shoes)}.
     * Null when there were none.
     */
    static String existing(Map<String, Long> byCampaign) {
        long total = byCampaign.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return null;
        }
        var parts = new StringJoiner(", ", " (", ")");
        byCampaign.forEach((name, n) -> parts.add(n + " in " + TerminalText.line(name)));
        return total + parts.toString();
    }

    static void print(JobRow r, List<QueryRow> queries, Map<String, Long> existingByCampaign, PrintWriter out) {
        out.printf("Job %s%n", r.id());
        out.printf(
                "  type       %s%n  status     %s%s%n",
                r.type(),
                r.status(),
                r.cancelRequestedAt() != null && "running".equals(r.status()) ? " (cancel requested)" : "");
        out.printf(
                "  origin     %s%n  created    %s%n  started    %s%n  finished   %s%n  attempts   %d%n",
                r.origin() == null ? "(left by the previous system; never run)" : r.origin(),
                time(r.createdAt()),
                time(r.startedAt()),
                time(r.finishedAt()),
                r.attempts());
        out.printf("  campaign   %s%n", r.campaign() == null ? "-" : TerminalText.line(r.campaign()));
        out.printf("  params     %s%n", TerminalText.line(r.params()));
        if (r.errorMessage() != null) {
            out.printf("  message    %s%n", TerminalText.line(r.errorMessage()));
        }
        JsonNode result = parse(r.result());
        if (result.has("results_saved")) {
            out.printf("  outcome    %s%n", newOfFound(result));
        }
        String existing = existing(existingByCampaign);
        if (existing != null) {
            out.printf("  existing   %s%n", existing);
        }
        if (result.isObject() && result.size() > 0) {
            out.println("  result");
            result.properties()
                    .forEach(f -> out.printf(
                            "    %-26s %s%n",
                            TerminalText.line(f.getKey()),
                            TerminalText.line(f.getValue().asText())));
        }
        if (!queries.isEmpty()) {
            out.println();
            out.printf(
                    "  %-40s %-14s %-9s %6s %6s %6s %6s %6s %5s  %s%n",
                    "QUERY", "LOCATION", "STATUS", "FOUND", "SAVED", "DUP", "EXIST", "INVAL", "CALLS", "ERROR");
            for (QueryRow q : queries) {
                out.printf(
                        "  %-40s %-14s %-9s %6d %6d %6d %6d %6d %5d  %s%n",
                        clip(TerminalText.line(q.keyword()), 40),
                        clip(
                                TerminalText.line(
                                        q.location() + (q.locationCode() == null ? "" : " " + q.locationCode())),
                                14),
                        q.status(),
                        q.found(),
                        q.saved(),
                        q.duplicate(),
                        q.existing(),
                        q.invalid(),
                        q.apiCalls(),
                        TerminalText.line(q.errorMessage()));
            }
        }
    }

    private static String clip(String s, int width) {
        return s == null ? "" : s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }

    private static JsonNode parse(String json) {
        return JobJson.parse(json);
    }
}

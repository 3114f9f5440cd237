package dev.outreachpipeline.sandbox;

import dev.outreachpipeline.simulators.Call;
import dev.outreachpipeline.simulators.CallLog;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * The table printed at the end of a sandbox run: per stage what happened, from the sandbox's
 * database, the simulators' call logs and the mail sink, then where to look.
 */
final class SandboxSummary {

    static final String QUERIES_RUN = "queries run";
    static final String SERP_RESULTS = "SERP results";
    static final String PROSPECTS_SAVED = "prospects saved";
    static final String ENRICHED = "enriched (contact found)";
    static final String NO_EMAIL = "no_email";
    static final String DRAFTED = "drafted (then approved)";
    static final String SENT = "first messages sent";
    static final String FOLLOWUPS_SENT = "follow-ups sent";
    static final String DATAFORSEO_CALLS = "DataForSEO calls";
    static final String HUNTER_CALLS = "Hunter calls";
    static final String RECEIVED = "messages received";

    private final PrintWriter out;

    SandboxSummary(PrintWriter out) {
        this.out = out;
    }

    /**
     * The table: a total column, and a column per campaign when more than one took part, so each
     * campaign's share of every stage shows.
     */
    void print(SandboxNumbers numbers, CallLog dataForSeo, CallLog hunter, int received, List<String> failedJobs) {
        Map<String, SandboxFacts> campaigns = numbers.active();
        List<String> columns = campaigns.size() > 1 ? List.copyOf(campaigns.keySet()) : List.of();
        SandboxFacts total = numbers.total();
        out.println();
        out.println("Sandbox summary");
        StringBuilder head = new StringBuilder(String.format("  %-11s %-28s %8s", "stage", "what", "count"));
        columns.forEach(c -> head.append(String.format(" %" + width(c) + "s", c)));
        out.println(head);
        row("discovery", QUERIES_RUN, total, campaigns, columns, SandboxFacts::queriesRun);
        row("", SERP_RESULTS, total, campaigns, columns, SandboxFacts::serpResults);
        row("", PROSPECTS_SAVED, total, campaigns, columns, SandboxFacts::prospects);
        row("enrichment", ENRICHED, total, campaigns, columns, SandboxFacts::withContact);
        row("", NO_EMAIL, total, campaigns, columns, SandboxFacts::noEmail);
        row("drafting", DRAFTED, total, campaigns, columns, SandboxFacts::drafted);
        row("sending", SENT, total, campaigns, columns, SandboxFacts::firstSent);
        row("follow-ups", FOLLOWUPS_SENT, total, campaigns, columns, SandboxFacts::followupsSent);
        providerRow("providers", DATAFORSEO_CALLS, dataForSeo);
        providerRow("", HUNTER_CALLS, hunter);
        out.printf("  %-11s %-28s %8d%n", "mail sink", RECEIVED, received);
        if (!failedJobs.isEmpty()) {
            out.println();
            out.println("Jobs that failed:");
            failedJobs.forEach(j -> out.println("  " + j));
        }
        out.flush();
    }

    private static int width(String column) {
        return Math.max(8, column.length());
    }

    private void row(
            String stage,
            String what,
            SandboxFacts total,
            Map<String, SandboxFacts> campaigns,
            List<String> columns,
            ToIntFunction<SandboxFacts> number) {
        StringBuilder line =
                new StringBuilder(String.format("  %-11s %-28s %8d", stage, what, number.applyAsInt(total)));
        columns.forEach(c -> line.append(String.format(" %" + width(c) + "d", number.applyAsInt(campaigns.get(c)))));
        out.println(line);
    }

    /** Calls, and of them the simulated errors and rate-limit answers the pipeline retried. */
    private void providerRow(String stage, String what, CallLog log) {
        int retried = log.count(Call.Outcome.SIMULATED_ERROR) + log.count(Call.Outcome.RATE_LIMITED);
        out.printf("  %-11s %-28s %8d   (%d simulated error(s) retried)%n", stage, what, log.total(), retried);
    }

    static final String LLM_DRAFTS = "drafts written by the LLM";
    static final String LLM_FALLBACKS = "template used instead";

    /**
     * {@code sandbox --writer llm}: how many drafts the simulated LLM wrote, how many fell back to the
     * template and why, and its calls. Printed only then, so the default summary is unchanged.
     *
     * @param writers drafts by writer, from {@link SandboxNumbers#writers}
     */
    void llmWriter(Map<String, Integer> writers, CallLog llm) {
        out.println();
        out.println("LLM writer (simulated)");
        out.printf("  %-40s %8d%n", LLM_DRAFTS, writers.getOrDefault("llm", 0));
        int fallbacks = writers.entrySet().stream()
                .filter(e -> !e.getKey().equals("llm"))
                .mapToInt(Map.Entry::getValue)
                .sum();
        out.printf("  %-40s %8d%n", LLM_FALLBACKS, fallbacks);
        writers.forEach((why, n) -> {
            if (!why.equals("llm")) {
                out.printf("    %-38s %8d%n", why, n);
            }
        });
        int retried = llm.count(Call.Outcome.SIMULATED_ERROR) + llm.count(Call.Outcome.RATE_LIMITED);
        out.printf("  %-40s %8d   (%d simulated error(s) retried)%n", "LLM calls", llm.total(), retried);
        out.flush();
    }

    void whereToLook(String listCommand, String mailDir, int files) {
        out.println();
        out.println("Where to look:");
        out.println("  the sandbox's prospects:  " + listCommand);
        out.println("  the messages sent (" + files + " .eml file(s)):  " + mailDir);
        out.flush();
    }
}

package dev.outreachpipeline.sandbox;

import dev.outreachpipeline.simulators.Call;
import dev.outreachpipeline.simulators.CallLog;
import java.io.PrintWriter;
import java.util.List;

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
    static final String DRAFTED = "drafted (auto-approved)";
    static final String SENT = "first messages sent";
    static final String FOLLOWUPS_SENT = "follow-ups sent";
    static final String DATAFORSEO_CALLS = "DataForSEO calls";
    static final String HUNTER_CALLS = "Hunter calls";
    static final String RECEIVED = "messages received";

    private final PrintWriter out;

    SandboxSummary(PrintWriter out) {
        this.out = out;
    }

    void print(SandboxFacts facts, CallLog dataForSeo, CallLog hunter, int received, List<String> failedJobs) {
        out.println();
        out.println("Sandbox summary");
        out.printf("  %-11s %-28s %8s%n", "stage", "what", "count");
        row("discovery", QUERIES_RUN, facts.queriesRun());
        row("", SERP_RESULTS, facts.serpResults());
        row("", PROSPECTS_SAVED, facts.prospects());
        row("enrichment", ENRICHED, facts.withContact());
        row("", NO_EMAIL, facts.noEmail());
        row("drafting", DRAFTED, facts.drafted());
        row("sending", SENT, facts.firstSent());
        row("follow-ups", FOLLOWUPS_SENT, facts.followupsSent());
        providerRow("providers", DATAFORSEO_CALLS, dataForSeo);
        providerRow("", HUNTER_CALLS, hunter);
        row("mail sink", RECEIVED, received);
        if (!failedJobs.isEmpty()) {
            out.println();
            out.println("Jobs that failed:");
            failedJobs.forEach(j -> out.println("  " + j));
        }
        out.flush();
    }

    private void row(String stage, String what, int count) {
        out.printf("  %-11s %-28s %8d%n", stage, what, count);
    }

    /** Calls, and of them the simulated errors and rate-limit answers the pipeline retried. */
    private void providerRow(String stage, String what, CallLog log) {
        int retried = log.count(Call.Outcome.SIMULATED_ERROR) + log.count(Call.Outcome.RATE_LIMITED);
        out.printf("  %-11s %-28s %8d   (%d simulated error(s) retried)%n", stage, what, log.total(), retried);
    }

    void whereToLook(String listCommand, String mailDir, int files) {
        out.println();
        out.println("Where to look:");
        out.println("  the sandbox's prospects:  " + listCommand);
        out.println("  the messages sent (" + files + " .eml file(s)):  " + mailDir);
        out.flush();
    }
}

package dev.outreachpipeline.sandbox;

/**
 * What the sandbox's database says about one campaign's run (or all of them added up), per stage:
 * the numbers of the progress lines and of the summary.
 */
record SandboxFacts(
        int queriesPlanned,
        int queriesDone,
        int queriesRun,
        int apiCalls,
        int serpResults,
        int prospects,
        int lookedUp,
        int withContact,
        int noEmail,
        int drafted,
        int firstSent,
        int followupsSent,
        int emailLogs) {

    static final SandboxFacts NONE = new SandboxFacts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    SandboxFacts plus(SandboxFacts o) {
        return new SandboxFacts(
                queriesPlanned + o.queriesPlanned,
                queriesDone + o.queriesDone,
                queriesRun + o.queriesRun,
                apiCalls + o.apiCalls,
                serpResults + o.serpResults,
                prospects + o.prospects,
                lookedUp + o.lookedUp,
                withContact + o.withContact,
                noEmail + o.noEmail,
                drafted + o.drafted,
                firstSent + o.firstSent,
                followupsSent + o.followupsSent,
                emailLogs + o.emailLogs);
    }

    /** Whether the campaign took part in the run at all (the empty {@code default} did not). */
    boolean isEmpty() {
        return queriesPlanned == 0 && prospects == 0 && emailLogs == 0;
    }

    /** One line of progress: where each stage stands. */
    String progressLine() {
        return "queries " + queriesDone + "/" + queriesPlanned + " · prospects " + prospects + " · looked up "
                + lookedUp
                + " (contact " + withContact + ", no_email " + noEmail + ") · drafted " + drafted + " · sent "
                + firstSent
                + " · follow-ups " + followupsSent;
    }
}

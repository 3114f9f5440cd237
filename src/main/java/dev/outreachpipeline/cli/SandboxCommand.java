package dev.outreachpipeline.cli;

import dev.outreachpipeline.sandbox.SandboxRun;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "sandbox",
        mixinStandardHelpOptions = true,
        description = {
            "Run the whole pipeline once, end to end, against simulated providers and a local mail sink: "
                    + "discovery, enrichment, drafts (which it approves), sending and every follow-up.",
            "It runs on an embedded PostgreSQL of its own in data/sandbox/postgres under the program's home (started "
                    + "afresh each run). Never contacts a real provider or mail server; messages are written to "
                    + "data/sandbox/mail (.eml).",
            "Its daemon serves the console on 127.0.0.1 with an admin token made up for the run and printed (or your"
                    + " OUTREACH_ADMIN_TOKEN, never printed)."
        })
final class SandboxCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(
            names = "--keywords",
            paramLabel = "LIST",
            defaultValue = "garden design, home decor",
            description = "Comma-separated keywords (default: ${DEFAULT-VALUE}).")
    String keywords;

    @Option(
            names = "--locations",
            paramLabel = "LIST",
            split = ",",
            defaultValue = "usa,uk",
            description = "Location names or DataForSEO codes, comma-separated (default: ${DEFAULT-VALUE}).")
    List<String> locations;

    @Option(
            names = "--max-results",
            paramLabel = "N",
            defaultValue = "25",
            description = "Most prospects to save (1-1000; default: ${DEFAULT-VALUE}).")
    int maxResults;

    @Option(
            names = "--keep-console",
            description = "After the summary, keep the daemon and its console (http://127.0.0.1:PORT/, the admin"
                    + " token printed) running, to look at the result in a browser; Ctrl-C stops them.")
    boolean keepConsole;

    @Option(
            names = "--writer",
            paramLabel = "WRITER",
            defaultValue = "template",
            description =
                    "Who writes the drafts: template, or llm (a simulated OpenAI-compatible endpoint that"
                            + " also gives hostile answers, to show them fall back to the template; default: ${DEFAULT-VALUE}).")
    SandboxRun.Writer writer;

    SandboxCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        context.out().println(SandboxRun.banner(context.home(), context.workDir()));
        context.out().flush();
        var run = new SandboxRun(
                context.out(),
                context.home(),
                context.workDir(),
                context.env(),
                context.configFileOrNull(),
                keepConsole,
                writer);
        return run.run(config -> JobCommand.SubmitDiscover.validRequest(
                config, context.home(), keywords, locations, List.of(), maxResults));
    }
}

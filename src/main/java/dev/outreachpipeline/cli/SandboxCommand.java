package dev.outreachpipeline.cli;

import dev.outreachpipeline.sandbox.SandboxRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = {"Run the whole pipeline once, end to end, against simulated providers and a local mail sink:",
                "discovery, enrichment, drafts (approved at once), sending and every follow-up, on an embedded",
                "PostgreSQL of its own in ./data/sandbox/postgres (started afresh each run). Never contacts a real",
                "provider or mail server; the messages are written to ./data/sandbox/mail as .eml files."})
final class SandboxCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--keywords", paramLabel = "LIST", description = "Comma-separated keywords (default: ${DEFAULT-VALUE}).")
    String keywords = "garden design, home decor";

    @Option(names = "--locations", paramLabel = "LIST", split = ",",
            description = "Location names or DataForSEO codes, comma-separated (default: usa,uk).")
    List<String> locations = new ArrayList<>(List.of("usa", "uk"));

    @Option(names = "--max-results", paramLabel = "N", description = "Most prospects to save (1-1000; default: ${DEFAULT-VALUE}).")
    int maxResults = 25;

    SandboxCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        context.out().println(SandboxRun.banner());
        context.out().flush();
        var run = new SandboxRun(context.out(), context.workDir(), context.env(), context.configFileOrNull());
        return run.run(config -> JobCommand.SubmitDiscover.validRequest(config, context.workDir(), keywords,
                locations, List.of(), maxResults));
    }
}

package dev.outreachpipeline;

import dev.outreachpipeline.cli.OutreachCli;

import java.nio.file.Path;

/** Entry point of {@code java -jar outreach-pipeline.jar}: hands the command line to the CLI. */
public final class App {

    private App() {
    }

    public static void main(String[] args) {
        System.exit(OutreachCli.execute(args, System.getenv(), Path.of("").toAbsolutePath()));
    }
}

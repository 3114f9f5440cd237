package dev.outreachpipeline.testsupport;

import dev.outreachpipeline.cli.CliContext;
import dev.outreachpipeline.cli.OutreachCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** Runs one CLI command in-process with a given environment and captures what it printed. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun run(Map<String, String> env, Path workDir, String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var context = new CliContext(env, workDir, new PrintWriter(out, true), new PrintWriter(err, true));
        int code = OutreachCli.execute(args, context);
        return new CliRun(code, out.toString(), err.toString());
    }

    public static CliRun run(Map<String, String> env, String... args) {
        return run(env, Path.of("target"), args);
    }
}

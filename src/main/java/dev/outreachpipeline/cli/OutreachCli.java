package dev.outreachpipeline.cli;

import dev.outreachpipeline.OutreachException;
import dev.outreachpipeline.config.ConfigException;
import dev.outreachpipeline.config.Masking;
import dev.outreachpipeline.db.SqlFiles;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Builds the picocli command tree and turns every outcome into an exit code and a message. */
public final class OutreachCli {

    private static final Logger LOG = LoggerFactory.getLogger(OutreachCli.class);

    private OutreachCli() {}

    public static int execute(String[] args, Map<String, String> env, Path workDir) {
        return execute(args, env, workDir, workDir);
    }

    /** @param home where ./config and ./data are looked for; {@code workDir} resolves the paths a person types */
    public static int execute(String[] args, Map<String, String> env, Path workDir, Path home) {
        var out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        var err = new PrintWriter(
                "json".equals(env.get("OUTREACH_LOG_FORMAT"))
                        ? new JsonLinesWriter(System.err, java.time.Clock.systemUTC())
                        : new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8),
                true);
        return execute(args, new CliContext(env, workDir, home, out, err));
    }

    public static int execute(String[] args, CliContext context) {
        // before any command runs: a jar without one of its statement files stops here, named
        try {
            SqlFiles.verify();
        } catch (IllegalStateException e) {
            context.err().println(e.getMessage());
            context.err().flush();
            return ExitCodes.FAILURE;
        }
        CommandLine cli = commandLine(context);
        int code = cli.execute(args);
        context.out().flush();
        context.err().flush();
        return code;
    }

    static CommandLine commandLine(CliContext context) {
        var cli = new CommandLine(new OutreachCommand(context), new ContextFactory(context));
        cli.setOut(context.out());
        cli.setErr(context.err());
        cli.setExitCodeExceptionMapper(OutreachCli::exitCodeOf);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            report(e, context.err());
            return exitCodeOf(e);
        });
        return cli;
    }

    static int exitCodeOf(Throwable e) {
        if (e instanceof OutreachException oe) {
            return oe.exitCode();
        }
        if (e instanceof ConfigException || e instanceof CommandLine.ParameterException) {
            return ExitCodes.USAGE;
        }
        return ExitCodes.FAILURE;
    }

    private static void report(Throwable e, PrintWriter err) {
        if (e instanceof OutreachException || e instanceof ConfigException) {
            err.println(Masking.maskText(e.getMessage()));
        } else {
            err.println("error: " + Masking.maskText(String.valueOf(e.getMessage())));
            LOG.debug("Stack trace of the failure above", e);
        }
        err.flush();
    }

    /** Lets every command class take the shared {@link CliContext} in its constructor. */
    private record ContextFactory(CliContext context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            try {
                return cls.getDeclaredConstructor(CliContext.class).newInstance(context);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(cls);
            }
        }
    }
}

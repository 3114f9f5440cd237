package dev.outreachpipeline.cli;

import dev.outreachpipeline.config.OutreachConfig;
import dev.outreachpipeline.db.Database;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * What every command needs from its surroundings: the environment, the working directory, where to
 * write its answer (stdout) and its messages (stderr), and the configuration once loaded. Passed in
 * rather than read from System, so tests run commands in-process with an environment of their own.
 */
public final class CliContext {

    private final Map<String, String> env;
    private final Path workDir;
    private final Path home;
    private final PrintWriter out;
    private final PrintWriter err;
    private Path configFile;
    private OutreachConfig config;

    public CliContext(Map<String, String> env, Path workDir, PrintWriter out, PrintWriter err) {
        this(env, workDir, workDir, out, err);
    }

    /** @param home where ./config and ./data are looked for (OUTREACH_HOME); paths a person types resolve against {@code workDir} */
    public CliContext(Map<String, String> env, Path workDir, Path home, PrintWriter out, PrintWriter err) {
        this.env = Map.copyOf(env);
        this.workDir = workDir;
        this.home = home;
        this.out = out;
        this.err = err;
    }

    void configFile(Path file) {
        this.configFile = file;
    }

    /** The {@code --config} file, resolved against the working directory, or null when none was given. */
    Path configFileOrNull() {
        return configFile == null ? null : workDir.resolve(configFile);
    }

    /** The configuration, loaded and checked on first use; throws ConfigException listing every problem. */
    public OutreachConfig config() {
        if (config == null) {
            Path file = configFile == null ? null : workDir.resolve(configFile);
            config = OutreachConfig.load(file, env, home);
        }
        return config;
    }

    /** Opens the configured database (starting the embedded one if no URL is set). The caller closes it. */
    public Database openDatabase() {
        return Database.open(config(), home);
    }

    public Map<String, String> env() {
        return env;
    }

    /** The person's working directory: paths typed on the command line are relative to it. */
    public Path workDir() {
        return workDir;
    }

    /** The program's base directory: relative paths in the configuration (config/, data/) are relative to it. */
    public Path home() {
        return home;
    }

    /** The command's answer: ids, reports, JSON. */
    public PrintWriter out() {
        return out;
    }

    /** Messages for the person at the terminal. */
    public PrintWriter err() {
        return err;
    }
}

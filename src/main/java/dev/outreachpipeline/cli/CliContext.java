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
    private final PrintWriter out;
    private final PrintWriter err;
    private Path configFile;
    private OutreachConfig config;

    public CliContext(Map<String, String> env, Path workDir, PrintWriter out, PrintWriter err) {
        this.env = Map.copyOf(env);
        this.workDir = workDir;
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
            config = OutreachConfig.load(file, env, workDir);
        }
        return config;
    }

    /** Opens the configured database (starting the embedded one if no URL is set). The caller closes it. */
    public Database openDatabase() {
        return Database.open(config());
    }

    public Map<String, String> env() {
        return env;
    }

    public Path workDir() {
        return workDir;
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

package dev.outreachpipeline;

import dev.outreachpipeline.cli.OutreachCli;
import java.nio.file.Path;
import java.util.Map;

/** Entry point of {@code java -jar outreach-pipeline.jar}: hands the command line to the CLI. */
public final class App {

    /** Environment variable naming the directory that holds config/ and data/ (bin/outreach sets it). */
    public static final String HOME_VARIABLE = "OUTREACH_HOME";
    /** The same as a system property ({@code -Doutreach.home=DIR}); it wins over the variable. */
    public static final String HOME_PROPERTY = "outreach.home";

    private App() {}

    public static void main(String[] args) {
        Path workDir = Path.of("").toAbsolutePath();
        Map<String, String> env = System.getenv();
        System.exit(OutreachCli.execute(
                args, env, workDir, home(System.getProperty(HOME_PROPERTY), env.get(HOME_VARIABLE), workDir)));
    }

    /**
     * Where ./config and ./data are looked for. Paths a person types ({@code --out FILE}) stay
     * relative to the working directory; only the program's own files move to the home, so an
     * installed copy finds its configuration from wherever it is started.
     */
    static Path home(String property, String variable, Path workDir) {
        String chosen = property != null && !property.isBlank() ? property : variable;
        return chosen == null || chosen.isBlank()
                ? workDir
                : workDir.resolve(chosen).toAbsolutePath().normalize();
    }
}

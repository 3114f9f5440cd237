package dev.outreachpipeline.discovery;

import dev.outreachpipeline.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where an operator-tunable table (locations, categories) is read from. The tables ship inside the jar
 * under the same path they have in the project (config/…), so the jar runs anywhere; a file at that
 * path under the working directory wins when present, the way config/application.properties does.
 * Tests hand a table over as text.
 */
public final class TableSource {

    private final String name;
    private final Opener opener;

    @FunctionalInterface
    private interface Opener {
        Reader open() throws IOException;
    }

    private TableSource(String name, Opener opener) {
        this.name = name;
        this.opener = opener;
    }

    /** A file that must exist when the table is read. */
    public static TableSource file(Path file) {
        return new TableSource(file.toString(), () -> Files.newBufferedReader(file, StandardCharsets.UTF_8));
    }

    /** A resource on the class path, e.g. {@code config/locations.csv} as shipped in the jar. */
    public static TableSource classpath(String resource) {
        return new TableSource("the built-in " + resource, () -> {
            InputStream in = TableSource.class.getClassLoader().getResourceAsStream(resource);
            if (in == null) {
                throw new IOException("the built-in " + resource + " is missing from the jar");
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        });
    }

    /** A table given as text; {@code name} is what error messages call it. */
    public static TableSource text(String name, String content) {
        return new TableSource(name, () -> new StringReader(content));
    }

    /**
     * The table a setting names: the file when it exists (a relative path is taken from
     * {@code workDir}), else the copy shipped in the jar under that same relative path.
     *
     * @throws ConfigException when neither exists, saying which setting names the missing file
     */
    public static TableSource configured(String settingKey, String configuredPath, Path workDir) {
        Path path = Path.of(configuredPath.trim());
        Path file = path.isAbsolute() || workDir == null ? path : workDir.resolve(path);
        if (Files.isRegularFile(file)) {
            return file(file);
        }
        if (!path.isAbsolute()) {
            String resource = path.normalize().toString().replace('\\', '/');
            if (TableSource.class.getClassLoader().getResource(resource) != null) {
                return classpath(resource);
            }
        }
        throw new ConfigException(List.of(
                "'" + settingKey + "' names " + file + ", which does not exist (and no copy of it ships in the jar)"));
    }

    /** What error messages call this source: a file path or "the built-in config/…". */
    public String name() {
        return name;
    }

    Reader open() throws IOException {
        return opener.open();
    }

    @Override
    public String toString() {
        return name;
    }
}

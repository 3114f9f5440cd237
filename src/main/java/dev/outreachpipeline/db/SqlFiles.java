package dev.outreachpipeline.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The statements under src/main/resources/sql, for the few places that run one through JDBC rather
 * than a route's camel-sql endpoint: one file a statement, whichever way it runs.
 */
public final class SqlFiles {

    private SqlFiles() {
    }

    /** The text of {@code sql/<name>} from the jar. */
    public static String read(String name) {
        try (InputStream in = SqlFiles.class.getClassLoader().getResourceAsStream("sql/" + name)) {
            if (in == null) {
                throw new IllegalStateException("sql/" + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

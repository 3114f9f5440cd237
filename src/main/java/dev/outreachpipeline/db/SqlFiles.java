package dev.outreachpipeline.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The registry of the statements under src/main/resources/sql (one file a statement): the files Java
 * runs are the constants of {@link SqlStatement}, the files routes run are named in their
 * {@code sql:classpath:sql/<name>.sql} endpoints. {@link #verify()} runs when the CLI (and so the
 * daemon) starts, so a missing file stops the process with its name before any work begins, not
 * at the first job that needs it.
 */
public final class SqlFiles {

    static final String DIRECTORY = "sql/";
    private static final String ROUTES = "classpath:routes/*.camel.yaml";
    private static final Pattern ROUTE_REFERENCE = Pattern.compile("sql:classpath:sql/([A-Za-z0-9._-]+\\.sql)");

    private SqlFiles() {}

    /** The text of {@code sql/<name>} from the jar. */
    static String read(String name) {
        try (InputStream in = SqlFiles.class.getClassLoader().getResourceAsStream(DIRECTORY + name)) {
            if (in == null) {
                throw new IllegalStateException("sql/" + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails with one sentence naming every statement file that Java or a route needs and the jar lacks. */
    public static void verify() {
        var needed = new TreeSet<String>();
        for (SqlStatement s : SqlStatement.values()) {
            needed.add(s.file());
        }
        needed.addAll(referencedFromRoutes());
        failOnMissing(needed, name -> SqlFiles.class.getClassLoader().getResource(DIRECTORY + name) != null);
    }

    /** Throws when {@code exists} says no to any of {@code needed}; the message names them all. */
    static void failOnMissing(Collection<String> needed, Predicate<String> exists) {
        List<String> missing = needed.stream().filter(exists.negate()).sorted().toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The jar lacks the SQL statement file" + (missing.size() == 1 ? " " : "s ")
                    + String.join(", ", missing.stream().map(n -> DIRECTORY + n).toList())
                    + "; rebuild it from a complete checkout (src/main/resources/sql/).");
        }
    }

    /** The statement files named by {@code sql:classpath:sql/...} endpoints in the routes on the classpath. */
    static TreeSet<String> referencedFromRoutes() {
        var names = new TreeSet<String>();
        try {
            for (Resource route :
                    new PathMatchingResourcePatternResolver(SqlFiles.class.getClassLoader()).getResources(ROUTES)) {
                try (InputStream in = route.getInputStream()) {
                    names.addAll(references(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the routes to check their SQL files", e);
        }
        return names;
    }

    /** The statement file names a route's text refers to. */
    static TreeSet<String> references(String routeText) {
        var names = new TreeSet<String>();
        Matcher m = ROUTE_REFERENCE.matcher(routeText);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}

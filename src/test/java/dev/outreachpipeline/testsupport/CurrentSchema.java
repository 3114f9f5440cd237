package dev.outreachpipeline.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Facts about the migrations this build ships, read from the migration files, so tests that print
 * "version N" or "N migrations" need no edit when a migration is added.
 */
public final class CurrentSchema {

    private static final Pattern VERSION = Pattern.compile("V(\\d+)__.*\\.sql");
    private static final Pattern CREATE_TABLE = Pattern.compile("(?i)\\bCREATE TABLE\\b");

    private CurrentSchema() {}

    private static List<Path> migrations() {
        try {
            Path dir = Path.of(CurrentSchema.class
                    .getClassLoader()
                    .getResource("db/migration")
                    .toURI());
            try (Stream<Path> files = Files.list(dir)) {
                return files.filter(
                                f -> VERSION.matcher(f.getFileName().toString()).matches())
                        .sorted()
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many migrations there are. */
    public static int migrationCount() {
        return migrations().size();
    }

    /** The latest version, e.g. "8". */
    public static String latestVersion() {
        return String.valueOf(
                versions().stream().mapToInt(Integer::intValue).max().orElseThrow());
    }

    /** Every version, in order (numbers may be skipped: a version is reserved before its migration lands). */
    public static List<Integer> versions() {
        return migrations().stream()
                .map(f -> {
                    Matcher m = VERSION.matcher(f.getFileName().toString());
                    m.matches();
                    return Integer.parseInt(m.group(1));
                })
                .sorted()
                .toList();
    }

    /** Tables the migrations create. */
    public static int tables() {
        int n = 0;
        for (Path f : migrations()) {
            try {
                Matcher m = CREATE_TABLE.matcher(Files.readString(f));
                while (m.find()) {
                    n++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return n;
    }
}

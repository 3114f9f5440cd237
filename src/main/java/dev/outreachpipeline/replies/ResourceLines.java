package dev.outreachpipeline.replies;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The lines of a list under src/main/resources/replies/: blank lines and # comments left out. */
final class ResourceLines {

    private ResourceLines() {}

    static List<String> of(String name) {
        try (InputStream in = ResourceLines.class.getClassLoader().getResourceAsStream("replies/" + name)) {
            if (in == null) {
                throw new IllegalStateException("replies/" + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

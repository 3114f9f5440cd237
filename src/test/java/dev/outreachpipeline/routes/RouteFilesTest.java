package dev.outreachpipeline.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Camel refuses to start when a route id and a step id collide; this says so before any route starts. */
class RouteFilesTest {

    private static final Pattern ID = Pattern.compile("^\\s*(?:-\\s+)?id:\\s*([\\w-]+)\\s*$", Pattern.MULTILINE);

    @Test
    void everyRouteAndStepIdIsUniqueAcrossTheRouteFiles() throws IOException {
        List<String> ids = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".camel.yaml")).toList()) {
                Matcher m = ID.matcher(Files.readString(file));
                while (m.find()) {
                    ids.add(m.group(1));
                }
            }
        }
        assertThat(ids).isNotEmpty().doesNotHaveDuplicates();
    }
}

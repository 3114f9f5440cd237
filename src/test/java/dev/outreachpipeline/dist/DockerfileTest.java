package dev.outreachpipeline.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfile cannot be built here (no image registry), so its promises are read from the file:
 * official Temurin 17 images pinned to one release, the documented build command, no step whose
 * failure is ignored, a user that is not root, an orderly stop, a health check, JSON logs, and no
 * secret baked into the image.
 */
class DockerfileTest {

    private static final Pattern SECRET_NAME =
            Pattern.compile("(?i).*(PASSWORD|SECRET|API_KEY|TOKEN|DATABASE_URL|_KEY$).*");

    /**
     * An official Temurin 17 image by its full release tag (17.0.20.1_1-jre-noble: update 20.1, build 1,
     * Ubuntu noble), optionally with its digest; group 1 is the release, group 2 jdk or jre.
     */
    private static final Pattern PINNED_TEMURIN_17 = Pattern.compile(
            "eclipse-temurin:(17\\.0\\.\\d+(?:\\.\\d+)?_\\d+)-(jdk|jre)-[a-z][a-z0-9.-]*(?:@sha256:[0-9a-f]{64})?");

    /** A shell list that carries on whatever the command before it did: {@code || true}, {@code || :}. */
    private static final Pattern IGNORED_FAILURE = Pattern.compile("\\|\\|\\s*(true|:)(\\s|;|&|\\||$)");

    /** The Dockerfile's instructions with continuation lines joined and comments dropped. */
    private static List<String> instructions() throws IOException {
        var result = new ArrayList<String>();
        var current = new StringBuilder();
        for (String line : Files.readAllLines(Path.of("Dockerfile"))) {
            String trimmed = line.strip();
            if (current.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
            } else {
                current.append(trimmed);
                result.add(current.toString());
                current.setLength(0);
            }
        }
        return result;
    }

    private static List<String> named(String keyword) throws IOException {
        return instructions().stream()
                .filter(i -> i.toUpperCase(Locale.ROOT).startsWith(keyword + " "))
                .map(i -> i.substring(keyword.length() + 1).strip())
                .toList();
    }

    /** The instructions of the last stage: what the running image is made of. */
    private static List<String> finalStage() throws IOException {
        List<String> all = instructions();
        int lastFrom = 0;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).startsWith("FROM ")) {
                lastFrom = i;
            }
        }
        return all.subList(lastFrom, all.size());
    }

    @Test
    void buildsWithTheTemurin17JdkAndRunsOnTheTemurin17Jre() throws IOException {
        List<String> froms = named("FROM");
        assertThat(froms).hasSize(2);
        assertThat(froms.get(0))
                .matches(PINNED_TEMURIN_17.pattern() + " AS build")
                .contains("-jdk-");
        assertThat(froms.get(1)).matches(PINNED_TEMURIN_17.pattern()).contains("-jre-");
        assertThat(named("RUN")).anyMatch(r -> r.contains("./mvnw -q -B -DskipTests package"));
        assertThat(String.join("\n", finalStage()))
                .contains("COPY --from=build /dist/outreach-pipeline /opt/outreach-pipeline");
    }

    @Test
    void bothBaseImagesArePinnedToTheSameTemurinRelease() throws IOException {
        var releases = new ArrayList<String>();
        for (String from : named("FROM")) {
            String image = from.split("\\s+")[0];
            assertThat(image)
                    .as("a base image by a moving tag gives another Java on every rebuild")
                    .doesNotContain(":latest")
                    .matches(PINNED_TEMURIN_17);
            var matcher = PINNED_TEMURIN_17.matcher(image);
            releases.add(matcher.matches() ? matcher.group(1) : image);
        }
        assertThat(named("FROM")).noneMatch(f -> f.matches("eclipse-temurin:17(-jdk|-jre)?(-[a-z]+)?( .*)?"));
        assertThat(releases)
                .as("the JDK that builds and the JRE that runs are one release")
                .hasSize(2)
                .containsOnly(releases.get(0));
    }

    @Test
    void noStepIgnoresItsFailure() throws IOException {
        assertThat(named("RUN"))
                .isNotEmpty()
                .noneMatch(r -> IGNORED_FAILURE.matcher(r).find());
        assertThat(named("RUN"))
                .as("dependencies keep a layer of their own")
                .contains("./mvnw -q -B dependency:go-offline");
    }

    @Test
    void theRunningImageIsNotRoot() throws IOException {
        List<String> users = finalStage().stream()
                .filter(i -> i.startsWith("USER "))
                .map(i -> i.substring(5).strip())
                .toList();
        assertThat(users).as("a USER in the final stage").isNotEmpty();
        String user = users.get(users.size() - 1).split(":")[0];
        assertThat(user).isNotIn("root", "0");
        assertThat(finalStage()).anyMatch(i -> i.startsWith("WORKDIR "));
    }

    @Test
    void stopsOnSigtermAndIsProbedOnTheManagementPort() throws IOException {
        assertThat(named("STOPSIGNAL")).containsExactly("SIGTERM");
        assertThat(named("EXPOSE")).containsExactly("8080 9090");
        assertThat(named("HEALTHCHECK")).singleElement().asString().contains("/health/live", "9090");
        assertThat(named("ENTRYPOINT")).containsExactly("[\"/opt/outreach-pipeline/bin/outreach\"]");
        assertThat(named("CMD")).containsExactly("[\"run\", \"--migrate\"]");
    }

    @Test
    void configurationIsByEnvironmentWithJsonLogsAndNoSecretInTheImage() throws IOException {
        String env = String.join(" ", named("ENV"));
        assertThat(env).contains("OUTREACH_LOG_FORMAT=json", "OUTREACH_MANAGEMENT_BIND=0.0.0.0");
        for (String assignment : env.split("\\s+")) {
            String name = assignment.contains("=") ? assignment.substring(0, assignment.indexOf('=')) : assignment;
            if (name.matches("[A-Z_][A-Z0-9_]*")) {
                assertThat(name)
                        .as("a secret must come from the platform, not the image")
                        .doesNotMatch(SECRET_NAME);
            }
        }
        assertThat(env).doesNotContainPattern("://[^\\s/]*:[^\\s@]*@");
        assertThat(named("ARG"))
                .noneMatch(a -> SECRET_NAME.matcher(a.split("=")[0]).matches());
    }

    @Test
    void everyVariableTheImageSetsIsOneTheProgramAccepts() throws IOException {
        var env = new java.util.HashMap<String, String>();
        for (String assignment : String.join(" ", named("ENV")).split("\\s+(?=[A-Z_][A-Z0-9_]*=)")) {
            int eq = assignment.indexOf('=');
            env.put(assignment.substring(0, eq), assignment.substring(eq + 1).replace("\"", ""));
        }
        env.remove("JAVA_OPTS");
        assertThat(env).containsKeys("OUTREACH_MANAGEMENT_BIND", "OUTREACH_HTTP_BIND");
        // an unknown OUTREACH_* variable or a bad value would stop the container at start with exit 2
        assertThatCode(() -> dev.outreachpipeline.config.OutreachConfig.load(null, env, Path.of("does-not-exist")))
                .doesNotThrowAnyException();
    }

    @Test
    void theBuildContextLeavesOutDataBuildOutputAndGit() throws IOException {
        assertThat(Files.readAllLines(Path.of(".dockerignore"))).contains(".git", "target/", "data/");
    }
}

package dev.outreachpipeline.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.outreachpipeline.testsupport.CurrentSchema;
import dev.outreachpipeline.testsupport.JarProcess;
import dev.outreachpipeline.testsupport.TestDatabase;
import dev.outreachpipeline.testsupport.TestPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tar.gz an operator installs, unpacked with tar as they would and started through
 * bin/outreach from another current directory, proving that the launcher finds its home and the
 * program reads the distribution's config/ rather than the current directory's.
 */
class DistributionArchiveIT {

    private static final Duration COMMAND = Duration.ofSeconds(120);
    private static final Pattern ARCHIVE_NAME = Pattern.compile("outreach-pipeline-(.+)\\.tar\\.gz");

    @TempDir
    static Path unpacked;

    static Path home;
    static String version;

    @TempDir
    Path elsewhere;

    @BeforeAll
    static void unpack() throws Exception {
        Path archive = Path.of(System.getProperty("outreach.test.distribution", "target/outreach-pipeline.tar.gz"))
                .toAbsolutePath();
        assertThat(archive)
                .as("the distribution archive (built by `mvn package`)")
                .exists();
        Matcher name = ARCHIVE_NAME.matcher(archive.getFileName().toString());
        assertThat(name.matches()).as(archive.getFileName().toString()).isTrue();
        version = name.group(1);
        try (JarProcess tar = JarProcess.startCommand(unpacked, Map.of(), List.of("tar", "-xzf", archive.toString()))) {
            assertThat(tar.waitFor(COMMAND)).as(tar.err()).isZero();
        }
        home = unpacked.resolve("outreach-pipeline-" + version);
    }

    @Test
    void theArchiveHoldsOneTopFolderWithJarLauncherConfigRoutesAndUnit() throws IOException {
        try (Stream<Path> top = Files.list(unpacked)) {
            assertThat(top.map(p -> p.getFileName().toString())).containsExactly("outreach-pipeline-" + version);
        }
        assertThat(home.resolve("lib/outreach-pipeline.jar")).isRegularFile();
        assertThat(home.resolve("INSTALL.md")).isRegularFile();
        for (String file : repositoryFiles(Path.of("config"))) {
            assertThat(home.resolve("config").resolve(file))
                    .as("config/" + file)
                    .hasSameTextualContentAs(Path.of("config", file));
        }
        assertThat(home.resolve("config/templates/body.txt.ftl")).isRegularFile();
        for (String file : repositoryFiles(Path.of("routes"))) {
            assertThat(home.resolve("routes").resolve(file))
                    .as("routes/" + file)
                    .isRegularFile();
        }

        Path launcher = home.resolve("bin/outreach");
        assertThat(Files.readString(launcher)).startsWith("#!/bin/sh\n").doesNotContain("\r");
        assertThat(Files.getPosixFilePermissions(launcher))
                .contains(
                        PosixFilePermission.OWNER_EXECUTE,
                        PosixFilePermission.GROUP_EXECUTE,
                        PosixFilePermission.OTHERS_EXECUTE);
        assertThat(Files.getPosixFilePermissions(home.resolve("config/application.properties")))
                .doesNotContain(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OTHERS_WRITE);

        String unit = Files.readString(home.resolve("systemd/outreach-pipeline.service"));
        assertThat(unit)
                .contains(
                        "Type=simple",
                        "User=outreach",
                        "EnvironmentFile=/etc/outreach-pipeline/env",
                        "ExecStart=/opt/outreach-pipeline/bin/outreach run --migrate",
                        "KillSignal=SIGTERM",
                        "Restart=on-failure");
        assertThat(stopTimeoutSeconds(unit))
                .as("TimeoutStopSec must exceed the daemon's own wait on SIGTERM")
                .isGreaterThan(shutdownTimeoutSeconds() + 15);
    }

    @Test
    void versionRunsFromAnotherDirectoryAndThroughASymlink() throws Exception {
        try (JarProcess run = launch(Map.of(), "--version")) {
            assertThat(run.waitFor(COMMAND)).as(run.err()).isZero();
            assertThat(run.out()).contains("outreach-pipeline " + version);
        }
        Path link = elsewhere.resolve("outreach");
        Files.createSymbolicLink(link, home.resolve("bin/outreach"));
        try (JarProcess run = JarProcess.startCommand(elsewhere, javaHome(), List.of(link.toString(), "--version"))) {
            assertThat(run.waitFor(COMMAND)).as(run.err()).isZero();
            assertThat(run.out()).contains("outreach-pipeline " + version);
        }
    }

    @Test
    void configCheckReadsTheDistributionsConfigurationNotTheCurrentDirectorys() throws Exception {
        // A config/ in the current directory with a broken file must not be read.
        Files.createDirectories(elsewhere.resolve("config"));
        Files.writeString(elsewhere.resolve("config/application.properties"), "outreach.no-such-setting = 1\n");
        // config check is satisfied only when every stage has its settings, so they are all given here.
        Map<String, String> everyStage = Map.ofEntries(
                Map.entry("DATAFORSEO_LOGIN", "login"),
                Map.entry("DATAFORSEO_PASSWORD", "password"),
                Map.entry("HUNTER_API_KEY", "key"),
                Map.entry("OUTREACH_SENDER_NAME", "Sam"),
                Map.entry("SMTP_HOST", "smtp.example.com"),
                Map.entry("MAIL_FROM", "sam@example.com"),
                Map.entry("SENDER_POSTAL_ADDRESS", "1 Main Street"),
                Map.entry("OUTREACH_UNSUBSCRIBE_SECRET", "an-unsubscribe-secret-of-at-least-32-chars"),
                Map.entry("IMAP_HOST", "imap.example.com"),
                Map.entry("IMAP_USERNAME", "sam"),
                Map.entry("IMAP_PASSWORD", "password"));
        try (JarProcess check = launch(everyStage, "config", "check")) {
            assertThat(check.waitFor(COMMAND)).as(check.err()).isZero();
            assertThat(check.err())
                    .contains("The configuration is valid and every stage is ready.")
                    .doesNotContain("no-such-setting");
        }
        try (JarProcess show = launch(Map.of(), "config", "show")) {
            assertThat(show.waitFor(COMMAND)).as(show.err()).isZero();
            assertThat(show.out()).contains("# file " + home.resolve("config/application.properties"));
        }
    }

    @Test
    void outreachHomeMovesConfigurationElsewhere() throws Exception {
        Path otherHome = elsewhere.resolve("other-home");
        Files.createDirectories(otherHome.resolve("config"));
        Files.writeString(otherHome.resolve("config/application.properties"), "outreach.jobs.workers = 4\n");
        try (JarProcess show = launch(Map.of("OUTREACH_HOME", otherHome.toString()), "config", "show")) {
            assertThat(show.waitFor(COMMAND)).as(show.err()).isZero();
            assertThat(show.out())
                    .contains("outreach.jobs.workers = 4    # file "
                            + otherHome.resolve("config/application.properties"));
        }
    }

    @Test
    void databaseCommandsRunAgainstDatabaseUrlAndTypedPathsStayInTheCurrentDirectory() throws Exception {
        TestDatabase db = TestPostgres.newDatabase();
        try (JarProcess migrate = launch(db.env(), "db", "migrate")) {
            assertThat(migrate.waitFor(COMMAND)).as(migrate.err()).isZero();
            assertThat(migrate.out()).contains("Applied " + CurrentSchema.migrationCount() + " migration(s)");
        }
        try (JarProcess verify = launch(db.env(), "db", "verify")) {
            assertThat(verify.waitFor(COMMAND)).as(verify.out() + verify.err()).isZero();
        }
        try (JarProcess export = launch(db.env(), "prospects", "export", "--format", "csv", "--out", "prospects.csv")) {
            assertThat(export.waitFor(COMMAND)).as(export.err()).isZero();
        }
        assertThat(elsewhere.resolve("prospects.csv")).isRegularFile();
        assertThat(home.resolve("prospects.csv")).doesNotExist();
    }

    @Test
    void theUnpackedArchiveRunsTheSandboxEndToEndKeepingItsDataInTheDistribution() throws Exception {
        // --keep-console: after the summary its console stays up until the process is told to stop (as Ctrl-C does)
        try (JarProcess sandbox = launch(
                Map.of(),
                "sandbox",
                "--keywords",
                "garden design",
                "--locations",
                "usa",
                "--max-results",
                "4",
                "--keep-console")) {
            String kept = "press Ctrl-C to stop them.";
            await().atMost(Duration.ofMinutes(5)).until(() -> sandbox.out().contains(kept) || !sandbox.isAlive());
            assertThat(sandbox.out())
                    .as(sandbox.out() + sandbox.err())
                    .startsWith("This is a sandbox: it never contacts a real provider or mail server.")
                    .contains(home.resolve("bin/outreach") + " prospects list")
                    .contains(kept);
            Matcher console = Pattern.compile("The console: (http://127\\.0\\.0\\.1:\\d+/)")
                    .matcher(sandbox.out());
            assertThat(console.find()).isTrue();
            HttpResponse<String> login = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(console.group(1) + "login"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(login.body()).contains("name=\"token\"");

            sandbox.terminate(COMMAND);
        }
        assertThat(home.resolve("data/sandbox/postgres/postmaster.pid"))
                .as("its PostgreSQL stopped with it")
                .doesNotExist();
        try (Stream<Path> messages = Files.list(home.resolve("data/sandbox/mail"))) {
            assertThat(messages.filter(f -> f.toString().endsWith(".eml"))).isNotEmpty();
        }
        assertThat(elsewhere.resolve("data")).doesNotExist();
    }

    /** bin/outreach started from {@link #elsewhere}, with this JVM's Java as JAVA_HOME. */
    private JarProcess launch(Map<String, String> env, String... args) throws IOException {
        var all = new HashMap<>(javaHome());
        all.putAll(env);
        var command = new java.util.ArrayList<String>();
        command.add(home.resolve("bin/outreach").toString());
        command.addAll(List.of(args));
        return JarProcess.startCommand(elsewhere, all, command);
    }

    private static Map<String, String> javaHome() {
        return Map.of("JAVA_HOME", System.getProperty("java.home"));
    }

    private static List<String> repositoryFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .map(f -> dir.relativize(f).toString())
                    .sorted()
                    .toList();
        }
    }

    private static long stopTimeoutSeconds(String unit) {
        Matcher m = Pattern.compile("(?m)^TimeoutStopSec=(\\d+)$").matcher(unit);
        assertThat(m.find()).as("TimeoutStopSec in whole seconds").isTrue();
        return Long.parseLong(m.group(1));
    }

    private static long shutdownTimeoutSeconds() throws IOException {
        var props = new java.util.Properties();
        try (var in = Files.newBufferedReader(Path.of("config/application.properties"))) {
            props.load(in);
        }
        return Long.parseLong(props.getProperty("camel.main.shutdown-timeout").trim());
    }
}

package dev.outreachpipeline.sandbox;

import dev.outreachpipeline.OutreachException;
import dev.outreachpipeline.campaigns.CampaignStore;
import dev.outreachpipeline.config.OutreachConfig;
import dev.outreachpipeline.daemon.Daemon;
import dev.outreachpipeline.db.Database;
import dev.outreachpipeline.db.SchemaGate;
import dev.outreachpipeline.db.SchemaMigrator;
import dev.outreachpipeline.db.SqlStatement;
import dev.outreachpipeline.discovery.DiscoverRequest;
import dev.outreachpipeline.discovery.DiscoveryParams;
import dev.outreachpipeline.jobs.JobRow;
import dev.outreachpipeline.jobs.JobStore;
import dev.outreachpipeline.jobs.JobTypes;
import dev.outreachpipeline.jobs.QueueIdleWait;
import dev.outreachpipeline.management.ManagementServer;
import dev.outreachpipeline.prospects.ProspectStore;
import dev.outreachpipeline.sending.DurationText;
import dev.outreachpipeline.sending.FollowupSteps;
import dev.outreachpipeline.simulators.DataForSeoSimulator;
import dev.outreachpipeline.simulators.HunterSimulator;
import dev.outreachpipeline.simulators.LlmSimulator;
import dev.outreachpipeline.simulators.MailSink;
import dev.outreachpipeline.simulators.SimulatorSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * One sandbox run: the real daemon, on an embedded PostgreSQL of its own, against simulated
 * providers and a local mail sink, driven through every stage — discovery, enrichment, drafting
 * (approved by the sandbox, as an operator would), sending and each follow-up step — then stopped, with a summary.
 */
public final class SandboxRun {

    static final int EXIT_OK = 0;
    static final int EXIT_FAILURE = 1;

    /** A little latency and a few retryable errors, so the pipeline's retries show. */
    static final SimulatorSettings PROVIDERS =
            new SimulatorSettings(Duration.ofMillis(15), Duration.ofMillis(35), 0.05, 0, 42);

    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration STAGE_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration DAEMON_START_TIMEOUT = Duration.ofMinutes(2);
    private static final List<String> SANDBOX_ENV = List.of("DATABASE_URL", "OUTREACH_DATABASE_URL");

    private final PrintWriter out;
    private final Path workDir;
    /** Where the person typed the command: paths are shown relative to it. */
    private final Path currentDir;

    private final Map<String, String> env;
    private final Path configFile;
    private final boolean keepConsole;
    private final ProgressLines progress;
    private final Writer writer;

    /**
     * @param configFile  the {@code --config} file, or null
     * @param keepConsole after the summary, the daemon and its console keep running until the process is
     *                    stopped (Ctrl-C) or this thread interrupted
     */
    /** Who writes the sandbox's drafts. */
    public enum Writer {
        template,
        llm
    }

    public SandboxRun(
            PrintWriter out,
            Path workDir,
            Path currentDir,
            Map<String, String> env,
            Path configFile,
            boolean keepConsole) {
        this(out, workDir, currentDir, env, configFile, keepConsole, Writer.template);
    }

    /** @param writer {@link Writer#llm}: drafts by the simulated LLM endpoint, falling back to the templates */
    public SandboxRun(
            PrintWriter out,
            Path workDir,
            Path currentDir,
            Map<String, String> env,
            Path configFile,
            boolean keepConsole,
            Writer writer) {
        this.writer = writer;
        this.out = out;
        this.currentDir = currentDir;
        this.workDir = workDir;
        this.env = env;
        this.configFile = configFile;
        this.keepConsole = keepConsole;
        this.progress = new ProgressLines(dev.outreachpipeline.cli.Progress.on(out, env));
    }

    /** What a person reads first: nothing of this leaves the machine, and where its data is. */
    public static String banner(Path home, Path currentDir) {
        return "This is a sandbox: it never contacts a real provider or mail server. DataForSEO and Hunter are simulated"
                + " on 127.0.0.1, mail goes to a local SMTP sink, and its data lives in "
                + shown(home.resolve("data/sandbox"), currentDir) + " (PostgreSQL in "
                + shown(home.resolve(SandboxConfig.DATA_DIR), currentDir) + ", messages in "
                + shown(home.resolve(SandboxConfig.MAIL_DIR), currentDir) + ").";
    }

    /** A directory as a person at {@code currentDir} reads it best: ./… below it, the whole path otherwise. */
    static String shown(Path dir, Path currentDir) {
        Path absolute = dir.toAbsolutePath().normalize();
        Path here = currentDir.toAbsolutePath().normalize();
        return absolute.startsWith(here) && !absolute.equals(here)
                ? "./" + here.relativize(absolute)
                : absolute.toString();
    }

    /**
     * @param request checks the discover options against the sandbox's configuration (a usage error if they are wrong)
     * @return the exit code
     */
    public int run(Function<OutreachConfig, DiscoverRequest> request) throws Exception {
        try (var dataForSeo = new DataForSeoSimulator(PROVIDERS);
                var hunter = new HunterSimulator(PROVIDERS.withSeed(43));
                var sink = new MailSink();
                var llm = writer == Writer.llm
                        ? new LlmSimulator(PROVIDERS.withSeed(44), Duration.ofSeconds(10), true)
                        : null) {
            var console = SandboxConsole.forEnvironment(env, new SecureRandom());
            OutreachConfig config = SandboxConfig.load(
                    configFile,
                    env,
                    workDir,
                    new SandboxConfig.Endpoints(dataForSeo.baseUrl(), hunter.baseUrl(), sink.host(), sink.port()),
                    console.generatedToken(),
                    java.util.Optional.ofNullable(llm).map(LlmSimulator::baseUrl));
            DiscoverRequest discover = request.apply(config);
            Path dataDir = workDir.resolve(SandboxConfig.DATA_DIR);
            Path mailDir = workDir.resolve(SandboxConfig.MAIL_DIR);
            startOver(dataDir, mailDir);

            progress.stage("Starting the sandbox's PostgreSQL and migrating it");
            Database db = Database.open(config);
            try {
                List<String> migrated = new SchemaMigrator(db).migrate();
                progress.note(migrated.isEmpty() ? "schema up to date" : migrated.get(migrated.size() - 1));
                SchemaGate.requireCurrent(db);
            } catch (RuntimeException e) {
                db.close();
                throw e;
            }
            progress.stage("Starting the daemon (simulated DataForSEO at " + dataForSeo.baseUrl() + ", Hunter at "
                    + hunter.baseUrl() + ", SMTP sink at " + sink.host() + ":" + sink.port() + ")");
            var daemon = new Daemon(config, db, workDir);
            CompletableFuture<Void> running = new CompletableFuture<>();
            Thread thread = new Thread(
                    () -> {
                        try {
                            daemon.run();
                            running.complete(null);
                        } catch (Throwable e) {
                            running.completeExceptionally(e);
                        }
                    },
                    "sandbox-daemon");
            thread.start();
            Outcome outcome;
            Map<String, Integer> llmWriters;
            int consolePort;
            try {
                awaitStarted(daemon, running);
                consolePort = daemon.main()
                        .getCamelContext()
                        .hasService(ManagementServer.class)
                        .getPort();
                progress.note(console.line(consolePort));
                outcome = drive(db.dataSource(), daemon, running, discover, config);
                llmWriters = llm == null ? null : SandboxNumbers.writers(db.dataSource());
            } catch (Exception | Error e) {
                stop(daemon, running);
                throw e;
            }
            if (keepConsole) {
                progress.flushStatus();
            } else {
                stop(daemon, running);
            }
            List<Path> files = sink.writeEml(mailDir);
            var summary = new SandboxSummary(out);
            summary.print(outcome.facts(), dataForSeo.calls(), hunter.calls(), sink.count(), outcome.failedJobs());
            if (llm != null) {
                summary.llmWriter(llmWriters, llm.calls());
            }
            summary.whereToLook(listCommand(), shown(mailDir, currentDir) + "/", files.size());
            if (keepConsole) {
                keepRunning(console, consolePort, daemon, running);
            }
            return outcome.failedJobs().isEmpty() ? EXIT_OK : EXIT_FAILURE;
        }
    }

    private void stop(Daemon daemon, CompletableFuture<Void> running) throws Exception {
        progress.flushStatus();
        progress.stage("Stopping the daemon");
        daemon.main().completed();
        running.get(90, TimeUnit.SECONDS);
    }

    /**
     * {@code --keep-console}: waits until the daemon stops. Ctrl-C (or SIGTERM) stops it through the
     * daemon's own shutdown hook; an interrupt of this thread (how a caller in the same process ends
     * the wait) stops it here.
     */
    private void keepRunning(SandboxConsole console, int port, Daemon daemon, CompletableFuture<Void> running)
            throws Exception {
        out.println();
        out.println(console.line(port));
        out.println(SandboxConsole.TRY);
        out.println(SandboxConsole.KEPT);
        out.flush();
        try {
            running.get();
        } catch (InterruptedException e) {
            // the interrupt is the request to stop, and it is served here: the wait is over
            stop(daemon, running);
        }
    }

    /** The final numbers, and the jobs that failed (none in a good run). */
    private record Outcome(SandboxNumbers facts, List<String> failedJobs) {}

    /** Each run starts from nothing: the previous run's database and messages are removed first. */
    private void startOver(Path dataDir, Path mailDir) throws IOException {
        if (serverRunningIn(dataDir)) {
            throw new OutreachException(
                    "A PostgreSQL server is running on " + dataDir + " (another sandbox run?);" + " stop it first.",
                    EXIT_FAILURE);
        }
        boolean existed = Files.exists(dataDir) || Files.exists(mailDir);
        deleteTree(dataDir);
        deleteTree(mailDir);
        if (existed) {
            progress.stage("Starting over: removed the previous sandbox run's database and messages");
        }
    }

    private static boolean serverRunningIn(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return false;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        try {
            long pid = Long.parseLong(lines.isEmpty() ? "" : lines.get(0).trim());
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private void awaitStarted(Daemon daemon, CompletableFuture<Void> running) throws Exception {
        Instant deadline = Instant.now().plus(DAEMON_START_TIMEOUT);
        while (daemon.main().getCamelContext() == null
                || !daemon.main().getCamelContext().isStarted()) {
            if (running.isDone()) {
                running.get();
                throw new OutreachException("The daemon stopped while starting.", EXIT_FAILURE);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new OutreachException(
                        "The daemon did not start within " + DAEMON_START_TIMEOUT.toSeconds() + " s.", EXIT_FAILURE);
            }
            Thread.sleep(100);
        }
    }

    private Outcome drive(
            DataSource ds,
            Daemon daemon,
            CompletableFuture<Void> running,
            DiscoverRequest discover,
            OutreachConfig config)
            throws Exception {
        var jobs = new JobStore(ds);
        List<String> types = daemon.main()
                .getCamelContext()
                .getRegistry()
                .lookupByNameAndType("jobTypes", JobTypes.class)
                .list();

        var campaigns = new CampaignStore(ds);
        var discoverJobs = new ArrayList<UUID>();
        List<SandboxCampaigns.Planned> planned = SandboxCampaigns.plan(discover);
        progress.stage("Discovery → enrichment → drafting for two campaigns: "
                + String.join(
                        " and ",
                        planned.stream().map(SandboxCampaigns.Planned::describe).toList())
                + "; locations " + String.join(",", discover.locations())
                + (SandboxCampaigns.shareKeywords(planned)
                        ? " (one keyword: both search it, and what the first finds counts as existing for the second)"
                        : ""));
        for (SandboxCampaigns.Planned p : planned) {
            campaigns.create(p.campaign());
            discoverJobs.add(jobs.submit(
                    "discover", DiscoveryParams.toJson(p.request(), p.campaign().name()), "sandbox"));
        }
        waitUntilIdle(ds, jobs, types, running);

        boolean discovered = true;
        for (UUID id : discoverJobs) {
            discovered &= "completed".equals(jobs.find(id).orElseThrow().status());
        }
        if (discovered) {
            // what an operator does in the console's review queue or with `prospects approve --all`
            int approved = new ProspectStore(ds).approve(List.of(), true, null, null);
            if (approved > 0) {
                progress.stage("Approving the " + approved + " draft(s), as you would in the console's review queue");
            }
        }
        if (discovered && approvedWaiting(ds) > 0) {
            progress.stage("Sending the first messages");
            jobs.submit("send", "{}", "sandbox");
            waitUntilIdle(ds, jobs, types, running);

            List<Duration> steps =
                    FollowupSteps.parse(config.get("outreach.followup.steps")).delays();
            var clock = new FollowupClock(ds);
            for (int i = 0; i < steps.size(); i++) {
                int due = clock.skipAhead(i, steps.get(i));
                if (due == 0) {
                    break;
                }
                progress.stage("Follow-up " + (i + 1) + " of " + steps.size() + ": skipping the clock "
                        + DurationText.format(steps.get(i)) + " ahead for " + due + " prospect(s)");
                jobs.submit("followup", "{}", "sandbox");
                waitUntilIdle(ds, jobs, types, running);
            }
        }
        return new Outcome(SandboxNumbers.read(ds), failedJobs(jobs));
    }

    private static int approvedWaiting(DataSource ds) throws SQLException {
        try (var c = ds.getConnection();
                var st = c.createStatement();
                var rs = st.executeQuery(SqlStatement.COUNT_APPROVED_PROSPECTS.text())) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static List<String> failedJobs(JobStore jobs) throws SQLException {
        var failed = new ArrayList<String>();
        for (JobRow r : jobs.list(null, "failed", 100)) {
            failed.add(r.type() + " " + r.id() + ": " + r.errorMessage());
        }
        return failed;
    }

    /** Waits until no job is waiting or running, printing progress as the numbers change. */
    private void waitUntilIdle(DataSource ds, JobStore jobs, List<String> types, CompletableFuture<Void> running)
            throws Exception {
        boolean idle = QueueIdleWait.every(POLL)
                .untilIdle(
                        () -> {
                            if (running.isDone()) {
                                throw new OutreachException(
                                        "The daemon stopped before the sandbox run was over.", EXIT_FAILURE);
                            }
                            progress.status(SandboxNumbers.read(ds).total().progressLine());
                            return jobs.unfinished(types) == 0;
                        },
                        STAGE_TIMEOUT);
        if (!idle) {
            throw new OutreachException(
                    "The sandbox's jobs did not finish within " + STAGE_TIMEOUT.toMinutes()
                            + " minutes; see `job list` on the sandbox database.",
                    EXIT_FAILURE);
        }
        progress.flushStatus();
    }

    /**
     * The command that lists the sandbox's prospects: the data directory named, and the user's database
     * URL, if one is set, emptied for this one command (an empty URL means the embedded server).
     */
    private String listCommand() {
        String prefix = "";
        for (String name : SANDBOX_ENV) {
            if (env.containsKey(name) && !env.get(name).isBlank()) {
                prefix += name + "= ";
            }
        }
        if (prefix.isEmpty() && userConfigHasDatabaseUrl()) {
            prefix = "DATABASE_URL= ";
        }
        // the launcher of an unpacked distribution sets OUTREACH_HOME; a checkout runs the jar it built
        String program = env.containsKey(dev.outreachpipeline.App.HOME_VARIABLE)
                ? workDir.resolve("bin/outreach").toString()
                : "java -jar target/outreach-pipeline.jar";
        return prefix + "OUTREACH_EMBEDDED_DATA_DIR="
                + workDir.resolve(SandboxConfig.DATA_DIR).normalize() + " " + program + " prospects list";
    }

    private boolean userConfigHasDatabaseUrl() {
        try {
            return !OutreachConfig.load(configFile, env, workDir)
                    .get("outreach.database.url")
                    .isBlank();
        } catch (RuntimeException e) {
            return false;
        }
    }
}

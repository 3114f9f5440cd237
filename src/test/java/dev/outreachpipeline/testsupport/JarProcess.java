package dev.outreachpipeline.testsupport;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged program in a process of its own, exactly as an operator starts it
 * ({@code java -jar target/outreach-pipeline.jar …}). Its stdout and stderr go to files: the JDK
 * closes a process's pipes under a reading thread when the process exits, losing its last lines.
 */
public final class JarProcess implements AutoCloseable {

    private final Process process;
    private final Path out;
    private final Path err;

    private JarProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    private static final List<String> TEST_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    public static JarProcess start(Path workDir, Map<String, String> env, String... args) throws IOException {
        return start(workDir, env, List.of(), args);
    }

    /** As {@link #start(Path, Map, String...)}, with options for the JVM (heap settings, say). */
    public static JarProcess start(Path workDir, Map<String, String> env, List<String> jvmOptions, String... args)
            throws IOException {
        String jar = System.getProperty("outreach.test.jar", "target/outreach-pipeline.jar");
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        var command = new ArrayList<String>();
        command.add(javaBin);
        // a test's daemon lives seconds: quick compilation and a small collector (see test.jvm.options in pom.xml)
        command.addAll(jvmOptions.isEmpty() ? TEST_JVM_OPTIONS : jvmOptions);
        command.add("-jar");
        command.add(Path.of(jar).toAbsolutePath().toString());
        command.addAll(List.of(args));
        return startCommand(workDir, env, command);
    }

    /**
     * Any command (such as the distribution's bin/outreach launcher) with the same environment
     * handling: this JVM's OUTREACH_* variables and DATABASE_URL are dropped, {@code env} is added.
     */
    public static JarProcess startCommand(Path workDir, Map<String, String> env, List<String> command)
            throws IOException {
        Path out = Files.createTempFile("outreach-out", ".txt");
        Path err = Files.createTempFile("outreach-err", ".txt");
        var pb = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("OUTREACH_") || k.equals("DATABASE_URL"));
        pb.environment().putAll(env);
        return new JarProcess(pb.start(), out, err);
    }

    /** Waits until stderr shows {@code text}; fails at once if the process ends without printing it. */
    public void awaitErr(String text, Duration timeout) {
        await().atMost(timeout).until(() -> err().contains(text) || !process.isAlive());
        if (!err().contains(text)) {
            throw new AssertionError("the process ended without printing '" + text + "'; stderr:\n" + err());
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** kill -9: the process ends at once, running no shutdown hook. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Sends SIGTERM, as a service manager does, and waits for the process to end. */
    public int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        return waitFor(timeout);
    }

    public int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the process did not end within " + timeout + "; stderr:\n" + err());
        }
        return process.exitValue();
    }

    public String out() {
        return read(out);
    }

    public String err() {
        return read(err);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
    }
}

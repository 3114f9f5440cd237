package dev.outreachpipeline.testsupport;

import static org.awaitility.Awaitility.await;

import dev.outreachpipeline.cli.CliContext;
import dev.outreachpipeline.cli.OutreachCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs one CLI command in-process with a given environment and captures what it printed. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun run(Map<String, String> env, Path workDir, String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var context = new CliContext(env, workDir, new PrintWriter(out, true), new PrintWriter(err, true));
        int code = OutreachCli.execute(args, context);
        return new CliRun(code, out.toString(), err.toString());
    }

    public static CliRun run(Map<String, String> env, String... args) {
        return run(env, Path.of("target"), args);
    }

    /**
     * Starts a command that keeps running (such as {@code sandbox --keep-console}) on a thread of its own;
     * what it prints can be read while it runs, and {@link Running#stop} interrupts it, as Ctrl-C would.
     */
    public static Running start(Map<String, String> env, Path workDir, String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var context = new CliContext(env, workDir, new PrintWriter(out, true), new PrintWriter(err, true));
        var exit = new CompletableFuture<Integer>();
        var thread = new Thread(
                () -> {
                    try {
                        exit.complete(OutreachCli.execute(args, context));
                    } catch (Throwable e) {
                        exit.completeExceptionally(e);
                    }
                },
                "cli-" + String.join("-", args));
        thread.start();
        return new Running(thread, exit, out, err);
    }

    /** A command running in-process (see {@link #start}). */
    public static final class Running implements AutoCloseable {

        private final Thread thread;
        private final CompletableFuture<Integer> exit;
        private final StringWriter out;
        private final StringWriter err;

        private Running(Thread thread, CompletableFuture<Integer> exit, StringWriter out, StringWriter err) {
            this.thread = thread;
            this.exit = exit;
            this.out = out;
            this.err = err;
        }

        public String out() {
            return out.toString();
        }

        /** Waits until it has printed {@code text}; fails at once if it ends without printing it. */
        public void awaitOut(String text, Duration timeout) {
            await().atMost(timeout).until(() -> out().contains(text) || exit.isDone());
            if (!out().contains(text)) {
                throw new AssertionError("the command ended without printing '" + text + "':\n" + out() + err);
            }
        }

        /** Interrupts it and waits until it has ended. */
        public CliRun stop(Duration timeout) throws ExecutionException, TimeoutException {
            thread.interrupt();
            try {
                int code = exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                return new CliRun(code, out.toString(), err.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the command to end", e);
            }
        }

        @Override
        public void close() throws ExecutionException, TimeoutException {
            if (!exit.isDone()) {
                stop(Duration.ofMinutes(2));
            }
        }
    }
}

package dev.outreachpipeline.bench;

import dev.outreachpipeline.config.OutreachConfig;
import dev.outreachpipeline.daemon.Daemon;
import dev.outreachpipeline.db.Database;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/** The real daemon in the harness's JVM, for workloads that drive one of its routes directly. */
final class InProcessBenchDaemon implements AutoCloseable {

    private final Daemon daemon;
    private final CompletableFuture<Void> running;

    private InProcessBenchDaemon(Daemon daemon, CompletableFuture<Void> running) {
        this.daemon = daemon;
        this.running = running;
    }

    static InProcessBenchDaemon start(Map<String, String> env, Path workDir) {
        OutreachConfig config = OutreachConfig.load(null, env, workDir);
        var daemon = new Daemon(config, Database.open(config), workDir);
        CompletableFuture<Void> running = CompletableFuture.runAsync(() -> {
            try {
                daemon.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(90)).until(() -> running.isDone()
                || daemon.main().getCamelContext() != null && daemon.main().getCamelContext().isStarted());
        if (running.isDone()) {
            running.join();
            throw new IllegalStateException("the daemon stopped while starting");
        }
        return new InProcessBenchDaemon(daemon, running);
    }

    CamelContext context() {
        return daemon.main().getCamelContext();
    }

    ProducerTemplate producer() {
        return context().createProducerTemplate();
    }

    @Override
    public void close() throws Exception {
        daemon.main().completed();
        running.get(90, TimeUnit.SECONDS);
    }
}

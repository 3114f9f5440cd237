package dev.outreachpipeline.http;

import dev.outreachpipeline.daemon.Daemon;
import dev.outreachpipeline.testsupport.TestDatabase;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real daemon, running in this JVM until {@link #stop()}, serving HTTP on a free port of 127.0.0.1;
 * its job workers poll every ten minutes, so they do nothing while a test runs. One at a time: daemons
 * in one JVM share Quartz's scheduler of the same name.
 */
record InProcessDaemon(Daemon daemon, CompletableFuture<Void> running, int port) {

    static InProcessDaemon start(TestDatabase db, String... env) {
        var all = new ArrayList<>(List.of(env));
        all.addAll(List.of("OUTREACH_JOBS_POLL_INTERVAL_MS", "600000", "OUTREACH_HTTP_PORT", "0", "OUTREACH_HTTP_BIND", "127.0.0.1"));
        var daemon = new Daemon(db.config(all.toArray(String[]::new)), db.open(), Path.of("target"));
        CompletableFuture<Void> running = CompletableFuture.runAsync(() -> {
            try {
                daemon.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> running.isDone()
                || daemon.main().getCamelContext() != null && daemon.main().getCamelContext().isStarted());
        assertThat(running).as("the daemon stopped while starting").isNotDone();
        int port = daemon.main().getCamelContext().hasService(PublicHttpServer.class).getPort();
        return new InProcessDaemon(daemon, running, port);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    void stop() throws Exception {
        daemon.main().completed();
        running.get(60, TimeUnit.SECONDS);
    }
}

package dev.outreachpipeline.management;

import dev.outreachpipeline.daemon.Daemon;
import dev.outreachpipeline.testsupport.TestDatabase;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real daemon in this JVM, its management endpoints on a free port of 127.0.0.1 (TestDatabase's
 * environment asks for port 0). One at a time: daemons in one JVM share Quartz's scheduler name.
 */
record ManagedDaemon(Daemon daemon, CompletableFuture<Void> running, int port) implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static ManagedDaemon start(TestDatabase db, String... env) {
        var daemon = new Daemon(db.config(env), db.open(), Path.of("target"));
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
        int port = daemon.main().getCamelContext().hasService(ManagementServer.class).getPort();
        return new ManagedDaemon(daemon, running, port);
    }

    HttpResponse<String> get(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws Exception {
        daemon.main().completed();
        running.get(60, TimeUnit.SECONDS);
    }
}

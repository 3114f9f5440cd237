package dev.outreachpipeline.management;

import dev.outreachpipeline.testsupport.RunningDaemon;
import dev.outreachpipeline.testsupport.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * The real daemon in this JVM, its management endpoints on a free port of 127.0.0.1 (TestDatabase's
 * environment asks for port 0). One at a time: daemons in one JVM share Quartz's scheduler name.
 */
record ManagedDaemon(RunningDaemon daemon, int port) implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static ManagedDaemon start(TestDatabase db, String... env) {
        var daemon = RunningDaemon.start(db.config(env), db.open(), Path.of("target"));
        return new ManagedDaemon(
                daemon, daemon.context().hasService(ManagementServer.class).getPort());
    }

    HttpResponse<String> get(String path) {
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .timeout(Duration.ofSeconds(20))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws ExecutionException, TimeoutException {
        daemon.close();
    }
}

package dev.outreachpipeline.http;

import dev.outreachpipeline.testsupport.RunningDaemon;
import dev.outreachpipeline.testsupport.TestDatabase;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The real daemon in this JVM, serving HTTP on a free port of 127.0.0.1; its job workers poll every ten
 * minutes, so they do nothing while a test runs.
 */
record InProcessDaemon(RunningDaemon daemon, int port) {

    static InProcessDaemon start(TestDatabase db, String... env) {
        var all = new ArrayList<>(List.of(env));
        all.addAll(List.of(
                "OUTREACH_JOBS_POLL_INTERVAL_MS",
                "600000",
                "OUTREACH_HTTP_PORT",
                "0",
                "OUTREACH_HTTP_BIND",
                "127.0.0.1"));
        var daemon = RunningDaemon.start(db.config(all.toArray(String[]::new)), db.open(), Path.of("target"));
        return new InProcessDaemon(
                daemon, daemon.context().hasService(PublicHttpServer.class).getPort());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    void stop() throws Exception {
        daemon.close();
    }
}

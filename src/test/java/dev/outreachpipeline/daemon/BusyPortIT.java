package dev.outreachpipeline.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.outreachpipeline.testsupport.CapturedLogs;
import dev.outreachpipeline.testsupport.CliRun;
import dev.outreachpipeline.testsupport.TestDatabase;
import dev.outreachpipeline.testsupport.TestPostgres;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A daemon whose management or public port is taken (a second daemon, another program) says so in one
 * sentence, naming the address and the setting to change, exits 2, and logs no stack trace.
 */
class BusyPortIT {

    private static final TestDatabase db = TestPostgres.newDatabase();

    @BeforeAll
    static void migrate() {
        assertThat(CliRun.run(db.env(), "db", "migrate").exitCode()).isZero();
    }

    @Test
    void aTakenManagementPortIsOneSentence() throws Exception {
        try (ServerSocket taken = listen()) {
            int port = taken.getLocalPort();

            Outcome outcome = run("OUTREACH_MANAGEMENT_PORT", String.valueOf(port));

            assertThat(outcome.run().exitCode()).isEqualTo(2);
            assertThat(outcome.run().err().strip())
                    .isEqualTo(
                            "Cannot listen on 127.0.0.1:" + port + " for the management endpoints"
                                    + " (/health, /metrics): the port is in use (is another daemon or program listening there?); change"
                                    + " outreach.management.port (OUTREACH_MANAGEMENT_PORT) or outreach.management.bind, or stop what holds it.");
            assertThat(outcome.withStackTrace())
                    .as(String.join("\n", outcome.logged()))
                    .isEmpty();
            assertThat(outcome.errors()).as(String.join("\n", outcome.logged())).isEmpty();
        }
    }

    @Test
    void aTakenPublicPortIsOneSentence() throws Exception {
        try (ServerSocket taken = listen()) {
            int port = taken.getLocalPort();

            Outcome outcome = run("OUTREACH_HTTP_PORT", String.valueOf(port));

            assertThat(outcome.run().exitCode()).isEqualTo(2);
            assertThat(outcome.run().err().strip())
                    .isEqualTo("Cannot listen on 127.0.0.1:" + port + " for the public HTTP server"
                            + " (unsubscribe links): the port is in use (is another daemon or program listening there?); change"
                            + " outreach.http.port (OUTREACH_HTTP_PORT) or outreach.http.bind, or stop what holds it.");
            assertThat(outcome.withStackTrace())
                    .as(String.join("\n", outcome.logged()))
                    .isEmpty();
            assertThat(outcome.errors()).as(String.join("\n", outcome.logged())).isEmpty();
        }
    }

    private record Outcome(CliRun run, List<String> logged, List<String> withStackTrace, List<ILoggingEvent> errors) {}

    /** {@code outreach run} in this JVM; bounded, should it start after all. */
    private static Outcome run(String name, String value) {
        return assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
            try (CapturedLogs logs = CapturedLogs.start()) {
                CliRun run = CliRun.run(db.env("OUTREACH_JOBS_POLL_INTERVAL_MS", "600000", name, value), "run");
                return new Outcome(run, logs.lines(), logs.withStackTrace(), logs.atLeast(Level.ERROR));
            }
        });
    }

    private static ServerSocket listen() throws Exception {
        var socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return socket;
    }
}

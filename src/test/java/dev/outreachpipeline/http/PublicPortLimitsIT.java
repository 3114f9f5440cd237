package dev.outreachpipeline.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.outreachpipeline.management.ManagementServer;
import dev.outreachpipeline.testsupport.CliRun;
import dev.outreachpipeline.testsupport.TestDatabase;
import dev.outreachpipeline.testsupport.TestPostgres;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The public port under a flood of connections that send nothing (or almost nothing): it keeps at most
 * outreach.http.max-connections, closes the idle and the slow ones, and the management port answers
 * throughout. Loopback only; the limit and the timeouts are set low so that it stays short.
 */
class PublicPortLimitsIT {

    private static final int LIMIT = 20;
    private static final int FLOOD = LIMIT + 5;

    private static final TestDatabase db = TestPostgres.newDatabase();
    private static final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static InProcessDaemon daemon;

    @BeforeAll
    static void startDaemon() {
        assertThat(CliRun.run(db.env(), "db", "migrate").exitCode()).isZero();
        daemon = InProcessDaemon.start(
                db,
                "OUTREACH_UNSUBSCRIBE_SECRET",
                "an-unsubscribe-secret-of-at-least-32-chars",
                "OUTREACH_HTTP_MAX_CONNECTIONS",
                String.valueOf(LIMIT),
                "OUTREACH_HTTP_IDLE_TIMEOUT",
                "2s",
                "OUTREACH_HTTP_HEADER_TIMEOUT",
                "2s");
    }

    @AfterAll
    static void stopDaemon() throws Exception {
        if (daemon != null) {
            daemon.stop();
        }
    }

    private static PublicHttpServer publicServer() {
        return daemon.daemon().context().hasService(PublicHttpServer.class);
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(10))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** True once the server has closed {@code socket}: a read sees the end of the stream (or a reset). */
    private static boolean closedByServer(Socket socket) {
        try {
            socket.setSoTimeout(20);
            return socket.getInputStream().read() == -1;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    @Test
    void idleConnectionsBeyondTheLimitAreRefusedTheRestTimeOutAndManagementKeepsAnswering() throws Exception {
        int managementPort =
                daemon.daemon().context().hasService(ManagementServer.class).getPort();
        List<Socket> idle = new ArrayList<>();
        Set<Socket> closed = new HashSet<>();
        try {
            for (int i = 0; i < FLOOD; i++) {
                idle.add(new Socket("127.0.0.1", daemon.port()));
            }

            // the connections beyond the limit are closed at once; the limit's worth stay open, for now
            await().atMost(Duration.ofSeconds(5)).until(() -> {
                idle.stream()
                        .filter(s -> !closed.contains(s))
                        .filter(PublicPortLimitsIT::closedByServer)
                        .forEach(closed::add);
                return closed.size() >= FLOOD - LIMIT;
            });
            assertThat(publicServer().openConnections()).isLessThanOrEqualTo(LIMIT);

            HttpResponse<String> ready = get(URI.create("http://127.0.0.1:" + managementPort + "/health/ready"));
            assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);

            // the idle ones are closed when the timeouts run out, and the port serves again
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                idle.stream()
                        .filter(s -> !closed.contains(s))
                        .filter(PublicPortLimitsIT::closedByServer)
                        .forEach(closed::add);
                return closed.size() == FLOOD;
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> publicServer().openConnections() == 0);
            HttpResponse<String> served = get(daemon.uri("/u/not-a-token"));
            assertThat(served.statusCode()).isEqualTo(404);
            assertThat(served.body()).contains("not valid");
        } finally {
            for (Socket s : idle) {
                s.close();
            }
        }
    }

    @Test
    void aClientThatTricklesItsRequestHeadIsCutOffByTheHeaderTimeout() throws Exception {
        try (Socket slow = new Socket("127.0.0.1", daemon.port())) {
            OutputStream out = slow.getOutputStream();
            out.write("GET /u/".getBytes(StandardCharsets.US_ASCII));
            long started = System.nanoTime();

            // a byte every 100 ms keeps the idle timeout from firing; only the header timeout can end it
            await().atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        try {
                            out.write('x');
                            out.flush();
                            return false;
                        } catch (IOException closedByServer) {
                            return true;
                        }
                    });

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        }
    }
}

package dev.outreachpipeline.simulators;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP server on 127.0.0.1 (a free port) that plays a provider: every call is checked for
 * credentials, held against the rate limit, failed at the configured rate, delayed by the
 * configured latency, recorded, and otherwise answered by the subclass. The JDK's own server is
 * enough here: a simulator needs no routing beyond a path, and no dependency of its own.
 */
abstract class SimulatedServer implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    /** What to answer: HTTP status, JSON body, and how the call is recorded. */
    record Answer(int status, String body, Call.Outcome outcome) {}

    private final SimulatorSettings settings;
    private final CallLog log = new CallLog();
    private final Random random;
    private final ArrayDeque<Instant> recentAccepted = new ArrayDeque<>();
    private final HttpServer server;
    private final ExecutorService executor;

    SimulatedServer(String name, SimulatorSettings settings) {
        this.settings = settings;
        this.random = new Random(settings.seed());
        var threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, name + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the " + name + " simulator on 127.0.0.1", e);
        }
        server.createContext("/", this::serve);
        server.setExecutor(executor);
        server.start();
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public CallLog calls() {
        return log;
    }

    public SimulatorSettings settings() {
        return settings;
    }

    /** The endpoint a path belongs to (its name in the call log), or null when the provider has no such endpoint. */
    abstract String endpoint(String path);

    abstract boolean authorized(HttpExchange exchange);

    abstract Answer unauthorized();

    abstract Answer notFound(String path);

    abstract Answer rateLimited();

    /** A realistic retryable error; {@code pick} is a random draw the subclass may use to vary it. */
    abstract Answer simulatedError(double pick);

    /** The normal answer. */
    abstract Answer answer(String endpoint, HttpExchange exchange, String requestBody) throws IOException;

    private void serve(HttpExchange exchange) throws IOException {
        Instant at = Instant.now();
        String path = exchange.getRequestURI().getPath();
        String endpoint = endpoint(path);
        Answer answer;
        try {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            answer = decide(endpoint, path, exchange, body, at);
        } catch (RuntimeException | IOException e) {
            answer = simulatedError(0);
            answer = new Answer(answer.status(), answer.body(), Call.Outcome.REJECTED);
        }
        log.record(new Call(endpoint == null ? path : endpoint, at, answer.outcome()));
        pause();
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private Answer decide(String endpoint, String path, HttpExchange exchange, String body, Instant at)
            throws IOException {
        if (endpoint == null) {
            return notFound(path);
        }
        if (!authorized(exchange)) {
            return unauthorized();
        }
        if (overRateLimit(at)) {
            return rateLimited();
        }
        double draw;
        double pick;
        synchronized (random) {
            draw = random.nextDouble();
            pick = random.nextDouble();
        }
        if (draw < settings.errorRate()) {
            return simulatedError(pick);
        }
        return answer(endpoint, exchange, body);
    }

    /** Calls accepted within the last second, this one included, above the limit are refused (and not counted). */
    private boolean overRateLimit(Instant at) {
        if (settings.callsPerSecond() == 0) {
            return false;
        }
        synchronized (recentAccepted) {
            Instant windowStart = at.minusSeconds(1);
            while (!recentAccepted.isEmpty() && !recentAccepted.peekFirst().isAfter(windowStart)) {
                recentAccepted.pollFirst();
            }
            if (recentAccepted.size() >= settings.callsPerSecond()) {
                return true;
            }
            recentAccepted.addLast(at);
            return false;
        }
    }

    /** The configured latency: what a real provider's answer takes, so that clients' timing shows. */
    private void pause() {
        long millis = settings.latency().toMillis();
        long jitter = settings.jitter().toMillis();
        if (jitter > 0) {
            synchronized (random) {
                millis += (long) (random.nextDouble() * jitter);
            }
        }
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    void subject(String what) {
        log.subject(what);
    }

    static String write(Object node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops answering at once and frees the port. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

package dev.outreachpipeline.management;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.outreachpipeline.http.PortInUse;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The management port: {@code /health/live}, {@code /health/ready} and {@code /metrics}, on
 * outreach.management.bind:outreach.management.port (127.0.0.1:9090 by default), apart from the
 * public unsubscribe server, so making unsubscribe links reachable never exposes these. The JDK's
 * own HTTP server is enough for three read-only GETs; it is a Camel service, started and stopped
 * with the CamelContext.
 */
public final class ManagementServer extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(ManagementServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the port serves and what chooses it, as a failure to listen names them. */
    static final String WHAT = "the management endpoints (/health, /metrics)";

    static final String SETTING = "outreach.management.port (OUTREACH_MANAGEMENT_PORT) or outreach.management.bind";

    private final String bind;
    private final int requestedPort;
    private final Readiness readiness;
    private final DatabaseGauges gauges;
    private final PrometheusMeterRegistry registry;
    private final AutoCloseable[] closeOnStop;
    private HttpServer server;
    private ExecutorService executor;

    ManagementServer(
            String bind,
            int port,
            Readiness readiness,
            DatabaseGauges gauges,
            PrometheusMeterRegistry registry,
            AutoCloseable... closeOnStop) {
        this.closeOnStop = closeOnStop;
        this.bind = bind;
        this.requestedPort = port;
        this.readiness = readiness;
        this.gauges = gauges;
        this.registry = registry;
    }

    /** The port listened on (the one chosen when 0 was asked for); -1 before start. */
    public int getPort() {
        HttpServer s = server;
        return s == null ? -1 : s.getAddress().getPort();
    }

    @Override
    protected void doStart() throws Exception {
        try {
            server = HttpServer.create(new InetSocketAddress(bind, requestedPort), 16);
        } catch (IOException e) {
            throw PortInUse.describe(e, WHAT, bind, requestedPort, SETTING);
        }
        executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "outreach-management-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        LOG.info(
                "Management endpoints on http://{}:{} (/health/live, /health/ready, /metrics)",
                bind.contains(":") ? "[" + bind + "]" : bind,
                getPort());
    }

    @Override
    protected void doStop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
        if (executor != null) {
            executor.shutdownNow();
        }
        for (AutoCloseable c : closeOnStop) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.debug("Closing {} failed: {}", c, e.toString());
            }
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            boolean known = path.equals("/health/live") || path.equals("/health/ready") || path.equals("/metrics");
            if (!known) {
                respond(exchange, 404, "application/json", json(Map.of("error", "no such endpoint: " + path)));
                return;
            }
            if (!exchange.getRequestMethod().equals("GET")
                    && !exchange.getRequestMethod().equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                respond(exchange, 405, "application/json", json(Map.of("error", "only GET is served here")));
                return;
            }
            switch (path) {
                case "/health/live" -> respond(exchange, 200, "application/json", json(Map.of("status", "UP")));
                case "/health/ready" -> {
                    Readiness.Report report = readiness.check();
                    respond(exchange, report.ready() ? 200 : 503, "application/json", json(report.json()));
                }
                default -> {
                    gauges.refreshIfStale();
                    respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape());
                }
            }
        } catch (RuntimeException e) {
            LOG.warn(
                    "Management endpoint {} failed: {}",
                    exchange.getRequestURI().getPath(),
                    e.toString());
            throw e;
        }
    }

    private static String json(Object value) throws IOException {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}

package dev.outreachpipeline.management;

import dev.outreachpipeline.api.JsonAnswers;
import dev.outreachpipeline.api.RequestPaths;
import dev.outreachpipeline.console.AdminRoutes;
import dev.outreachpipeline.http.PortInUse;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The management listener on outreach.management.bind:outreach.management.port (127.0.0.1:9090 by
 * default), apart from the public unsubscribe server, so making unsubscribe links reachable never
 * exposes it. It serves {@code /health/live}, {@code /health/ready} and {@code /metrics} to anyone
 * who can reach it, and the console and {@code /api/v1} ({@link AdminRoutes}) to the holder of the
 * admin token. A Vert.x Web router on a Vert.x instance of its own (docs/console.md says why), a
 * Camel service started and stopped with the CamelContext.
 */
public final class ManagementServer extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(ManagementServer.class);

    /** What the port serves and what chooses it, as a failure to listen names them. */
    static final String WHAT = "the management endpoints (/health, /metrics)";

    static final String SETTING = "outreach.management.port (OUTREACH_MANAGEMENT_PORT) or outreach.management.bind";

    /** Database reads (readiness, the API) run on these threads, never on the event loop. */
    private static final int WORKER_THREADS = 4;

    private final String bind;
    private final int requestedPort;
    private final Readiness readiness;
    private final DatabaseGauges gauges;
    private final PrometheusMeterRegistry registry;
    private final AdminRoutes admin;
    private final AutoCloseable[] closeOnStop;
    private Vertx vertx;
    private HttpServer server;

    ManagementServer(
            String bind,
            int port,
            Readiness readiness,
            DatabaseGauges gauges,
            PrometheusMeterRegistry registry,
            AdminRoutes admin,
            AutoCloseable... closeOnStop) {
        this.closeOnStop = closeOnStop;
        this.bind = bind;
        this.requestedPort = port;
        this.readiness = readiness;
        this.gauges = gauges;
        this.registry = registry;
        this.admin = admin;
    }

    /** The port listened on (the one chosen when 0 was asked for); -1 before start. */
    public int getPort() {
        HttpServer s = server;
        return s == null ? -1 : s.actualPort();
    }

    @Override
    protected void doStart() throws Exception {
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(WORKER_THREADS));
        Router router = Router.router(vertx);
        router.route("/health/live")
                .method(HttpMethod.GET)
                .method(HttpMethod.HEAD)
                .handler(this::live);
        router.route("/health/ready")
                .method(HttpMethod.GET)
                .method(HttpMethod.HEAD)
                .blockingHandler(this::ready, false);
        router.route("/metrics").method(HttpMethod.GET).method(HttpMethod.HEAD).blockingHandler(this::metrics, false);
        admin.mount(vertx, router);
        router.errorHandler(
                404,
                ctx -> JsonAnswers.error(
                        ctx, 404, "no such endpoint: " + RequestPaths.printable(ctx.normalizedPath()), List.of()));
        router.errorHandler(
                405,
                ctx -> JsonAnswers.error(
                        ctx,
                        405,
                        "the method " + ctx.request().method() + " is not served at "
                                + RequestPaths.printable(ctx.normalizedPath()),
                        List.of()));
        router.errorHandler(500, ManagementServer::failed);
        try {
            server = vertx.createHttpServer()
                    .requestHandler(router)
                    .listen(requestedPort, bind)
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            closeVertx();
            throw PortInUse.describe(e.getCause(), WHAT, bind, requestedPort, SETTING);
        }
        LOG.info(
                "Management endpoints on http://{}:{} (/health/live, /health/ready, /metrics{})",
                bind.contains(":") ? "[" + bind + "]" : bind,
                getPort(),
                admin.enabled() ? ", the console at / and the API at /api/v1" : "");
    }

    private void live(RoutingContext ctx) {
        JsonAnswers.send(ctx, 200, Map.of("status", "UP"));
    }

    private void ready(RoutingContext ctx) {
        Readiness.Report report = readiness.check();
        JsonAnswers.send(ctx, report.ready() ? 200 : 503, report.json());
    }

    private void metrics(RoutingContext ctx) {
        gauges.refreshIfStale();
        ctx.response()
                .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                .putHeader("Cache-Control", "no-store");
        JsonAnswers.end(ctx, registry.scrape());
    }

    /** A failure nobody expected is a bug: its stack trace goes to the log, never into the answer. */
    private static void failed(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        LOG.warn("Management endpoint {} failed", RequestPaths.printable(ctx.normalizedPath()), failure);
        if (!ctx.response().headWritten()) {
            JsonAnswers.error(ctx, 500, "the request failed inside the daemon; its log says why", List.of());
        }
    }

    @Override
    protected void doStop() {
        HttpServer s = server;
        server = null;
        if (s != null) {
            await(s.close());
        }
        closeVertx();
        for (AutoCloseable c : closeOnStop) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.debug("Closing {} failed: {}", c, e.toString());
            }
        }
    }

    private void closeVertx() {
        Vertx v = vertx;
        vertx = null;
        if (v != null) {
            await(v.close());
        }
    }

    private static void await(io.vertx.core.Future<Void> closing) {
        try {
            closing.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.debug("Closing the management listener: {}", e.toString());
        }
    }
}

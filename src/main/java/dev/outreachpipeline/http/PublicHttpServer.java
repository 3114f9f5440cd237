package dev.outreachpipeline.http;

import dev.outreachpipeline.config.OutreachConfig;
import dev.outreachpipeline.sending.DurationText;
import dev.outreachpipeline.sending.SmtpSettings;
import dev.outreachpipeline.sending.UnsubscribeTokens;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's public HTTP endpoints: the one-click unsubscribe links ({@code platform-http:/u/{token}}
 * in routes/90-http.camel.yaml). An embedded Vert.x server on outreach.http.bind:outreach.http.port,
 * started and stopped with the CamelContext; port 0 takes any free port, and the log says which.
 *
 * <p>The port faces the internet, so it holds no socket for long: idle connections are closed after
 * outreach.http.idle-timeout, one that has not sent its request head within outreach.http.header-timeout
 * is closed, and at most outreach.http.max-connections are open at once ({@link ConnectionGuard}).
 * Camel's own server takes no options for that, so this class creates the Vert.x server itself, serving
 * the router Camel's platform-http consumers register their routes on.
 */
public final class PublicHttpServer extends VertxPlatformHttpServer {

    private static final Logger LOG = LoggerFactory.getLogger(PublicHttpServer.class);

    /** The requests served carry a token and at most a short form; nothing larger is read. */
    private static final long MAX_BODY_BYTES = 16 * 1024;

    /** The methods Vert.x's body parser reads a form from. */
    private static final java.util.Set<HttpMethod> CARRIES_BODY =
            java.util.Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    private static final String WHAT = "the public HTTP server (unsubscribe links)";
    private static final String SETTING = "outreach.http.port (OUTREACH_HTTP_PORT) or outreach.http.bind";

    private final VertxPlatformHttpServerConfiguration configuration;
    private final Duration idleTimeout;
    private final Duration headerTimeout;
    private final int maxConnections;
    private HttpServer server;
    private ConnectionGuard guard;
    private Vertx ownVertx;

    private PublicHttpServer(VertxPlatformHttpServerConfiguration configuration, OutreachConfig config) {
        super(configuration);
        this.configuration = configuration;
        this.idleTimeout = DurationText.parse(config.get("outreach.http.idle-timeout"));
        this.headerTimeout = DurationText.parse(config.get("outreach.http.header-timeout"));
        this.maxConnections = config.getInt("outreach.http.max-connections");
    }

    /**
     * Adds the server and binds the beans the unsubscribe routes call ({@code unsubscribePages},
     * {@code unsubscribeRecords}, {@code publicHeaderFilter}).
     *
     * @param home the directory a relative outreach.unsubscribe.journal-file is taken from
     */
    public static void install(
            CamelContext context, OutreachConfig config, javax.sql.DataSource dataSource, Path home) {
        var configuration = new VertxPlatformHttpServerConfiguration();
        configuration.setBindHost(config.get("outreach.http.bind"));
        configuration.setBindPort(config.getInt("outreach.http.port"));
        configuration.setMaxBodySize(MAX_BODY_BYTES);
        // Nobody uploads files here; without this a multipart request would write them to disk.
        configuration.getBodyHandler().setHandleFileUploads(false);

        SmtpSettings smtp = SmtpSettings.from(config);
        context.getRegistry().bind("unsubscribePages", new UnsubscribePages(tokens(smtp), smtp.fromName()));
        context.getRegistry().bind("unsubscribeRecords", UnsubscribeRecords.configured(config, dataSource, home));
        context.getRegistry().bind("publicHeaderFilter", new PublicHeaderFilter());
        try {
            // started with the context, before the routes' consumers look its router up; stopped after them
            context.addService(new PublicHttpServer(configuration, config));
        } catch (Exception e) {
            throw new IllegalStateException("cannot add the public HTTP server: " + e.getMessage(), e);
        }
    }

    /**
     * Fails with one sentence (no stack trace) when the public port cannot be listened on, before
     * anything starts; the server itself says the same should the port be taken in between.
     */
    public static void requirePortFree(OutreachConfig config) {
        PortInUse.requireFree(WHAT, config.get("outreach.http.bind"), config.getInt("outreach.http.port"), SETTING);
    }

    /** The signer of unsubscribe links, or null (every link answers 503) when the secret is unset or too short. */
    private static UnsubscribeTokens tokens(SmtpSettings smtp) {
        if (smtp.unsubscribeSecret().isBlank()) {
            LOG.warn(
                    "No unsubscribe secret is set: unsubscribe links answer 503 until OUTREACH_UNSUBSCRIBE_SECRET is set"
                            + " (at least {} random characters)",
                    UnsubscribeTokens.MIN_SECRET_BYTES);
            return null;
        }
        try {
            return smtp.unsubscribeTokens();
        } catch (IllegalArgumentException tooShort) {
            LOG.warn("Unsubscribe links answer 503: {}", tooShort.getMessage());
            return null;
        }
    }

    /**
     * The Vert.x instance this server runs on, made and closed here. Camel's server would make one itself
     * and close it through the executor its own start creates; this class replaces that start, so it
     * owns the instance outright rather than leave Camel's stop a null executor to fail on.
     */
    @Override
    protected Vertx lookupVertx() {
        Vertx shared = super.lookupVertx();
        if (shared != null) {
            return shared;
        }
        ownVertx = Vertx.vertx();
        return ownVertx;
    }

    /** Replaces Camel's start of the server, which sets no timeouts and no connection limit. */
    @Override
    protected void startServer() throws Exception {
        var options = new HttpServerOptions()
                .setIdleTimeout((int) Math.max(1, idleTimeout.toMillis()))
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
        // the router Camel's consumers add their routes to (initializeServer registered it under this name)
        VertxPlatformHttpRouter router = VertxPlatformHttpRouter.lookup(
                getCamelContext(), VertxPlatformHttpRouter.getRouterNameFromPort(configuration.getPort()));
        PublicErrorAnswers.install(router);
        guard = new ConnectionGuard(getVertx(), maxConnections, headerTimeout);
        ConnectionGuard connections = guard;
        HttpServer created = getVertx()
                .createHttpServer(options)
                .connectionHandler(connections::connected)
                .requestHandler(request -> {
                    connections.requestArrived(request.connection());
                    if (!CARRIES_BODY.contains(request.method())) {
                        // a form type on a GET made the body parser throw (a 500 and a stack trace for anyone who
                        // asked); a body on these methods means nothing here, so neither does its type
                        request.headers().remove(HttpHeaders.CONTENT_TYPE);
                    }
                    router.handle(request);
                });
        try {
            server = created.listen(configuration.getBindPort(), configuration.getBindHost())
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw PortInUse.describe(
                    e.getCause(), WHAT, configuration.getBindHost(), configuration.getBindPort(), SETTING);
        }
        LOG.info(
                "Public HTTP server listening on http://{}:{} (unsubscribe links /u/{token})",
                hostForUrl(getHost()),
                getPort());
    }

    @Override
    protected void stopServer() {
        getCamelContext().removeComponent("platform-http");
        HttpServer s = server;
        server = null;
        if (s != null) {
            awaitClose(s.close(), "the public HTTP server");
        }
        Vertx own = ownVertx;
        ownVertx = null;
        if (own != null) {
            awaitClose(own.close(), "the public HTTP server's Vert.x");
        }
    }

    /** Waits a bounded time for a close; a failure to close at stop is not worth more than a debug line. */
    private static void awaitClose(io.vertx.core.Future<Void> closing, String what) {
        try {
            closing.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.debug("Closing {}: {}", what, e.toString());
        }
    }

    @Override
    public HttpServer getServer() {
        return server;
    }

    @Override
    public int getPort() {
        HttpServer s = server;
        return s == null ? configuration.getBindPort() : s.actualPort();
    }

    /** Connections open on the public port now. */
    public int openConnections() {
        ConnectionGuard g = guard;
        return g == null ? 0 : g.openConnections();
    }

    private static String hostForUrl(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }
}

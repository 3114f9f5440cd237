package dev.outreachpipeline.http;

import dev.outreachpipeline.config.OutreachConfig;
import dev.outreachpipeline.sending.SmtpSettings;
import dev.outreachpipeline.sending.UnsubscribeTokens;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's public HTTP endpoints: the one-click unsubscribe links ({@code platform-http:/u/{token}}
 * in routes/90-http.camel.yaml). An embedded Vert.x server on outreach.http.bind:outreach.http.port,
 * started and stopped with the CamelContext; port 0 takes any free port, and the log says which.
 */
public final class PublicHttpServer extends VertxPlatformHttpServer {

    private static final Logger LOG = LoggerFactory.getLogger(PublicHttpServer.class);

    /** The requests served carry a token and at most a short form; nothing larger is read. */
    private static final long MAX_BODY_BYTES = 16 * 1024;

    private PublicHttpServer(VertxPlatformHttpServerConfiguration configuration) {
        super(configuration);
    }

    /** Adds the server and binds the bean the unsubscribe routes call ({@code unsubscribePages}). */
    public static void install(CamelContext context, OutreachConfig config) {
        var configuration = new VertxPlatformHttpServerConfiguration();
        configuration.setBindHost(config.get("outreach.http.bind"));
        configuration.setBindPort(config.getInt("outreach.http.port"));
        configuration.setMaxBodySize(MAX_BODY_BYTES);
        // Nobody uploads files here; without this a multipart request would write them to disk.
        configuration.getBodyHandler().setHandleFileUploads(false);

        SmtpSettings smtp = SmtpSettings.from(config);
        context.getRegistry().bind("unsubscribePages", new UnsubscribePages(tokens(smtp), smtp.fromName()));
        try {
            // started with the context, before the routes' consumers look its router up; stopped after them
            context.addService(new PublicHttpServer(configuration));
        } catch (Exception e) {
            throw new IllegalStateException("cannot add the public HTTP server: " + e.getMessage(), e);
        }
    }

    /** The signer of unsubscribe links, or null (every link answers 503) when the secret is unset or too short. */
    private static UnsubscribeTokens tokens(SmtpSettings smtp) {
        if (smtp.unsubscribeSecret().isBlank()) {
            LOG.warn("No unsubscribe secret is set: unsubscribe links answer 503 until OUTREACH_UNSUBSCRIBE_SECRET is set"
                    + " (at least {} random characters)", UnsubscribeTokens.MIN_SECRET_BYTES);
            return null;
        }
        try {
            return smtp.unsubscribeTokens();
        } catch (IllegalArgumentException tooShort) {
            LOG.warn("Unsubscribe links answer 503: {}", tooShort.getMessage());
            return null;
        }
    }

    @Override
    protected void startServer() throws Exception {
        super.startServer();
        LOG.info("Public HTTP server listening on http://{}:{} (unsubscribe links /u/{token})", hostForUrl(getHost()), getPort());
    }

    private static String hostForUrl(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }
}

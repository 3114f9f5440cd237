package dev.outreachpipeline.http;

import dev.outreachpipeline.config.OutreachConfig;
import org.apache.camel.CamelContext;

/** The daemon's public HTTP endpoints (unsubscribe). Work in progress: nothing is served yet. */
public final class PublicHttpServer {

    private PublicHttpServer() {
    }

    public static void install(CamelContext context, OutreachConfig config) {
        // filled in by the unsubscribe endpoint
    }
}

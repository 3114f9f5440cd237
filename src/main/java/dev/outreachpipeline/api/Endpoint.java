package dev.outreachpipeline.api;

import io.vertx.ext.web.RoutingContext;
import java.sql.SQLException;

/** One API operation: reads the request, works (on a worker thread, it may block on the database), answers. */
@FunctionalInterface
interface Endpoint {
    Answer answer(RoutingContext ctx) throws SQLException;
}

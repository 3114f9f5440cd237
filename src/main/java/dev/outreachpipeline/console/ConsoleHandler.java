package dev.outreachpipeline.console;

import io.vertx.ext.web.RoutingContext;
import java.sql.SQLException;

/**
 * One console page or form: reads the request, does its work on a worker thread and says what to
 * answer. Login, CSRF, flash messages and the layout are {@link ConsoleRouter}'s.
 */
@FunctionalInterface
public interface ConsoleHandler {

    ConsoleReply handle(RoutingContext ctx) throws SQLException;
}

package dev.outreachpipeline.console;

import dev.outreachpipeline.api.JsonAnswers;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * The gate in front of every {@code /api/v1} route: {@code Authorization: Bearer <admin token>}, or
 * 401 (no token, or a wrong one) or 429 (too many wrong ones from this address), answered as
 * {@code {error, reasons[]}}.
 */
final class ApiAccess implements Handler<RoutingContext> {

    private static final String BEARER = "Bearer ";

    private final TokenCheck check;

    ApiAccess(TokenCheck check) {
        this.check = check;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            unauthorised(ctx, "the API needs the admin token");
            return;
        }
        switch (check.check(ctx, header.substring(BEARER.length()).trim())) {
            case RIGHT -> ctx.next();
            case WRONG -> unauthorised(ctx, "the admin token is wrong");
            case THROTTLED -> {
                ctx.response().putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(FailedLogins.WINDOW.toSeconds()));
                JsonAnswers.error(
                        ctx,
                        429,
                        "too many wrong admin tokens from this address",
                        List.of("after " + FailedLogins.LIMIT + " wrong tokens within a minute an address is refused"
                                + " until the minute is over; try again in a minute"));
            }
        }
    }

    private static void unauthorised(RoutingContext ctx, String error) {
        ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"outreach\"");
        JsonAnswers.error(
                ctx,
                401,
                error,
                List.of("send the token the daemon runs with (OUTREACH_ADMIN_TOKEN) as Authorization: Bearer <token>"));
    }
}

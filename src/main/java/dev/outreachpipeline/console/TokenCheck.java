package dev.outreachpipeline.console;

import dev.outreachpipeline.api.RequestPaths;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a presented admin token is the right one, counting wrong ones per client address
 * ({@link FailedLogins}) and logging each refusal as one INFO line that names the address and the
 * request, never the token.
 */
final class TokenCheck {

    private static final Logger LOG = LoggerFactory.getLogger(TokenCheck.class);

    /** What a presented token came to. */
    enum Outcome {
        RIGHT,
        WRONG,
        /** Too many wrong tokens from this address this minute: not even looked at. */
        THROTTLED
    }

    private final AdminToken token;
    private final FailedLogins failures;

    TokenCheck(AdminToken token, FailedLogins failures) {
        this.token = token;
        this.failures = failures;
    }

    Outcome check(RoutingContext ctx, String presented) {
        String address = address(ctx);
        if (failures.blocked(address)) {
            LOG.info(
                    "Refused {} {} from {} without looking at its token: {} wrong tokens from there within a minute",
                    ctx.request().method(),
                    RequestPaths.printable(ctx.normalizedPath()),
                    address,
                    FailedLogins.LIMIT);
            return Outcome.THROTTLED;
        }
        if (token.matches(presented)) {
            return Outcome.RIGHT;
        }
        int n = failures.failed(address);
        LOG.info(
                "Refused a wrong admin token from {} ({} {}); {} of {} allowed within a minute",
                address,
                ctx.request().method(),
                RequestPaths.printable(ctx.normalizedPath()),
                n,
                FailedLogins.LIMIT);
        return Outcome.WRONG;
    }

    /** The client's address as this listener sees it (a reverse proxy's, behind one). */
    static String address(RoutingContext ctx) {
        var remote = ctx.request().remoteAddress();
        return remote == null ? "unknown" : remote.hostAddress();
    }
}

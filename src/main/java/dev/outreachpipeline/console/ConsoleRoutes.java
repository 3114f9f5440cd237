package dev.outreachpipeline.console;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;
import io.vertx.ext.web.handler.CSRFHandler;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;

/**
 * The console's own pages: {@code GET /login}, {@code POST /login} (the admin token for a session),
 * {@code POST /logout}; the pages behind them are the {@link ConsoleSections}. Session and CSRF handling are
 * Vert.x Web's ({@link AdminRoutes} puts them in front); this class decides what each page says.
 */
final class ConsoleRoutes {

    /** The session key that marks a logged-in session: when and from where it logged in. */
    static final String LOGGED_IN = "outreach.logged-in";

    static final String LOGGED_IN_FROM = "outreach.logged-in-from";

    /** The form field the CSRF token travels in: Vert.x's CSRFHandler reads it under its header's name. */
    static final String CSRF_FIELD = CSRFHandler.DEFAULT_HEADER_NAME;

    private final ConsoleRouter pages;
    private final TokenCheck check;
    private final Clock clock;

    ConsoleRoutes(ConsoleRouter pages, TokenCheck check, Clock clock) {
        this.pages = pages;
        this.check = check;
        this.clock = clock;
    }

    static boolean loggedIn(RoutingContext ctx) {
        Session session = ctx.session();
        return session != null && session.get(LOGGED_IN) != null;
    }

    void loginPage(RoutingContext ctx) {
        if (loggedIn(ctx)) {
            ConsoleRouter.redirect(ctx, "/");
            return;
        }
        boolean loggedOut = ctx.queryParams().contains("logged-out");
        login(ctx, 200, loggedOut ? "You are logged out." : null);
    }

    void login(RoutingContext ctx) {
        String presented = ctx.request().getFormAttribute("token");
        switch (check.check(ctx, presented == null ? "" : presented.trim())) {
            case RIGHT -> {
                Session session = ctx.session();
                // a new id on login: an id planted before it (session fixation) is worth nothing after
                session.regenerateId();
                session.put(
                        LOGGED_IN,
                        Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString());
                session.put(LOGGED_IN_FROM, TokenCheck.address(ctx));
                ConsoleRouter.redirect(ctx, "/");
            }
            case WRONG -> login(ctx, 401, "That is not the admin token the daemon runs with (OUTREACH_ADMIN_TOKEN).");
            case THROTTLED -> {
                ctx.response().putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(FailedLogins.WINDOW.toSeconds()));
                login(
                        ctx,
                        429,
                        "Too many wrong tokens from this address: after " + FailedLogins.LIMIT
                                + " within a minute, logging in from here waits until the minute is over.");
            }
        }
    }

    void logout(RoutingContext ctx) {
        Session session = ctx.session();
        if (session != null) {
            session.destroy();
        }
        ConsoleRouter.redirect(ctx, "/login?logged-out");
    }

    private void login(RoutingContext ctx, int status, String message) {
        var model = new HashMap<String, Object>();
        if (message != null) {
            model.put("message", message);
        }
        pages.render(ctx, new ConsoleReply.Page(status, "login.html.ftl", model));
    }
}

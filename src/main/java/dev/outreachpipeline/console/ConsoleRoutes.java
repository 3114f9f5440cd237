package dev.outreachpipeline.console;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;
import io.vertx.ext.web.handler.CSRFHandler;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * The console's own pages: {@code GET /login}, {@code POST /login} (the admin token for a session),
 * {@code POST /logout}, and the home page {@code GET /} once logged in. Session and CSRF handling are
 * Vert.x Web's ({@link AdminRoutes} puts them in front); this class decides what each page says.
 */
final class ConsoleRoutes {

    /** The session key that marks a logged-in session: when and from where it logged in. */
    static final String LOGGED_IN = "outreach.logged-in";

    static final String LOGGED_IN_FROM = "outreach.logged-in-from";

    /** The form field the CSRF token travels in: Vert.x's CSRFHandler reads it under its header's name. */
    static final String CSRF_FIELD = CSRFHandler.DEFAULT_HEADER_NAME;

    private final ConsolePages pages;
    private final TokenCheck check;
    private final Clock clock;

    ConsoleRoutes(ConsolePages pages, TokenCheck check, Clock clock) {
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
            redirect(ctx, "/");
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
                redirect(ctx, "/");
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
        redirect(ctx, "/login?logged-out");
    }

    void home(RoutingContext ctx) {
        if (!loggedIn(ctx)) {
            redirect(ctx, "/login");
            return;
        }
        var model = new HashMap<String, Object>();
        model.put("csrf", csrf(ctx));
        model.put("csrfField", CSRF_FIELD);
        model.put("who", "the operator (admin token)");
        model.put("since", ctx.session().get(LOGGED_IN));
        model.put("from", ctx.session().get(LOGGED_IN_FROM));
        page(ctx, 200, "home.html.ftl", model);
    }

    private void login(RoutingContext ctx, int status, String message) {
        var model = new HashMap<String, Object>();
        model.put("csrf", csrf(ctx));
        model.put("csrfField", CSRF_FIELD);
        if (message != null) {
            model.put("message", message);
        }
        page(ctx, status, "login.html.ftl", model);
    }

    private void page(RoutingContext ctx, int status, String name, Map<String, ?> model) {
        ctx.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                // no frames (clickjacking), no scripts from elsewhere
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'")
                .end(pages.render(name, model));
    }

    /** The token CSRFHandler issued for this request, which every form sends back. */
    private static String csrf(RoutingContext ctx) {
        Object token = ctx.get(CSRF_FIELD);
        return token == null ? "" : token.toString();
    }

    private static void redirect(RoutingContext ctx, String to) {
        ctx.response()
                .setStatusCode(303)
                .putHeader(HttpHeaders.LOCATION, to)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end();
    }
}

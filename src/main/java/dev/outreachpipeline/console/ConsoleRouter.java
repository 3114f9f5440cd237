package dev.outreachpipeline.console;

import dev.outreachpipeline.api.RequestPaths;
import dev.outreachpipeline.config.Masking;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the console's sections add their pages and forms. Every one of them runs on a worker thread
 * (they read the database), only for a logged-in session (anyone else is sent to the login page), and
 * answers through the same few steps: the model gets the CSRF token, the navigation and the flash
 * message of the form before, the template is rendered (escaped: {@link ConsolePages}) and the answer
 * carries only its own headers. A database that cannot be read is a page saying so, never a stack trace.
 */
public final class ConsoleRouter {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleRouter.class);

    /** The session key of the one-time message a form leaves for the page it redirects to. */
    static final String FLASH = "outreach.flash";

    /** The console's sections in the order the navigation lists them: path, then label. */
    static final List<Map<String, String>> NAVIGATION = List.of(
            Map.of("path", "/", "label", "Overview", "key", "overview"),
            Map.of("path", "/review", "label", "Review", "key", "review"),
            Map.of("path", "/campaigns", "label", "Campaigns", "key", "campaigns"),
            Map.of("path", "/jobs", "label", "Jobs", "key", "jobs"),
            Map.of("path", "/sending", "label", "Sending", "key", "sending"),
            Map.of("path", "/suppressions", "label", "Suppressions", "key", "suppressions"));

    private final Router router;
    private final ConsolePages pages;
    private final ConsoleServices services;

    ConsoleRouter(Router router, ConsolePages pages, ConsoleServices services) {
        this.router = router;
        this.pages = pages;
        this.services = services;
    }

    public ConsoleServices services() {
        return services;
    }

    public void get(String path, ConsoleHandler handler) {
        router.get(path).blockingHandler(ctx -> run(ctx, handler), false);
    }

    /** A form: Vert.x Web's CSRF handler has refused it already unless it carried this console's token. */
    public void post(String path, ConsoleHandler handler) {
        router.post(path).blockingHandler(ctx -> run(ctx, handler), false);
    }

    /** Whether this request came from htmx (a fragment is answered rather than a whole page). */
    public static boolean fromHtmx(RoutingContext ctx) {
        return "true".equals(ctx.request().getHeader("HX-Request"));
    }

    private void run(RoutingContext ctx, ConsoleHandler handler) {
        if (!ConsoleRoutes.loggedIn(ctx)) {
            if (fromHtmx(ctx)) {
                // htmx follows a redirect inside the page; this header makes it load the login page instead
                ctx.response().putHeader("HX-Redirect", "/login");
            }
            redirect(ctx, "/login");
            return;
        }
        ConsoleReply reply;
        try {
            reply = handler.handle(ctx);
        } catch (SQLException e) {
            String why = Masking.maskText(e.getMessage());
            LOG.warn(
                    "Console {} {} could not read the database: {}",
                    ctx.request().method(),
                    RequestPaths.printable(ctx.normalizedPath()),
                    why);
            reply = new ConsoleReply.Page(
                    503, "error.html.ftl", Map.of("title", "The database could not be read", "reasons", List.of(why)));
        }
        send(ctx, reply);
    }

    void send(RoutingContext ctx, ConsoleReply reply) {
        if (reply instanceof ConsoleReply.Redirect r) {
            if (r.flash() != null && ctx.session() != null) {
                ctx.session().put(FLASH, r.flash());
            }
            redirect(ctx, r.to());
        } else if (reply instanceof ConsoleReply.Page p) {
            render(ctx, p);
        } else if (reply instanceof ConsoleReply.Framed f) {
            framed(ctx, f);
        }
    }

    /**
     * Third-party HTML for an iframe with {@code sandbox=""} on a console page: the policy sandboxes it
     * even when opened on its own (a unique origin, no script, no form, no top navigation), it may load
     * nothing (inline styles and data: images aside, so no tracking pixel calls out), and only this
     * console may frame it.
     */
    private static void framed(RoutingContext ctx, ConsoleReply.Framed framed) {
        ctx.response()
                .setStatusCode(200)
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("X-Frame-Options", "SAMEORIGIN")
                .putHeader("Content-Security-Policy", FRAMED_CSP)
                .end(framed.html());
    }

    static final String FRAMED_CSP =
            "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'";

    void render(RoutingContext ctx, ConsoleReply.Page page) {
        var model = new HashMap<String, Object>(page.model());
        model.put("csrf", csrf(ctx));
        model.put("csrfField", ConsoleRoutes.CSRF_FIELD);
        model.put("navigation", NAVIGATION);
        model.put("path", ctx.normalizedPath());
        Session session = ctx.session();
        if (session != null && session.get(FLASH) != null) {
            model.putIfAbsent("flash", session.remove(FLASH));
        }
        ctx.response()
                .setStatusCode(page.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "no-referrer")
                // no frames (clickjacking); scripts, styles and forms only from this console, none inline
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("Content-Security-Policy", CSP)
                // a form post makes the CSRF token new; htmx requests read it here (console.js), so the
                // page's other forms stay valid after an in-place update
                .putHeader(CSRF_HEADER, csrf(ctx))
                .end(pages.render(page.template(), model));
    }

    /** The answer's header carrying this session's current CSRF token, for the page that made the request. */
    static final String CSRF_HEADER = "X-Console-CSRF";

    static final String CSP = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none';"
            + " form-action 'self'; frame-ancestors 'none'";

    /** The token CSRFHandler issued for this request, which every form sends back. */
    static String csrf(RoutingContext ctx) {
        Object token = ctx.get(ConsoleRoutes.CSRF_FIELD);
        return token == null ? "" : token.toString();
    }

    static void redirect(RoutingContext ctx, String to) {
        ctx.response()
                .setStatusCode(303)
                .putHeader(HttpHeaders.LOCATION, to)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end();
    }
}

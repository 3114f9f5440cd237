package dev.outreachpipeline.console;

import dev.outreachpipeline.api.ApiRoutes;
import dev.outreachpipeline.api.JsonAnswers;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.CSRFHandler;
import io.vertx.ext.web.handler.SessionHandler;
import io.vertx.ext.web.sstore.LocalSessionStore;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Everything on the management listener that needs the admin token: the console ({@code /},
 * {@code /login}, {@code /logout}) and {@code /api/v1}. With no token set both answer 503 with a
 * sentence saying how to turn them on.
 *
 * <p>The console is a cookie session (HttpOnly, SameSite=Strict, Secure behind an https proxy) with
 * Vert.x Web's CSRF handler in front of every form; the API takes the token itself on each request
 * and so needs neither. Sessions live in this process's memory: a restart logs everyone out.
 */
public final class AdminRoutes {

    static final String SESSION_COOKIE = "outreach_console";
    static final Duration SESSION_IDLE = Duration.ofMinutes(30);
    /** Forms, uploaded suppression files and API bodies are small; nothing larger is read. */
    static final long MAX_BODY_BYTES = 256 * 1024;

    /** Every path but the API, health, metrics and the console's assets: the console's pages and forms. */
    private static final String CONSOLE_PATHS = "^/(?!api/|health(?:/|$)|metrics$|assets/).*";

    private static final String API = "/api/v1/*";

    private final Optional<AdminToken> token;
    private final boolean secureCookies;
    private final ApiRoutes api;
    private final ConsoleServices services;

    private AdminRoutes(Optional<AdminToken> token, boolean secureCookies, ApiRoutes api, ConsoleServices services) {
        this.token = token;
        this.secureCookies = secureCookies;
        this.api = api;
        this.services = services;
    }

    /**
     * @param token         the admin token; empty turns the console and the API off
     * @param secureCookies the cookies get the Secure flag (the console is reached over https, through a proxy)
     */
    public static AdminRoutes of(
            Optional<AdminToken> token, boolean secureCookies, ApiRoutes api, ConsoleServices services) {
        return new AdminRoutes(token, secureCookies, api, services);
    }

    public boolean enabled() {
        return token.isPresent();
    }

    public void mount(Vertx vertx, Router router) {
        if (token.isEmpty()) {
            mountOff(router);
            return;
        }
        var check = new TokenCheck(token.get(), new FailedLogins());
        var body = BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES);

        router.route(API).handler(new ApiAccess(check));
        router.route(API).handler(onlyWithBody(body));
        api.mount(router);

        var sessions = SessionHandler.create(LocalSessionStore.create(vertx))
                .setSessionCookieName(SESSION_COOKIE)
                .setCookieHttpOnlyFlag(true)
                .setCookieSameSite(CookieSameSite.STRICT)
                .setCookieSecureFlag(secureCookies)
                .setSessionTimeout(SESSION_IDLE.toMillis())
                .setNagHttps(false)
                .setLazySession(true);
        var csrf = CSRFHandler.create(vertx, randomSecret())
                .setCookieHttpOnly(true)
                .setCookieSecure(secureCookies)
                .setNagHttps(false);
        new ConsoleAssets().mount(router);
        // the console's forms may upload a file (a suppression list to import): kept in a temporary
        // folder only while its request is answered, within the same limit as every body
        var forms = BodyHandler.create(uploadsDirectory())
                .setBodyLimit(MAX_BODY_BYTES)
                .setDeleteUploadedFilesOnEnd(true);
        router.routeWithRegex(CONSOLE_PATHS).handler(sessions);
        router.routeWithRegex(CONSOLE_PATHS).handler(onlyWithBody(forms));
        router.routeWithRegex(CONSOLE_PATHS).handler(csrf);
        var sections = new ConsoleRouter(router, new ConsolePages(), services);
        var console = new ConsoleRoutes(sections, check, services.clock());
        router.get("/login").handler(console::loginPage);
        router.post("/login").handler(console::login);
        router.post("/logout").handler(console::logout);
        ConsoleSections.all().forEach(section -> section.mount(sections));
        router.errorHandler(403, AdminRoutes::refusedForm);
        router.errorHandler(413, AdminRoutes::tooLarge);
    }

    /**
     * Only requests that may carry a body go through the body handler: it refuses any other method that
     * comes with a form content type (as a client following a 303 after a POST may send), which would be
     * a 500. Not a route restricted to those methods: a path served by no GET would then be a 405, not a
     * 404.
     */
    private static Handler<RoutingContext> onlyWithBody(BodyHandler body) {
        return ctx -> {
            HttpMethod method = ctx.request().method();
            if (method == HttpMethod.POST
                    || method == HttpMethod.PUT
                    || method == HttpMethod.PATCH
                    || method == HttpMethod.DELETE) {
                body.handle(ctx);
            } else {
                ctx.next();
            }
        };
    }

    /** No token: the paths answer, but only to say how to turn them on. */
    private static void mountOff(Router router) {
        router.route(API)
                .handler(ctx -> JsonAnswers.error(
                        ctx, 503, "the API is off: OUTREACH_ADMIN_TOKEN is not set", List.of(OFF_HOW_TO)));
        router.routeWithRegex(consolePagesOff()).handler(ctx -> text(ctx, 503, "The console is off: " + OFF_HOW_TO));
    }

    /**
     * The console's own pages (its sections, login and logout), which say they are off; any other path
     * stays a 404, as it is for a daemon that serves no console.
     */
    private static String consolePagesOff() {
        var sections = new StringJoiner("|");
        sections.add("login").add("logout");
        ConsoleRouter.NAVIGATION.forEach(item -> {
            String path = item.get("path").substring(1);
            if (!path.isEmpty()) {
                sections.add(Pattern.quote(path));
            }
        });
        return "^/(?:(?:" + sections + ")(?:/.*)?)?$";
    }

    static final String OFF_HOW_TO = "set OUTREACH_ADMIN_TOKEN to at least " + AdminToken.MIN_CHARS
            + " random characters (e.g. openssl rand -base64 48) in the daemon's environment and restart it";

    /** CSRFHandler refused a form: it came without the token this console gave it, or with an old one. */
    private static void refusedForm(RoutingContext ctx) {
        text(
                ctx,
                403,
                "This form was refused: it did not carry the console's CSRF token (it was sent from another page,"
                        + " or the page was too old). Go back, reload the page and send it again.");
    }

    /** BodyHandler refused a request larger than {@link #MAX_BODY_BYTES}. */
    private static void tooLarge(RoutingContext ctx) {
        String why = "it is larger than " + MAX_BODY_BYTES / 1024 + " KB, the most the console and the API read";
        if (ctx.normalizedPath().startsWith(ApiRoutes.BASE + "/")) {
            // the API's one error shape, as every other refusal of it
            JsonAnswers.error(ctx, 413, "the request is too large", List.of(why));
        } else {
            text(ctx, 413, "This request was refused: " + why + ". Split the file and send the parts one by one.");
        }
    }

    private static String uploadsDirectory() {
        return java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "outreach-console-uploads")
                .toString();
    }

    private static void text(RoutingContext ctx, int status, String sentence) {
        ctx.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(sentence + "\n");
    }

    /** The key CSRF tokens are signed with: new at each start, like the sessions they belong to. */
    private static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}

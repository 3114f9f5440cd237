package dev.outreachpipeline.console;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.outreachpipeline.testsupport.CapturedLogs;
import dev.outreachpipeline.testsupport.CliRun;
import dev.outreachpipeline.testsupport.ManagementListener;
import dev.outreachpipeline.testsupport.TestDatabase;
import dev.outreachpipeline.testsupport.TestPostgres;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console on the management listener: logging in with the admin token for a session cookie, CSRF
 * on every form, logging out, wrong tokens refused and rate-limited without the token reaching a log,
 * and the console off (with a sentence) when no token is set.
 */
class ConsoleIT {

    static final String TOKEN = "console-test-token-0123456789abcdefghijklmnop";

    private static TestDatabase db;

    @BeforeAll
    static void migrate() {
        db = TestPostgres.migratedDatabase();
    }

    private static ManagementListener withToken() {
        return ManagementListener.start(db, "OUTREACH_ADMIN_TOKEN", TOKEN);
    }

    @Test
    void healthAndMetricsNeedNoToken() {
        try (var listener = withToken()) {
            assertThat(listener.get("/health/live").statusCode()).isEqualTo(200);
            assertThat(listener.get("/metrics").statusCode()).isEqualTo(200);
            assertThat(listener.get("/metrics").body()).contains("jvm_memory_used_bytes");
            assertThat(listener.get("/health/ready").statusCode()).isNotIn(401, 403, 404);
            HttpResponse<String> head = listener.send(listener.request("/health/live")
                    .method("HEAD", HttpRequest.BodyPublishers.noBody())
                    .build());
            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.body()).isEmpty();
            assertThat(listener.get("/health/live").body())
                    .as("the next answer on the connection")
                    .contains("UP");
            HttpResponse<String> headMetrics = listener.send(listener.request("/metrics")
                    .method("HEAD", HttpRequest.BodyPublishers.noBody())
                    .build());
            assertThat(headMetrics.statusCode()).isEqualTo(200);
            assertThat(headMetrics.body()).isEmpty();
        }
    }

    @Test
    void theLoginPageExchangesTheTokenForAnHttpOnlyStrictSessionCookieAndTheHomePageSaysWhoIsLoggedIn() {
        try (var listener = withToken()) {
            assertThat(listener.get("/").headers().firstValue("Location")).hasValue("/login");

            HttpResponse<String> page = listener.get("/login");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            assertThat(page.body()).contains("<form method=\"post\" action=\"/login\">");

            HttpResponse<String> login = listener.postForm("/login", ManagementListener.csrf(page), "token", TOKEN);
            assertThat(login.statusCode()).as(login.body()).isEqualTo(303);
            assertThat(login.headers().firstValue("Location")).hasValue("/");
            String session = login.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith(AdminRoutes.SESSION_COOKIE + "="))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no session cookie in " + login.headers()));
            // attribute names are case-insensitive (Netty writes HTTPOnly)
            assertThat(session)
                    .containsIgnoringCase("; HttpOnly")
                    .contains("SameSite=Strict")
                    .doesNotContainIgnoringCase("Secure");

            HttpResponse<String> home = listener.get("/");
            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.body())
                    .contains("Logged in as the operator (admin token)")
                    .contains("from 127.0.0.1")
                    .contains("action=\"/logout\"");
            assertThat(listener.get("/login").headers().firstValue("Location")).hasValue("/");
        }
    }

    @Test
    void behindAnHttpsProxyTheConsolesCookiesAreSecure() {
        try (var listener = ManagementListener.start(
                db, "OUTREACH_ADMIN_TOKEN", TOKEN, "OUTREACH_MANAGEMENT_BEHIND_HTTPS_PROXY", "true")) {
            // the session begins with the login page, which its CSRF token is kept in
            List<String> cookies = listener.get("/login").headers().allValues("Set-Cookie");
            assertThat(cookies)
                    .filteredOn(c -> c.startsWith(AdminRoutes.SESSION_COOKIE + "="))
                    .singleElement()
                    .satisfies(c -> assertThat(c)
                            .containsIgnoringCase("; Secure")
                            .containsIgnoringCase("; HttpOnly")
                            .contains("SameSite=Strict"));
            assertThat(cookies)
                    .filteredOn(c -> c.startsWith("XSRF-TOKEN="))
                    .singleElement()
                    .satisfies(c -> assertThat(c).containsIgnoringCase("; Secure"));
        }
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
        try (var listener = withToken()) {
            listener.get("/login");
            HttpResponse<String> noToken = listener.postForm("/login", null, "token", TOKEN);
            assertThat(noToken.statusCode()).isEqualTo(403);
            assertThat(noToken.body()).contains("CSRF token");
            assertThat(listener.get("/").statusCode()).as("not logged in").isEqualTo(303);

            HttpResponse<String> forged = listener.postForm("/login", "forged.123.abc", "token", TOKEN);
            assertThat(forged.statusCode()).isEqualTo(403);

            logIn(listener);
            HttpResponse<String> logout = listener.postForm("/logout", null);
            assertThat(logout.statusCode()).isEqualTo(403);
            assertThat(listener.get("/").statusCode()).as("still logged in").isEqualTo(200);
        }
    }

    @Test
    void logoutEndsTheSession() {
        try (var listener = withToken()) {
            HttpResponse<String> home = logIn(listener);
            HttpResponse<String> logout = listener.postForm("/logout", ManagementListener.csrf(home));
            assertThat(logout.statusCode()).isEqualTo(303);
            assertThat(logout.headers().firstValue("Location")).hasValue("/login?logged-out");
            assertThat(listener.get("/").headers().firstValue("Location")).hasValue("/login");
            assertThat(listener.get("/login?logged-out").body()).contains("You are logged out.");
        }
    }

    @Test
    void aWrongTokenGetsTheLoginPageAgainAndTenWithinAMinuteGet429WithoutTheTokenInAnyLog() {
        String wrong = "wrong-token-that-must-never-be-logged-0123456789";
        try (var logs = CapturedLogs.start();
                var listener = withToken()) {
            HttpResponse<String> page = listener.get("/login");
            for (int i = 1; i <= FailedLogins.LIMIT; i++) {
                HttpResponse<String> refused =
                        listener.postForm("/login", ManagementListener.csrf(page), "token", wrong);
                assertThat(refused.statusCode()).as("attempt %d", i).isEqualTo(401);
                assertThat(refused.body()).contains("That is not the admin token");
                page = refused;
            }
            HttpResponse<String> throttled = listener.postForm("/login", ManagementListener.csrf(page), "token", TOKEN);
            assertThat(throttled.statusCode())
                    .as("even the right token, from this address")
                    .isEqualTo(429);
            assertThat(throttled.body()).contains("Too many wrong tokens from this address");
            assertThat(throttled.headers().firstValue("Retry-After")).hasValue("60");

            assertThat(logs.lines())
                    .filteredOn(l -> l.contains("Refused a wrong admin token from 127.0.0.1 (POST /login)"))
                    .hasSize(FailedLogins.LIMIT);
            assertThat(String.join("\n", logs.lines())).doesNotContain(wrong).doesNotContain(TOKEN);
            assertThat(logs.withStackTrace()).isEmpty();
        }
    }

    @Test
    void withoutATokenTheConsoleAndTheApiAreOffAndTheDaemonSaysSoOnce() {
        try (var logs = CapturedLogs.start();
                var listener = ManagementListener.start(db)) {
            HttpResponse<String> console = listener.get("/login");
            assertThat(console.statusCode()).isEqualTo(503);
            assertThat(console.body()).startsWith("The console is off: set OUTREACH_ADMIN_TOKEN");
            HttpResponse<String> api = listener.send(listener.request("/api/v1/status")
                    .header("Authorization", "Bearer " + TOKEN)
                    .GET()
                    .build());
            assertThat(api.statusCode()).isEqualTo(503);
            assertThat(api.body()).contains("\"error\" : \"the API is off: OUTREACH_ADMIN_TOKEN is not set\"");
            assertThat(listener.get("/health/live").statusCode()).isEqualTo(200);
            assertThat(listener.get("/health").statusCode()).isEqualTo(404);

            assertThat(logs.atLeast(Level.INFO))
                    .filteredOn(e -> e.getFormattedMessage().startsWith("The console and the API are off"))
                    .singleElement()
                    .satisfies(e -> assertThat(e.getLevel()).isEqualTo(Level.INFO));
        }
    }

    @Test
    void aGetWithAFormContentTypeIsAnsweredAsAnyGet() {
        // what the JDK's client sends when it follows a 303 after a form post
        try (var listener = withToken()) {
            HttpResponse<String> page = listener.send(listener.request("/login")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .GET()
                    .build());
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            HttpResponse<String> api = listener.send(listener.request("/api/v1/status")
                    .header("Authorization", "Bearer " + TOKEN)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .GET()
                    .build());
            assertThat(api.statusCode()).as(api.body()).isEqualTo(200);
        }
    }

    @Test
    void aTokenShorterThan32CharactersStopsTheStartWithASentenceAndExit2() {
        String shortToken = "too-short-secret";
        CliRun run = CliRun.run(db.env("OUTREACH_ADMIN_TOKEN", shortToken), "run");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("'outreach.admin.token' (from environment OUTREACH_ADMIN_TOKEN) is 16 characters long;"
                        + " it must be at least 32 random characters")
                .doesNotContain(shortToken);
    }

    private static HttpResponse<String> logIn(ManagementListener listener) {
        HttpResponse<String> login =
                listener.postForm("/login", ManagementListener.csrf(listener.get("/login")), "token", TOKEN);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(303);
        HttpResponse<String> home = listener.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        return home;
    }
}

package dev.outreachpipeline.testsupport;

import dev.outreachpipeline.management.ManagementServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real browser, for a whole test class: the real daemon on a fresh migrated database of
 * the shared embedded PostgreSQL, with the admin token {@link #TOKEN}, and one headless Chromium
 * ({@link HeadlessChromium}; without one the class is skipped with a line saying how to install it).
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ConsoleBrowser console = ConsoleBrowser.onDaemon();
 *
 * @Test
 * void ...() {
 *     console.logIn();
 *     console.open("/review");
 *     console.driver().findElement(...);
 * }
 * }</pre>
 *
 * Each test starts logged out (the browser's cookies are cleared before it). When a test fails, what the
 * window showed is kept in {@code target/console-screenshots/failed-<class>-<test>.png}.
 *
 * <p>{@link #screenshot(String)} writes pictures for the documentation: to the directory the system
 * property {@code console.screenshots} names ({@code ./mvnw verify -Dconsole.screenshots=docs} refreshes
 * the ones in docs/), else to {@code target/console-screenshots}, so an ordinary run leaves the tree clean.
 */
public final class ConsoleBrowser
        implements BeforeAllCallback, BeforeEachCallback, AfterTestExecutionCallback, AfterAllCallback {

    /** The admin token the daemon runs with. */
    public static final String TOKEN = "browser-test-admin-token-0123456789abcdefghij";

    static final Path SCRATCH = Path.of("target", "console-screenshots");

    private final Function<TestDatabase, String[]> env;
    private TestDatabase db;
    private RunningDaemon daemon;
    private HeadlessChromium chromium;
    private String baseUrl;

    private ConsoleBrowser(Function<TestDatabase, String[]> env) {
        this.env = env;
    }

    /** The daemon with its default settings plus {@code env} (name, value, …). */
    public static ConsoleBrowser onDaemon(String... env) {
        return new ConsoleBrowser(db -> env);
    }

    /**
     * The daemon with settings that depend on its database or on servers other extensions start (GreenMail,
     * WireMock): {@code env} is called in {@code beforeAll}, just before the daemon starts. Give those
     * extensions a lower {@code @Order} than this one so they have started by then.
     */
    public static ConsoleBrowser onDaemon(Function<TestDatabase, String[]> env) {
        return new ConsoleBrowser(env);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // the browser first: without one the class is skipped before a daemon is started for nothing
        chromium = HeadlessChromium.start();
        db = TestPostgres.migratedDatabase();
        var all = new ArrayList<>(List.of(env.apply(db)));
        all.addAll(List.of("OUTREACH_ADMIN_TOKEN", TOKEN));
        daemon = RunningDaemon.start(db.config(all.toArray(String[]::new)), db.open(), Path.of("target"));
        baseUrl = "http://127.0.0.1:"
                + daemon.context().hasService(ManagementServer.class).getPort();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        // cookies belong to the page's origin: be on the console's before clearing them
        driver().get(url("/login"));
        driver().manage().deleteAllCookies();
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isPresent()) {
            chromium.screenshot(
                    SCRATCH.resolve("failed-" + context.getRequiredTestClass().getSimpleName() + "-"
                            + context.getRequiredTestMethod().getName() + ".png"));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        // the daemon first, then the browser, even when stopping the daemon fails
        try {
            if (daemon != null) {
                daemon.close();
            }
        } finally {
            if (chromium != null) {
                chromium.close();
            }
        }
    }

    public WebDriver driver() {
        return chromium.driver();
    }

    /** The console's address, e.g. {@code http://127.0.0.1:41234} (no trailing slash). */
    public String baseUrl() {
        return baseUrl;
    }

    public String url(String path) {
        return baseUrl + path;
    }

    /** The database the daemon runs on: seed rows into it, read what the console did. */
    public TestDatabase database() {
        return db;
    }

    public RunningDaemon daemon() {
        return daemon;
    }

    /** A wait on the browser (instead of sleeping). */
    public WebDriverWait await() {
        return chromium.await();
    }

    /** Goes to a console page. */
    public void open(String path) {
        driver().get(url(path));
    }

    /** Logs in through the login form with {@link #TOKEN} and waits for the home page. */
    public void logIn() {
        submitLogin(TOKEN);
        await().until(ExpectedConditions.urlToBe(url("/")));
    }

    /** Fills the login form with {@code token} and submits it; says nothing about the outcome. */
    public void submitLogin(String token) {
        open("/login");
        var field = driver().findElement(By.name("token"));
        field.sendKeys(token);
        field.submit();
    }

    /** Logs out with the header's form and waits for the login page that says so. */
    public void logOut() {
        driver().findElement(By.cssSelector("form[action='/logout'] [type=submit]"))
                .click();
        await().until(ExpectedConditions.urlToBe(url("/login?logged-out")));
    }

    /**
     * A picture of the window for the documentation, e.g. {@code screenshot("console-review.png")}: into
     * the directory {@code -Dconsole.screenshots=…} names (docs to refresh docs/), else into
     * target/console-screenshots.
     */
    public Path screenshot(String fileName) {
        String dir = System.getProperty("console.screenshots", "");
        return chromium.screenshot((dir.isBlank() ? SCRATCH : Path.of(dir)).resolve(fileName));
    }
}

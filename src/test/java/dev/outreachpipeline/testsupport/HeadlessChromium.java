package dev.outreachpipeline.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by its own chromedriver through Selenium. Both binaries are found
 * on the PATH (or in /usr/bin) and handed to Selenium by path, so Selenium Manager never runs and nothing
 * is downloaded. When either is missing, {@link #start} aborts the calling tests (JUnit reports them as
 * skipped) with one line saying how to install them, and prints that line once to stderr so it shows in
 * the Maven log too.
 */
public final class HeadlessChromium implements AutoCloseable {

    /** Every wait for the page (elements, navigations) gives up after this long. */
    public static final Duration WAIT = Duration.ofSeconds(20);

    static final String NOT_FOUND = "Chromium not found: install it with `apt-get install -y chromium chromium-driver`"
            + " (Debian; .ci/run does this when it runs as root); the browser tests are skipped.";

    private static final AtomicBoolean SAID_NOT_FOUND = new AtomicBoolean();

    private final ChromeDriver driver;

    private HeadlessChromium(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Starts a headless Chromium with a fixed 1280×900 window, or aborts the tests when there is none. */
    public static HeadlessChromium start() {
        Optional<Path> browser = find("chromium", "chromium-browser");
        Optional<Path> chromedriver = find("chromedriver");
        if (browser.isEmpty() || chromedriver.isEmpty()) {
            if (SAID_NOT_FOUND.compareAndSet(false, true)) {
                System.err.println(NOT_FOUND);
            }
            Assumptions.abort(NOT_FOUND);
        }
        var options = new ChromeOptions()
                .setBinary(browser.get().toFile())
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-dev-shm-usage",
                        "--window-size=1280,900",
                        // deterministic pictures and no calls home
                        "--force-device-scale-factor=1",
                        "--hide-scrollbars",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update");
        // an explicit driver executable: Selenium asks Selenium Manager (which downloads) only without one
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.get().toFile())
                .usingAnyFreePort()
                .withSilent(true)
                .build();
        return new HeadlessChromium(new ChromeDriver(service, options));
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** A wait on this browser; use it instead of sleeping. */
    public WebDriverWait await() {
        return new WebDriverWait(driver, WAIT);
    }

    /** Writes what the window shows now as a PNG to {@code file}, creating its directory. */
    public Path screenshot(Path file) {
        // the whole page, not only the window: the window grows to the page's height for the picture
        Dimension window = driver.manage().window().getSize();
        Object height = ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight;");
        driver.manage()
                .window()
                .setSize(new Dimension(window.getWidth(), Math.max(window.getHeight(), ((Number) height).intValue())));
        byte[] png;
        try {
            png = driver.getScreenshotAs(OutputType.BYTES);
        } finally {
            driver.manage().window().setSize(window);
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            return Files.write(file, png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }

    /** The first of {@code names} on the PATH, else in /usr/bin. */
    static Optional<Path> find(String... names) {
        var dirs = new ArrayList<Path>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isBlank()) {
                    dirs.add(Path.of(dir));
                }
            }
        }
        dirs.add(Path.of("/usr/bin"));
        for (String name : names) {
            for (Path dir : List.copyOf(dirs)) {
                Path candidate = dir.resolve(name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}

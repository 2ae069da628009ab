package dev.portallinks.faces.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium through its ChromeDriver (no browser download), one per test class; a failing test
 * leaves a screenshot and the page source in {@code target/screenshots}. Register it as a static
 * {@code @RegisterExtension} field. Shared with the demo's end-to-end tests through this module's test jar.
 */
public final class Browser implements TestWatcher, AfterAllCallback {

    private WebDriver driver;

    /** @return the driver, started on first use */
    public WebDriver driver() {
        if (driver == null) {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(System.getProperty("it.chromium", "/usr/bin/chromium"));
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic", "--window-size=1280,1024",
                    "--user-data-dir=" + temporaryProfile());
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of(System.getProperty("it.chromedriver", "/usr/bin/chromedriver")).toFile())
                    .usingAnyFreePort().build();
            driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        }
        return driver;
    }

    /**
     * Opens a page and waits until its element {@code title} is there.
     *
     * @param url the page
     * @return the driver, on that page
     */
    public WebDriver open(String url) {
        WebDriver browser = driver();
        browser.get(url);
        waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("title")));
        return browser;
    }

    /**
     * A wait of up to 15 s that asks again when Chromium aborts a lookup while a click navigates ("aborted by
     * navigation").
     *
     * @param browser the driver
     * @return the wait
     */
    public static WebDriverWait waitFor(WebDriver browser) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.ignoring(WebDriverException.class);
        return wait;
    }

    private static String temporaryProfile() {
        try {
            return Files.createTempDirectory("portal-links-chromium").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (driver == null) {
            return;
        }
        try {
            String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
            Path screenshot = screenshot(name);
            Files.writeString(screenshot.resolveSibling(name + ".html"), Optional.ofNullable(driver.getPageSource()).orElse(""));
        } catch (IOException | RuntimeException screenshotFailed) {
            cause.addSuppressed(screenshotFailed);
        }
    }

    /**
     * Saves a screenshot of the current page in {@code target/screenshots} (system property {@code it.screenshots}).
     *
     * @param name the file name without extension
     * @return the PNG file
     * @throws IOException when it cannot be written
     */
    public Path screenshot(String name) throws IOException {
        Path folder = Files.createDirectories(Path.of(System.getProperty("it.screenshots", "target/screenshots")));
        return Files.write(folder.resolve(name + ".png"), ((TakesScreenshot) driver()).getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }
}

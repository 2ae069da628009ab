package dev.portallinks.demo.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portallinks.faces.it.Browser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The demo server the build started on the embedded simulator, for the browser tests: its address, plain HTTP
 * requests, the simulator's fault mode, the screenshots README shows and, registered as a static
 * {@code @RegisterExtension} field, a headless browser on it for the test class ({@link Browser}: a failing test leaves
 * a screenshot and the page source), with the simulator answering like Paddle before and after each test.
 */
final class DemoServer implements BeforeEachCallback, AfterEachCallback, TestWatcher, AfterAllCallback {

    /** The demo's root, e.g. {@code http://localhost:9080/}. */
    static final String URL = System.getProperty("demo.url", "http://localhost:9080/");

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
            .build();

    private final Browser browser = new Browser();

    /** @return the class's browser, started on first use */
    WebDriver driver() {
        return browser.driver();
    }

    /**
     * Opens a Faces page of the demo and waits until its element {@code title} is there.
     *
     * @param path the page below the demo's root, e.g. {@code ?lang=en}
     * @return the browser, on that page
     */
    WebDriver open(String path) {
        return browser.open(URL + path);
    }

    /**
     * Opens a page of the demo and waits until it is ready.
     *
     * @param path the page below the demo's root, e.g. {@code spa.html}
     * @param ready what shows that the page is ready, e.g. that its script has rendered the subscriptions
     * @return the browser, on that page
     */
    WebDriver open(String path, ExpectedCondition<?> ready) {
        WebDriver driver = driver();
        driver.get(URL + path);
        waitFor(driver).until(ready);
        return driver;
    }

    /**
     * A wait of up to 15 s, as {@link Browser#waitFor} makes it.
     *
     * @param driver the browser
     * @return the wait
     */
    static WebDriverWait waitFor(WebDriver driver) {
        return Browser.waitFor(driver);
    }

    /**
     * Saves a screenshot of the current page in {@code target/screenshots}.
     *
     * @param name the file name without extension
     * @return the PNG file
     * @throws IOException when it cannot be written
     */
    Path screenshot(String name) throws IOException {
        return browser.screenshot(name);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        simulatorMode("NORMAL");
    }

    @Override
    public void afterEach(ExtensionContext context) {
        simulatorMode("NORMAL");
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        browser.testFailed(context, cause);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        browser.afterAll(context);
    }

    /**
     * Sends a request without a body.
     *
     * @param method the method
     * @param path the path below the demo's root
     * @return the answer
     */
    static HttpResponse<String> send(String method, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(URL + path)).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Switches the embedded simulator's fault mode ({@code POST simulator/admin/mode/{mode}}).
     *
     * @param mode NORMAL, SLOW, SERVER_ERROR or RATE_LIMITED
     */
    static void simulatorMode(String mode) {
        assertThat(send("POST", "simulator/admin/mode/" + mode).statusCode()).as("switching the simulator to " + mode).isEqualTo(204);
    }

    /**
     * How many listings the embedded simulator has received ({@code GET simulator/admin/listings}).
     *
     * @return the count of {@code GET /subscriptions} requests, every page counted
     */
    static long simulatorListings() {
        HttpResponse<String> answer = send("GET", "simulator/admin/listings");
        assertThat(answer.statusCode()).as("the simulator's listing count").isEqualTo(200);
        return Long.parseLong(answer.body().strip());
    }

    /**
     * Copies a screenshot to the folder README's images live in, when the build names one ({@code -Ddemo.screenshot.dir}).
     *
     * @param screenshot the screenshot just taken
     * @param fileName its name there, e.g. {@code billing-page.png}
     * @throws IOException when it cannot be copied
     */
    static void saveForReadme(Path screenshot, String fileName) throws IOException {
        String docs = System.getProperty("demo.screenshot.dir", "");
        if (!docs.isBlank()) {
            Files.copy(screenshot, Files.createDirectories(Path.of(docs)).resolve(fileName), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}

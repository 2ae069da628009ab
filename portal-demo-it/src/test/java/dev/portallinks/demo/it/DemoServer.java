package dev.portallinks.demo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * The demo server the build started on the embedded simulator, for the browser tests: its address, plain HTTP
 * requests, the simulator's fault mode, and the screenshots README shows.
 */
final class DemoServer {

    /** The demo's root, e.g. {@code http://localhost:9080/}. */
    static final String URL = System.getProperty("demo.url", "http://localhost:9080/");

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
            .build();

    private DemoServer() {
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

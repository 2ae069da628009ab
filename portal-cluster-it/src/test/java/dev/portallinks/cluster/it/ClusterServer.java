package dev.portallinks.cluster.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One of the two Liberty servers the build started, called over HTTP on 127.0.0.1, and its {@code messages.log}.
 *
 * @param name {@code A} or {@code B}
 * @param url the test application's root, e.g. {@code http://127.0.0.1:port/cluster/}
 * @param logs the server's log directory
 */
record ClusterServer(String name, String url, Path logs) {

    static final ClusterServer A = of("A", "a");
    static final ClusterServer B = of("B", "b");

    /** A line of messages.log that the library's shared state logged at WARNING (Liberty's level column: W). */
    private static final Pattern SHARED_STATE_WARNING = Pattern.compile(".*\\sdev\\.portallinks\\.impl\\.cluster\\.SharedState\\s+W\\s.*");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private static ClusterServer of(String name, String property) {
        return new ClusterServer(name, System.getProperty("cluster." + property + ".url"), Path.of(System.getProperty("cluster." + property + ".logs")));
    }

    /**
     * A customer's click on a page this server serves.
     *
     * @param customer the customer
     * @return {@code {"link": …}} or {@code {"error": …, "retryAt": …}}
     */
    JsonObject click(String customer) {
        return json(send("POST", "api/click?customer=" + URLEncoder.encode(customer, StandardCharsets.UTF_8)));
    }

    /** @return whether a click for this customer gave a link */
    boolean linkFor(String customer) {
        return click(customer).containsKey("link");
    }

    /** @return how many members the server's Hazelcast member sees (0 when it has none running) */
    int clusterSize() {
        return json(send("GET", "api/member")).getInt("members");
    }

    /** Stops the server's Hazelcast member as a crash would. */
    void stopMember() {
        int stopped = json(send("POST", "api/member/stop")).getInt("stopped");
        if (stopped != 1) {
            throw new AssertionError("server " + name + " stopped " + stopped + " Hazelcast members, not 1");
        }
    }

    /** @return the server's messages.log as it is now */
    String messages() {
        try {
            return Files.readString(logs.resolve("messages.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the WARNING lines of the library's shared state (an outage each) in messages.log */
    List<String> sharedStateWarnings() {
        return messages().lines().filter(line -> SHARED_STATE_WARNING.matcher(line).matches()).toList();
    }

    @Override
    public String toString() {
        return "server " + name;
    }

    private HttpResponse<String> send(String method, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response;
        try {
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (response.statusCode() != 200) {
            throw new AssertionError(this + " answered HTTP " + response.statusCode() + " to " + method + " " + path + ": " + response.body());
        }
        return response;
    }

    private static JsonObject json(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }
}

package dev.portallinks.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;

/** Calls the probe resource in the test WAR, which drives the injected PortalLinkService, and reads its JSON. */
public final class Probe {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    /**
     * Creates a probe client.
     *
     * @param deploymentUrl the deployment's base URL from Arquillian
     */
    public Probe(URL deploymentUrl) {
        String url = deploymentUrl.toString();
        this.base = (url.endsWith("/") ? url : url + "/") + "probe/";
    }

    /**
     * Builds a query string.
     *
     * @param pairs name, value, name, value…
     * @return the query, without '?'
     */
    public static String query(String... pairs) {
        StringJoiner query = new StringJoiner("&");
        for (int i = 0; i < pairs.length; i += 2) {
            query.add(pairs[i] + "=" + URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return query.toString();
    }

    /**
     * POSTs to the probe and waits for its answer.
     *
     * @param path e.g. {@code session}
     * @param query the query string
     * @return the JSON answer
     */
    public JsonObject post(String path, String query) {
        return postAsync(path, query).join();
    }

    /**
     * POSTs to the probe without waiting.
     *
     * @param path e.g. {@code session}
     * @param query the query string
     * @return the answer, later
     */
    public CompletableFuture<JsonObject> postAsync(String path, String query) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path + "?" + query)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(Probe::parse);
    }

    /**
     * GETs from the probe.
     *
     * @param path e.g. {@code subscriptions}
     * @param query the query string
     * @return the JSON answer
     */
    public JsonObject get(String path, String query) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path + "?" + query)).timeout(Duration.ofSeconds(30)).GET().build();
        try {
            return parse(http.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject parse(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new AssertionError("probe answered HTTP " + response.statusCode() + ": " + response.body());
        }
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }
}

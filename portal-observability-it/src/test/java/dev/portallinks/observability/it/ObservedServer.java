package dev.portallinks.observability.it;

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
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.StringJoiner;

/**
 * The test application on the server the build started ({@code obs.url}), called over HTTP on 127.0.0.1. Each
 * call carries a W3C {@code traceparent} of a span of the test's own, so the test knows the trace and the parent of
 * the server's span for it.
 */
final class ObservedServer {

    /** The customer the tests ask about. */
    static final String CUSTOMER = "ctm_01gysfvfy7vqhpzkq8rjmrq7an";
    /** The key the server was given (server.env); never to be seen in a span, a metric or a log. */
    static final String API_KEY = System.getProperty("obs.api-key");

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A call the test made: the trace it started, its own span in it (the caller of the server), and the answer. */
    record Traced(String traceId, String callerSpanId, JsonObject answer) {
    }

    private ObservedServer() {
    }

    /**
     * Calls the test resource in a new trace.
     *
     * @param method GET or POST
     * @param path e.g. {@code link}
     * @param pairs query parameters: name, value, name, value…
     * @return the trace and the answer
     */
    static Traced call(String method, String path, String... pairs) {
        String traceId = HexFormat.of().formatHex(bytes(16));
        String callerSpanId = HexFormat.of().formatHex(bytes(8));
        StringJoiner query = new StringJoiner("&");
        for (int i = 0; i < pairs.length; i += 2) {
            query.add(pairs[i] + "=" + URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(System.getProperty("obs.url") + "api/portal/" + path + "?" + query))
                .timeout(Duration.ofSeconds(30)).header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new AssertionError("the test resource answered HTTP " + response.statusCode() + ": " + response.body());
        }
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return new Traced(traceId, callerSpanId, reader.readObject());
        }
    }

    /**
     * GETs a URL on the server.
     *
     * @param url the URL
     * @return the body, after checking for 200
     */
    static String get(String url) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build());
        if (response.statusCode() != 200) {
            throw new AssertionError(url + " answered HTTP " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}

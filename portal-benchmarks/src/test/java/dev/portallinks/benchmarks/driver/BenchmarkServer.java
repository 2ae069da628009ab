package dev.portallinks.benchmarks.driver;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;

/** The benchmark WAR on the managed Liberty, seen from the driver: its endpoints over HTTP on 127.0.0.1. */
final class BenchmarkServer {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    BenchmarkServer(int port, String contextRoot) {
        this.base = "http://127.0.0.1:" + port + "/" + contextRoot + "/";
    }

    /** Waits (at most {@code seconds}) until the application answers. */
    void awaitReady(int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                if (send(HttpRequest.newBuilder(URI.create(base + "bench/ping")).timeout(Duration.ofSeconds(5)).GET().build()).statusCode() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the benchmark application did not answer within " + seconds + " s");
    }

    /** One bounded load round inside the server. */
    JsonObject load(String implementation, Map<String, Object> parameters) {
        StringJoiner query = new StringJoiner("&", "?impl=" + implementation + "&", "");
        parameters.forEach((name, value) -> query.add(name + "=" + value));
        long maxMillis = ((Number) parameters.getOrDefault("maxMillis", 1000)).longValue();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "bench/load" + query)).timeout(Duration.ofMillis(maxMillis + 60_000))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        return json(send(request));
    }

    JsonObject info() {
        return json(send(HttpRequest.newBuilder(URI.create(base + "bench/info")).timeout(Duration.ofSeconds(30)).GET().build()));
    }

    JsonObject heap() {
        return json(send(HttpRequest.newBuilder(URI.create(base + "bench/heap")).timeout(Duration.ofSeconds(60)).GET().build()));
    }

    /** @return the duration of one call to the plain endpoint, in microseconds; negative when it failed */
    double ping() {
        long started = System.nanoTime();
        try {
            HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(base + "bench/ping")).timeout(Duration.ofSeconds(10)).GET().build());
            return answer.statusCode() == 200 ? (System.nanoTime() - started) / 1000.0 : -1;
        } catch (UncheckedIOException failed) {
            return -1;
        }
    }

    /** GETs a page (a fresh session each time, as a first visit), returning its body. */
    String page(String name) {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(base + name)).timeout(Duration.ofSeconds(30)).GET().build());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(name + " answered HTTP " + answer.statusCode());
        }
        return answer.body();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", interrupted);
        }
    }

    private static JsonObject json(HttpResponse<String> answer) {
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("benchmark endpoint answered HTTP " + answer.statusCode() + ": " + answer.body());
        }
        try (JsonReader reader = Json.createReader(new StringReader(answer.body()))) {
            return reader.readObject();
        }
    }
}

package dev.portallinks.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Reads the test server's MicroProfile Health endpoints, at {@code it.health.url} (the build knows where each server
 * serves them: WildFly on its management port). They are server-wide and aggregate the checks of every deployed
 * application; the tests deploy one application at a time.
 */
public final class HealthEndpoint {

    /** HTTP/1.1: Liberty's h2c upgrade would truncate the bodies. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
            .build();

    /**
     * One answer of a health endpoint.
     *
     * @param httpStatus the HTTP status: 200 when UP, 503 when DOWN
     * @param body the body as sent
     * @param json the body, parsed
     */
    public record Answer(int httpStatus, String body, JsonObject json) {

        /** @return the overall status, {@code UP} or {@code DOWN} */
        public String status() {
            return json.getString("status");
        }

        /**
         * Returns the one check with the given name.
         *
         * @param name the check's name
         * @return the check: name, status and data
         * @throws AssertionError when there is not exactly one check of that name
         */
        public JsonObject check(String name) {
            List<JsonObject> named = json.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                    .filter(check -> name.equals(check.getString("name"))).toList();
            if (named.size() != 1) {
                throw new AssertionError(named.size() + " checks named " + name + " in " + body);
            }
            return named.get(0);
        }

        /**
         * Returns the data of the one check with the given name.
         *
         * @param name the check's name
         * @return its data, empty when it has none
         */
        public JsonObject data(String name) {
            JsonObject check = check(name);
            return check.containsKey("data") && check.get("data").getValueType() == JsonValue.ValueType.OBJECT ? check.getJsonObject("data")
                    : JsonValue.EMPTY_JSON_OBJECT;
        }
    }

    private HealthEndpoint() {
    }

    /** @return the answer of {@code /health/ready} */
    public static Answer ready() {
        return get("ready");
    }

    /** @return the answer of {@code /health/live} */
    public static Answer live() {
        return get("live");
    }

    private static Answer get(String kind) {
        URI uri = URI.create(TestServer.healthUrl() + "/" + kind);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Accept", "application/json").GET().build();
        HttpResponse<String> response;
        try {
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return new Answer(response.statusCode(), response.body(), reader.readObject());
        }
    }
}

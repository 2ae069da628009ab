package dev.portallinks.impl.paddle;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/**
 * Loads Paddle's fixtures (copied by the pom to {@code paddle-fixtures/} on the test classpath) and maps them with
 * the same JSON-B implementation Liberty uses (Yasson).
 */
final class PaddleFixtures {

    /** Shared: Jsonb instances are thread-safe and costly to create. */
    static final Jsonb JSONB = JsonbBuilder.create();

    private PaddleFixtures() {
    }

    /** Returns a fixture's text. */
    static String text(String file) {
        URL resource = PaddleFixtures.class.getClassLoader().getResource("paddle-fixtures/" + file);
        if (resource == null) {
            throw new IllegalStateException("fixture paddle-fixtures/" + file + " is not on the test classpath");
        }
        try (InputStream in = resource.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Maps a fixture into a wire class, as the Rest Client does. */
    static <T> T read(String file, Class<T> type) {
        return JSONB.fromJson(text(file), type);
    }

    /** Parses JSON text into a JSON-P value, for comparing documents regardless of formatting. */
    static JsonValue parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }
}

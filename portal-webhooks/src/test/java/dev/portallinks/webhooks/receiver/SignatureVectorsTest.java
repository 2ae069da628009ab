package dev.portallinks.webhooks.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every signature vector of Paddle's SDKs (paddle-fixtures/webhooks/*.vector.json, see SOURCES.md there) gives its
 * expected verdict, with the verifier's default bounds (5 s both ways) and the clock fixed at the vector's {@code now}, or
 * at its timestamp where the SDK test switched the time check off.
 */
class SignatureVectorsTest {

    private static final Pattern TIMESTAMP = Pattern.compile("ts=(\\d+)");

    static Stream<Path> vectors() throws IOException, URISyntaxException {
        Path folder = Path.of(SignatureVectorsTest.class.getResource("/paddle-fixtures/webhooks/SOURCES.md").toURI()).getParent();
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".vector.json")).sorted().toList().stream();
        }
    }

    @Test
    void theVectorsAreThere() throws Exception {
        assertThat(vectors()).hasSizeGreaterThanOrEqualTo(21);
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void eachVectorGivesItsExpectedVerdict(Path file) throws IOException {
        JsonObject vector = read(file);
        String header = vector.getString("header");
        byte[] body = vector.containsKey("body_file") ? Files.readAllBytes(file.resolveSibling(vector.getString("body_file")))
                : vector.getString("body").getBytes(StandardCharsets.UTF_8);
        List<byte[]> secrets = vector.containsKey("secrets")
                ? vector.getJsonArray("secrets").getValuesAs(JsonString.class).stream().map(s -> s.getString().getBytes(StandardCharsets.UTF_8)).toList()
                : List.of(vector.getString("secret").getBytes(StandardCharsets.UTF_8));
        SignatureVerifier verifier = new SignatureVerifier(secrets, Duration.ofSeconds(5), Duration.ofSeconds(5), Clock.fixed(now(vector, header), ZoneOffset.UTC));

        SignatureVerifier.Verdict verdict = verifier.verify(header, body, body.length);

        assertThat(verdict == SignatureVerifier.Verdict.VALID ? "valid" : "invalid").as(file.getFileName() + " (" + verdict + ")")
                .isEqualTo(vector.getString("expected"));
    }

    private static Instant now(JsonObject vector, String header) {
        if (vector.get("now").getValueType() == JsonValue.ValueType.NUMBER) {
            return Instant.ofEpochSecond(vector.getJsonNumber("now").longValueExact());
        }
        Matcher timestamp = TIMESTAMP.matcher(header);
        return timestamp.find() ? Instant.ofEpochSecond(Long.parseLong(timestamp.group(1))) : Instant.EPOCH;
    }

    private static JsonObject read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); JsonReader reader = Json.createReader(in)) {
            return reader.readObject();
        }
    }
}

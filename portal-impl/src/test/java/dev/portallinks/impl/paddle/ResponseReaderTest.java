package dev.portallinks.impl.paddle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portallinks.api.PaddleOperation;
import dev.portallinks.api.UnexpectedPaddleResponseException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

// Paddle's timestamps read without a DateTimeFormatter give exactly what OffsetDateTime.parse gives, and everything
// the fast reader does not take is left to OffsetDateTime.parse, whose verdict stands.
class ResponseReaderTest {

    private final ResponseReader reader = new ResponseReader(PaddleOperation.CREATE_PORTAL_SESSION, null);

    private static Instant slow(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notRfc3339) {
            return null;
        }
    }

    private Instant read(String text) {
        try {
            return reader.instant("data.created_at", text);
        } catch (UnexpectedPaddleResponseException refused) {
            return null;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-10-25T06:53:58Z", "2024-10-25T06:53:58.1Z", "2024-10-25T06:53:58.123456Z", "2024-10-25T06:53:58.123456789Z",
        "2024-02-29T23:59:59Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z"})
    void paddlesFormIsReadWithoutAFormatterAndAsTheFormatterReadsIt(String text) {
        assertThat(ResponseReader.canonicalInstant(text)).isNotNull().isEqualTo(slow(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-29T00:00:00Z", "2024-13-01T00:00:00Z", "2024-04-31T00:00:00Z", "2024-10-25T24:00:00Z", "2024-10-25T06:60:00Z",
        "2024-10-25T23:59:60Z", "2024-10-25T06:53:58.Z", "2024-10-25T06:53:58.1234567890Z", "2024-10-25 06:53:58Z", "2024-10-25T06:53:58z",
        "2024-10-25T06:53:58+02:00", "+2024-10-25T06:53:58Z", "2024-1-25T06:53:58Z", "２０２４-10-25T06:53:58Z", "2024-10-25T06:53:5aZ"})
    void anythingElseIsLeftToTheFormatter(String text) {
        assertThat(ResponseReader.canonicalInstant(text)).isNull();
        assertThat(read(text)).isEqualTo(slow(text));
    }

    @Test
    void generatedTimestampsGetTheFormattersVerdict() {
        Random random = new Random(7);
        String digits = "0123456789";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder(String.format("%04d-%02d-%02dT%02d:%02d:%02d", random.nextInt(10_000), random.nextInt(14),
                    random.nextInt(33), random.nextInt(26), random.nextInt(62), random.nextInt(62)));
            int fraction = random.nextInt(12) - 1;
            if (fraction >= 0) {
                text.append('.');
                for (int d = 0; d < fraction; d++) {
                    text.append(digits.charAt(random.nextInt(10)));
                }
            }
            text.append(random.nextInt(10) == 0 ? "+01:00" : "Z");

            assertThat(read(text.toString())).as(text.toString()).isEqualTo(slow(text.toString()));
        }
    }
}

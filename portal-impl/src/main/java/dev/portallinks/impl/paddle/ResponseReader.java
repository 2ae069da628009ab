package dev.portallinks.impl.paddle;

import dev.portallinks.api.PaddleOperation;
import dev.portallinks.api.UnexpectedPaddleResponseException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * Reads fields of one Paddle answer; anything missing or malformed becomes an
 * {@link UnexpectedPaddleResponseException} naming the field (never a NullPointerException).
 */
final class ResponseReader {

    private final PaddleOperation operation;
    private final String requestId;

    ResponseReader(PaddleOperation operation, String requestId) {
        this.operation = operation;
        this.requestId = requestId;
    }

    UnexpectedPaddleResponseException fail(String problem) {
        return new UnexpectedPaddleResponseException(operation, problem, requestId, null);
    }

    <T> T required(String field, T value) {
        if (value == null) {
            throw fail(field + " is missing");
        }
        return value;
    }

    /** Converts a present field with a value type's factory; the factory's validation message is kept. */
    <T> T convert(String field, String value, Function<String, T> factory) {
        required(field, value);
        try {
            return factory.apply(value);
        } catch (IllegalArgumentException invalid) {
            throw fail(field + ": " + invalid.getMessage());
        }
    }

    Instant instant(String field, String value) {
        return convert(field, value, text -> {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException notRfc3339) {
                throw new IllegalArgumentException("\"" + text + "\" is not an RFC 3339 date-time", notRfc3339);
            }
        });
    }
}

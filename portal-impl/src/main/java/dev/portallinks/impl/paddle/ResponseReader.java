package dev.portallinks.impl.paddle;

import dev.portallinks.api.PaddleOperation;
import dev.portallinks.api.UnexpectedPaddleResponseException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import java.util.function.Supplier;

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
        return convert(() -> field, value, factory);
    }

    /** As {@link #convert(String, String, Function)}, with the field's name built only when the value fails. */
    <T> T convert(Supplier<String> field, String value, Function<String, T> factory) {
        if (value == null) {
            throw fail(field.get() + " is missing");
        }
        try {
            return factory.apply(value);
        } catch (IllegalArgumentException invalid) {
            throw fail(field.get() + ": " + invalid.getMessage());
        }
    }

    Instant instant(String field, String value) {
        Instant canonical = value == null ? null : canonicalInstant(value);
        if (canonical != null) {
            return canonical;
        }
        return convert(field, value, text -> {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException notRfc3339) {
                throw new IllegalArgumentException("\"" + text + "\" is not an RFC 3339 date-time", notRfc3339);
            }
        });
    }

    /**
     * Reads the form Paddle sends, {@code 2024-10-25T06:53:58.123456Z} (UTC, 0 to 9 fraction digits), without a
     * {@code DateTimeFormatter}, which costs microseconds per call.
     *
     * @param text the value
     * @return the instant, or null when the text has another form (an offset, say) or an impossible field: then
     *         {@code OffsetDateTime.parse} decides
     */
    static Instant canonicalInstant(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int nanos = 0;
        if (length > 20) {
            int fractionDigits = length - 21;
            if (text.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > 9) {
                return null;
            }
            nanos = digits(text, 20, length - 1);
            for (int i = fractionDigits; i < 9 && nanos >= 0; i++) {
                nanos *= 10;
            }
        }
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > YearMonth.of(year, month).lengthOfMonth() || hour < 0 || hour > 23
                || minute < 0 || minute > 59 || second < 0 || second > 59 || nanos < 0) {
            return null;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** @return the decimal value of {@code text[start, end)}, or -1 when a character is not an ASCII digit */
    private static int digits(String text, int start, int end) {
        int value = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}

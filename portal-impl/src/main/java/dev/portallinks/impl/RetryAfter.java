package dev.portallinks.impl;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads an HTTP {@code Retry-After} header: delay-seconds or an HTTP-date (RFC 9110). */
public final class RetryAfter {

    /** Paddle blocks for 60 seconds after a 429; used when the header is missing or unreadable. */
    public static final Duration DEFAULT = Duration.ofSeconds(60);

    /** A window never lasts longer than this, whatever the header says. */
    public static final Duration MAX = Duration.ofHours(1);

    private RetryAfter() {
    }

    /**
     * Parses the header.
     *
     * @param header the header value, may be null
     * @param clock the clock for HTTP-dates
     * @return the wait, at least 1 second and at most {@link #MAX}; {@link #DEFAULT} when missing or unreadable
     */
    public static Duration parse(String header, Clock clock) {
        if (header == null || header.isBlank()) {
            return DEFAULT;
        }
        String value = header.strip();
        Duration wait;
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                wait = Duration.ofSeconds(Long.parseLong(value));
            } catch (NumberFormatException tooLong) {
                wait = MAX;
            }
        } else {
            try {
                wait = Duration.between(clock.instant(), ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeParseException unreadable) {
                return DEFAULT;
            }
        }
        if (wait.compareTo(Duration.ofSeconds(1)) < 0) {
            return Duration.ofSeconds(1);
        }
        return wait.compareTo(MAX) > 0 ? MAX : wait;
    }
}

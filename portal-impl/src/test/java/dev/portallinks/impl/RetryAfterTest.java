package dev.portallinks.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

// Retry-After as delay-seconds or HTTP-date, clamped to [1 s, 1 h], 60 s when unusable.
class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static String httpDate(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }

    @ParameterizedTest
    @CsvSource({
        "42, 42",
        "' 42 ', 42",
        "120, 120",
        "1, 1",
        "0, 1",
        "3600, 3600",
        "3601, 3600",
        "86400, 3600",
        "99999999999999999999999, 3600"
    })
    void delaySeconds(String header, long expectedSeconds) {
        assertThat(RetryAfter.parse(header, CLOCK)).isEqualTo(Duration.ofSeconds(expectedSeconds));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t", "soon", "-5", "4 2", "42s", "1.5", "Thu, 32 Jan 2026 00:00:00 GMT", "Thursday, 01-Jan-26 00:02:00 GMT"})
    void missingBlankOrUnreadableIsSixtySeconds(String header) {
        assertThat(RetryAfter.parse(header, CLOCK)).isEqualTo(Duration.ofSeconds(60)).isEqualTo(RetryAfter.DEFAULT);
    }

    @Test
    void httpDateInTheFutureIsTheTimeUntilThen() {
        String header = httpDate(NOW.plusSeconds(120));

        assertThat(header).isEqualTo("Thu, 1 Jan 2026 00:02:00 GMT");
        assertThat(RetryAfter.parse(header, CLOCK)).isEqualTo(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse("Thu, 01 Jan 2026 00:02:00 GMT", CLOCK)).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void httpDateInThePastOrNowIsOneSecond() {
        assertThat(RetryAfter.parse(httpDate(NOW.minusSeconds(3600)), CLOCK)).isEqualTo(Duration.ofSeconds(1));
        assertThat(RetryAfter.parse(httpDate(NOW), CLOCK)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void httpDateFarInTheFutureIsCappedAtOneHour() {
        assertThat(RetryAfter.parse(httpDate(NOW.plus(Duration.ofDays(2))), CLOCK)).isEqualTo(Duration.ofHours(1)).isEqualTo(RetryAfter.MAX);
    }
}

package dev.portallinks.webhooks.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class RateLimitedLogTest {

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-12-07T21:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void oneLinePerKindPerMinuteCountingTheOthers() {
        Logger logger = Logger.getAnonymousLogger();
        logger.setUseParentHandlers(false);
        logger.setLevel(Level.ALL);
        List<String> lines = new ArrayList<>();
        logger.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        MovingClock clock = new MovingClock();
        RateLimitedLog log = new RateLimitedLog(logger, clock);

        log.warn("a", () -> "first a");
        log.warn("a", () -> "second a");
        log.warn("b", () -> "first b");
        clock.now = clock.now.plus(Duration.ofSeconds(59));
        log.warn("a", () -> "third a");
        clock.now = clock.now.plus(Duration.ofSeconds(1));
        log.warn("a", () -> "fourth a");

        assertThat(lines).containsExactly("first a", "first b", "fourth a (2 more of this kind in the last minute were not logged)");
    }
}

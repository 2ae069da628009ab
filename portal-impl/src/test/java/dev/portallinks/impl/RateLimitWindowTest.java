package dev.portallinks.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.portallinks.api.PaddleOperation;
import dev.portallinks.api.PaddleRateLimitedException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

// The Retry-After window of the last 429: fail fast without a request while it is open, never shortened.
class RateLimitWindowTest {

    private static final Instant START = Instant.parse("2026-01-01T12:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final RateLimitWindow window = new RateLimitWindow(clock);

    private PaddleRateLimitedException refused(PaddleOperation operation) {
        PaddleRateLimitedException e = catchThrowableOfType(PaddleRateLimitedException.class, () -> window.checkClosed(operation));
        assertThat(e).as("the window must refuse the call").isNotNull();
        return e;
    }

    @Test
    void closedInitially() {
        assertThatCode(() -> window.checkClosed(PaddleOperation.CREATE_PORTAL_SESSION)).doesNotThrowAnyException();
        assertThat(window.openUntil()).isNull();
    }

    @Test
    void openReturnsTheExceptionForTheCallThatGotThe429() {
        PaddleRateLimitedException e = window.open(PaddleOperation.LIST_SUBSCRIPTIONS, "42", "req");

        assertThat(e.answeredByPaddle()).isTrue();
        assertThat(e.operation()).isEqualTo(PaddleOperation.LIST_SUBSCRIPTIONS);
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(42));
        assertThat(e.retryAt()).isEqualTo(START.plusSeconds(42));
        assertThat(e.requestId()).isEqualTo("req");
        assertThat(window.openUntil()).isEqualTo(START.plusSeconds(42));
    }

    @Test
    void openWindowRefusesCallsWithoutAskingPaddle() {
        window.open(PaddleOperation.LIST_SUBSCRIPTIONS, "42", "req");
        clock.advance(Duration.ofSeconds(41));

        PaddleRateLimitedException e = refused(PaddleOperation.CREATE_PORTAL_SESSION);

        assertThat(e.answeredByPaddle()).isFalse();
        assertThat(e.operation()).isEqualTo(PaddleOperation.CREATE_PORTAL_SESSION);
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(42));
        assertThat(e.retryAt()).isEqualTo(START.plusSeconds(42));
        assertThat(e.requestId()).isEqualTo("req");
        assertThat(e.getMessage()).contains("no request was sent");
    }

    @Test
    void windowClosesWhenRetryAfterHasPassed() {
        window.open(PaddleOperation.CREATE_PORTAL_SESSION, "42", "req");
        clock.advance(Duration.ofSeconds(42));

        assertThatCode(() -> window.checkClosed(PaddleOperation.CREATE_PORTAL_SESSION)).doesNotThrowAnyException();
        assertThat(window.openUntil()).isNull();
    }

    @Test
    void shorterSecond429DoesNotShortenTheWindow() {
        window.open(PaddleOperation.CREATE_PORTAL_SESSION, "42", "first");
        clock.advance(Duration.ofSeconds(10));

        PaddleRateLimitedException second = window.open(PaddleOperation.CREATE_PORTAL_SESSION, "5", "second");

        assertThat(second.retryAt()).isEqualTo(START.plusSeconds(42));
        assertThat(second.requestId()).isEqualTo("second");
        clock.advance(Duration.ofSeconds(20));
        assertThat(refused(PaddleOperation.CREATE_PORTAL_SESSION).retryAt()).isEqualTo(START.plusSeconds(42));
        assertThat(window.openUntil()).isEqualTo(START.plusSeconds(42));
        clock.advance(Duration.ofSeconds(12));
        assertThat(window.openUntil()).isNull();
    }

    @Test
    void longerSecond429ExtendsTheWindow() {
        window.open(PaddleOperation.CREATE_PORTAL_SESSION, "42", "first");
        clock.advance(Duration.ofSeconds(10));

        PaddleRateLimitedException second = window.open(PaddleOperation.LIST_SUBSCRIPTIONS, "60", "second");

        assertThat(second.retryAt()).isEqualTo(START.plusSeconds(70));
        clock.advance(Duration.ofSeconds(40));
        assertThat(refused(PaddleOperation.LIST_SUBSCRIPTIONS).requestId()).isEqualTo("second");
        clock.advance(Duration.ofSeconds(20));
        assertThat(window.openUntil()).isNull();
    }

    @Test
    void missingRetryAfterOpensSixtySeconds() {
        PaddleRateLimitedException e = window.open(PaddleOperation.CREATE_PORTAL_SESSION, null, null);

        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(60));
        assertThat(e.requestId()).isNull();
        clock.advance(Duration.ofSeconds(59));
        assertThat(refused(PaddleOperation.CREATE_PORTAL_SESSION).retryAt()).isEqualTo(START.plusSeconds(60));
        clock.advance(Duration.ofSeconds(1));
        assertThat(window.openUntil()).isNull();
    }
}

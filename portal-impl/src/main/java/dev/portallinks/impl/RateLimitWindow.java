package dev.portallinks.impl;

import dev.portallinks.api.PaddleOperation;
import dev.portallinks.api.PaddleRateLimitedException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * Remembers the {@code Retry-After} window of Paddle's last 429 for the configured API key. While it is open,
 * {@link #checkClosed(PaddleOperation)} refuses every call before a request is sent: Paddle extends a block
 * when it is hammered.
 */
@ApplicationScoped
public class RateLimitWindow {

    private static final Logger LOG = Logger.getLogger(RateLimitWindow.class.getName());

    private final Clock clock;
    private final AtomicReference<Window> window = new AtomicReference<>();

    private record Window(Instant until, Duration retryAfter, String requestId) {
    }

    /** Uses the system clock. */
    public RateLimitWindow() {
        this(Clock.systemUTC());
    }

    /**
     * Uses the given clock (tests).
     *
     * @param clock the clock
     */
    public RateLimitWindow(Clock clock) {
        this.clock = clock;
    }

    /**
     * Fails fast while a window is open.
     *
     * @param operation the call about to be made
     * @throws PaddleRateLimitedException with {@code answeredByPaddle == false} while the window is open
     */
    public void checkClosed(PaddleOperation operation) {
        Window open = window.get();
        if (open != null && clock.instant().isBefore(open.until())) {
            throw new PaddleRateLimitedException(operation, open.retryAfter(), open.until(), false, open.requestId());
        }
    }

    /**
     * Opens (or extends) the window after a 429 and returns the exception for the call that got it.
     *
     * @param operation the call that got the 429
     * @param retryAfterHeader Paddle's {@code Retry-After}, may be null
     * @param requestId Paddle's request ID, may be null
     * @return the exception to throw, never null
     */
    public PaddleRateLimitedException open(PaddleOperation operation, String retryAfterHeader, String requestId) {
        Duration retryAfter = RetryAfter.parse(retryAfterHeader, clock);
        Window opened = new Window(clock.instant().plus(retryAfter), retryAfter, requestId);
        Window current = window.accumulateAndGet(opened, (previous, next) -> previous != null && previous.until().isAfter(next.until()) ? previous : next);
        LOG.warning(() -> "Paddle rate limit (HTTP 429) on " + operation.description() + ": no calls to Paddle until " + current.until()
                + " (Retry-After " + retryAfter.toSeconds() + " s), request ID " + requestId);
        return new PaddleRateLimitedException(operation, current.retryAfter(), current.until(), true, requestId);
    }

    /**
     * Tells whether the window is open now (for health checks).
     *
     * @return the end of the open window, or null when calls may go to Paddle
     */
    public Instant openUntil() {
        Window open = window.get();
        return open != null && clock.instant().isBefore(open.until()) ? open.until() : null;
    }
}

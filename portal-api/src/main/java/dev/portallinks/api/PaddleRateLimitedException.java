package dev.portallinks.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Paddle's rate limit is in force: Paddle answered {@code 429 Too Many Requests}, or did so earlier and the
 * {@code Retry-After} window it gave has not ended yet.
 *
 * <p>While the window is open the service sends <em>no</em> request to Paddle (Paddle extends a block when it
 * is hammered); it fails fast with this exception instead. Show the customer a "try again in a minute"
 * message; do not retry before {@link #retryAt()}.
 */
public final class PaddleRateLimitedException extends PortalLinkException {

    private static final long serialVersionUID = 1L;

    private final PaddleOperation operation;
    private final Duration retryAfter;
    private final Instant retryAt;
    private final boolean answeredByPaddle;

    /**
     * Creates the exception.
     *
     * @param operation the call that was limited, not null
     * @param retryAfter the wait Paddle asked for ({@code Retry-After}), not null
     * @param retryAt when the window ends, not null
     * @param answeredByPaddle true if this call got the 429, false if it was refused locally inside the window
     * @param requestId Paddle's request ID, may be null
     */
    public PaddleRateLimitedException(PaddleOperation operation, Duration retryAfter, Instant retryAt, boolean answeredByPaddle,
            String requestId) {
        super("Paddle rate limit: cannot " + operation.description() + " until " + retryAt + " (Retry-After " + retryAfter.toSeconds()
                + " s" + (answeredByPaddle ? "" : "; no request was sent, the window from an earlier 429 is still open")
                + "). Try again after that time; retrying sooner makes Paddle extend the block", requestId, null);
        this.operation = operation;
        this.retryAfter = retryAfter;
        this.retryAt = retryAt;
        this.answeredByPaddle = answeredByPaddle;
    }

    /** @return the call that was limited, never null */
    public PaddleOperation operation() {
        return operation;
    }

    /** @return the {@code Retry-After} Paddle sent with its 429, never null */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** @return when the window ends and calls go to Paddle again, never null */
    public Instant retryAt() {
        return retryAt;
    }

    /** @return true if Paddle answered this call with 429, false if the call was refused locally inside the window */
    public boolean answeredByPaddle() {
        return answeredByPaddle;
    }

    /** {@inheritDoc} Paddle's rate limit is in force: a fallback applies. */
    @Override
    public boolean fallbackApplies() {
        return true;
    }

    /** {@inheritDoc} True inside the window, when the library answered for Paddle. */
    @Override
    public boolean rejectedWithoutCallingPaddle() {
        return !answeredByPaddle;
    }

    /**
     * {@inheritDoc}
     *
     * @return {@link PortalLinkRefused.Reason#PADDLE_RATE_LIMITED}
     */
    @Override
    public PortalLinkRefused.Reason refusalReason() {
        return PortalLinkRefused.Reason.PADDLE_RATE_LIMITED;
    }

    /**
     * {@inheritDoc}
     *
     * @return {@link #retryAt()}
     */
    @Override
    public Optional<Instant> tryAgainAt() {
        return Optional.of(retryAt());
    }
}

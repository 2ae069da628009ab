package dev.portallinks.impl.cluster;

import java.io.Serial;
import java.io.Serializable;

/**
 * A {@code Retry-After} window as the instance that received the 429 stored it: when it was received, by that
 * instance's clock, and for how long Paddle asked to wait. Readers do not trust the writer's clock blindly (see
 * {@code RateLimitWindow}). Immutable, serializable (JDK types only, so any JCache provider can store it) and
 * thread-safe.
 *
 * @param receivedAtMillis when the 429 arrived, in epoch milliseconds of the receiving instance
 * @param retryAfterMillis Paddle's {@code Retry-After}, in milliseconds
 * @param requestId Paddle's request ID of the 429, may be null
 */
public record SharedWindow(long receivedAtMillis, long retryAfterMillis, String requestId) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * The window's end by the writer's clock.
     *
     * @return {@code receivedAtMillis + retryAfterMillis}
     */
    public long endMillis() {
        return receivedAtMillis + retryAfterMillis;
    }
}

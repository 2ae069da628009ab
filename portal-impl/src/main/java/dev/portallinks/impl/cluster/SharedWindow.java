package dev.portallinks.impl.cluster;

import dev.portallinks.impl.RetryAfter;
import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A {@code Retry-After} window as the instance that received the 429 stored it: when it was received, by that
 * instance's clock, and for how long Paddle asked to wait. Readers do not trust the writer's clock blindly (see
 * {@link SharedState.SeenWindow#untilMillis()}), nor what they read from the cache ({@link #bounded()}). Immutable,
 * serializable (JDK types only, so any JCache provider can store it) and thread-safe.
 *
 * @param receivedAtMillis when the 429 arrived, in epoch milliseconds of the receiving instance
 * @param retryAfterMillis Paddle's {@code Retry-After}, in milliseconds
 * @param requestId Paddle's request ID of the 429, may be null
 */
public record SharedWindow(long receivedAtMillis, long retryAfterMillis, String requestId) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
    private static final long MAX_RETRY_AFTER_MILLIS = RetryAfter.MAX.toMillis();
    /** What a request ID read from the cache may look like to be shown in a message or a log line (Paddle's are UUIDs). */
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    /**
     * The window's end by the writer's clock.
     *
     * @return {@code receivedAtMillis + retryAfterMillis}, held at {@link Long#MAX_VALUE} or {@link Long#MIN_VALUE}
     *         rather than wrapping around
     */
    public long endMillis() {
        return SharedState.plus(receivedAtMillis, retryAfterMillis);
    }

    /**
     * The window as this instance honours it, whoever wrote it: the {@code Retry-After} within 0 and
     * {@link RetryAfter#MAX}, the cap this instance applies to the 429s it receives itself; a request ID that could
     * not be Paddle's (too long, control characters) dropped, since it is shown in exceptions and log lines.
     *
     * @return this window when it is within the bounds, else a bounded copy
     */
    public SharedWindow bounded() {
        long retryAfter = Math.max(0, Math.min(retryAfterMillis, MAX_RETRY_AFTER_MILLIS));
        String shownId = requestId == null || REQUEST_ID.matcher(requestId).matches() ? requestId : null;
        return retryAfter == retryAfterMillis && Objects.equals(shownId, requestId) ? this : new SharedWindow(receivedAtMillis, retryAfter, shownId);
    }
}

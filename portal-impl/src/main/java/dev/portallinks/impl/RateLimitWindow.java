package dev.portallinks.impl;

import dev.portallinks.api.PaddleOperation;
import dev.portallinks.api.PaddleRateLimitedException;
import dev.portallinks.impl.cluster.ClusterSharing;
import dev.portallinks.impl.cluster.SharedState;
import dev.portallinks.impl.cluster.SharedWindow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Remembers the {@code Retry-After} window of Paddle's last 429 for the configured API key. While it is open,
 * {@link #checkClosed(PaddleOperation)} refuses every call before a request is sent: Paddle extends a block
 * when it is hammered.
 *
 * <p>In a cluster ({@code paddle.cluster.cache-name}) the window is also stored in the shared state, as the receiving
 * instance saw it: received at (its clock) plus Paddle's {@code Retry-After}. Another instance does not trust that
 * clock blindly: it keeps the window open until the earlier of {@code receivedAt + retryAfter + }{@link #SKEW_TOLERANCE}
 * and the time it first saw the window plus {@code retryAfter}. A writer's clock ahead of the reader's therefore
 * lengthens the wait by at most the time it took the reader to see the window; a writer's clock behind by up to the
 * tolerance does not shorten it. "First seen" is when the window reached this instance: the shared state's listener
 * event, usually milliseconds after the write, or the read after a (re)connection. The check reads memory only. The
 * instance's own window is always kept too: when the shared state cannot be reached, each instance still honours the
 * 429s it received itself, and the shared windows it learned of before.
 */
@ApplicationScoped
public class RateLimitWindow {

    /** How far the clocks of a cluster's instances may differ before another instance's window ends early here. */
    public static final Duration SKEW_TOLERANCE = Duration.ofSeconds(2);

    private static final Logger LOG = Logger.getLogger(RateLimitWindow.class.getName());

    private final Clock clock;
    private final Supplier<SharedState> shared;
    private final AtomicReference<Window> window = new AtomicReference<>();

    private record Window(Instant until, Duration retryAfter, String requestId) {
    }

    /** For CDI proxies. */
    protected RateLimitWindow() {
        this(Clock.systemUTC());
    }

    /**
     * Creates the bean: the system clock, the shared state if the cluster is configured.
     *
     * @param cluster where the state lives
     */
    @Inject
    public RateLimitWindow(ClusterSharing cluster) {
        this(Clock.systemUTC(), cluster::state);
    }

    /**
     * Uses the given clock, per instance (tests).
     *
     * @param clock the clock
     */
    public RateLimitWindow(Clock clock) {
        this(clock, () -> null);
    }

    /**
     * Uses the given clock and shared state (tests).
     *
     * @param clock the clock
     * @param shared returns the shared state, or null for per instance
     */
    public RateLimitWindow(Clock clock, Supplier<SharedState> shared) {
        this.clock = clock;
        this.shared = shared;
    }

    /**
     * Fails fast while a window is open: this instance's, or in a cluster one another instance received.
     *
     * @param operation the call about to be made
     * @throws PaddleRateLimitedException with {@code answeredByPaddle == false} while the window is open
     */
    public void checkClosed(PaddleOperation operation) {
        Window open = window.get();
        Instant now = clock.instant();
        if (open != null && now.isBefore(open.until())) {
            throw new PaddleRateLimitedException(operation, open.retryAfter(), open.until(), false, open.requestId());
        }
        SharedState state = shared.get();
        if (state == null) {
            return;
        }
        // Memory only: the shared state's listener keeps the window current, so no call waits for the cache here.
        SharedState.SeenWindow seen = state.knownWindow();
        if (seen == null) {
            return;
        }
        long until = seen.untilMillis();
        if (now.toEpochMilli() < until) {
            SharedWindow stored = seen.window();
            throw new PaddleRateLimitedException(operation, Duration.ofMillis(stored.retryAfterMillis()), Instant.ofEpochMilli(until), false,
                    stored.requestId());
        }
    }

    /**
     * Opens (or extends) the window after a 429 and returns the exception for the call that got it. In a cluster the
     * window is shared, unless a longer one is already there.
     *
     * @param operation the call that got the 429
     * @param retryAfterHeader Paddle's {@code Retry-After}, may be null
     * @param requestId Paddle's request ID, may be null
     * @return the exception to throw, never null
     */
    public PaddleRateLimitedException open(PaddleOperation operation, String retryAfterHeader, String requestId) {
        Duration retryAfter = RetryAfter.parse(retryAfterHeader, clock);
        Instant now = clock.instant();
        Window opened = new Window(now.plus(retryAfter), retryAfter, requestId);
        Window current = window.accumulateAndGet(opened, (previous, next) -> previous != null && previous.until().isAfter(next.until()) ? previous : next);
        Instant until = current.until();
        SharedState state = shared.get();
        if (state != null) {
            // Stored unless the shared one lasts at least as long here; this instance saw it now, and its own is exact (its clock wrote it).
            SharedState.SeenWindow seen = state.share(new SharedWindow(now.toEpochMilli(), retryAfter.toMillis(), requestId));
            if (seen != null) {
                until = later(until, Instant.ofEpochMilli(seen.untilMillis()));
            }
        }
        Instant end = until;
        LOG.warning(() -> "Paddle rate limit (HTTP 429) on " + operation.description() + ": no calls to Paddle until " + end
                + " (Retry-After " + retryAfter.toSeconds() + " s)" + (requestId == null ? "" : ", request ID " + requestId));
        return new PaddleRateLimitedException(operation, current.retryAfter(), end, true, requestId);
    }

    /**
     * Tells whether the window is open now (for health checks): this instance's, or the shared one as last learned of.
     * Only memory is read.
     *
     * @return the end of the open window, or null when calls may go to Paddle
     */
    public Instant openUntil() {
        Instant now = clock.instant();
        Window open = window.get();
        Instant local = open != null && now.isBefore(open.until()) ? open.until() : null;
        SharedState state = shared.get();
        SharedState.SeenWindow seen = state == null ? null : state.knownWindow();
        Instant fromShared = seen != null && now.toEpochMilli() < seen.untilMillis() ? Instant.ofEpochMilli(seen.untilMillis()) : null;
        return local == null ? fromShared : fromShared == null ? local : later(local, fromShared);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}

package dev.portallinks.impl.cluster;

import dev.portallinks.impl.RateLimitWindow;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The state a cluster shares, guarded so that a cache in trouble never costs a click more than the configured
 * timeout: every operation runs on a small pool of the library's own threads and the click waits for it at most
 * {@code paddle.cluster.timeout-ms}. JCache has no timeout of its own, and a thread blocked in a cache call cannot be
 * relied on to notice an interrupt, so the click's thread must not be the one that waits.
 *
 * <p>When an operation fails or runs out of time, every call uses the instance's own state for the retry interval
 * ({@code paddle.cluster.retry-interval-ms}, measured with the clock given); then one call reconnects in the background
 * and, once connected, one call tries the cache again. An outage is one WARNING when it starts and one INFO when the
 * cache answers again, never a line per call. While the caches are first being connected, calls use the local state.
 *
 * <p>The {@code Retry-After} window is the exception: a check before every call to Paddle must not wait for the cache,
 * so the window is kept in memory ({@link #knownWindow()}) and kept current by the store's listener, which tells of
 * every window any instance stores within the provider's event delivery time. Listener delivery can miss a window (a
 * lost connection between members, a provider's full event queue) and says nothing during an outage, so the window is
 * also read once on every (re)connection, and in the background by the first check more than {@link #WINDOW_REFRESH}
 * after the last read.
 *
 * <p>What is read from the cache is not trusted further than a window this instance received itself: its
 * {@code Retry-After} is cut to the same cap ({@link SharedWindow#bounded()}), it is dated from when this instance first
 * saw it ({@link SeenWindow#untilMillis()}), and it is forgotten when a read finds the entry gone (expired or removed).
 * Windows are compared by when they end on this instance's view, never by their writers' clocks alone.
 *
 * <p>Thread-safe. Holds only JDK types: the JCache side is behind {@link SharedStore}.
 */
public final class SharedState implements AutoCloseable {

    /** Threads that run cache operations; a hung cache holds at most these. */
    static final int WORKERS = 8;
    /** Operations waiting for a worker; beyond this a call uses the local state at once. */
    static final int QUEUED = 1000;

    /** How old the last read of the window may be before a check starts another one (in the background). */
    public static final Duration WINDOW_REFRESH = Duration.ofSeconds(1);

    private static final Logger LOG = Logger.getLogger(SharedState.class.getName());
    private static final long WINDOW_REFRESH_MILLIS = WINDOW_REFRESH.toMillis();
    private static final int MAX_REASON_LENGTH = 300;
    private static final long SKEW_TOLERANCE_MILLIS = RateLimitWindow.SKEW_TOLERANCE.toMillis();

    private final String description;
    private final String windowKey;
    private final Supplier<SharedStore> opener;
    private final Clock clock;
    private final Duration timeout;
    private final long retryIntervalMillis;
    private final ThreadPoolExecutor workers;
    private final AtomicReference<CompletableFuture<SharedStore>> connection = new AtomicReference<>();
    /** Whether an outage was reported and its end not yet: one WARNING and one INFO per outage, also under concurrency. */
    private final AtomicBoolean down = new AtomicBoolean();
    /** While down: when the next call may try the cache again; the caller that moves it on is the only one that does. */
    private final AtomicLong nextTry = new AtomicLong();
    private final AtomicLong downSince = new AtomicLong();
    /** The shared window as this instance knows it, with when it first saw it. */
    private final AtomicReference<SeenWindow> knownWindow = new AtomicReference<>();
    /** When a check may next read the window in the background; the caller that moves it on is the only one that does. */
    private final AtomicLong nextWindowRead = new AtomicLong(Long.MAX_VALUE);
    /** The listener registration of the current connection. */
    private final AtomicReference<SharedStore.Watch> watch = new AtomicReference<>();

    /**
     * A shared window with the moment this instance first saw it, by its own clock.
     *
     * @param window the window as this instance honours it ({@link SharedWindow#bounded()})
     * @param firstSeenMillis when this instance first saw it, epoch milliseconds of its clock
     */
    public record SeenWindow(SharedWindow window, long firstSeenMillis) {

        /**
         * The end of the window on this instance's clock: the earlier of its writer's end plus
         * {@link RateLimitWindow#SKEW_TOLERANCE} and the moment this instance first saw it plus its {@code Retry-After}.
         * A writer's clock ahead of this one's therefore lengthens the wait by at most the time the window took to arrive.
         *
         * @return epoch milliseconds of this instance's clock
         */
        public long untilMillis() {
            return Math.min(plus(window.endMillis(), SKEW_TOLERANCE_MILLIS), plus(firstSeenMillis, window.retryAfterMillis()));
        }
    }

    /**
     * Starts connecting in the background.
     *
     * @param description where the state lives, for the log (never a secret)
     * @param windowKey the key of the {@code Retry-After} window (the Paddle base URL)
     * @param opener connects to the caches; may block, runs on a worker
     * @param timeout the longest a click waits for one operation
     * @param retryInterval how long the local state is used after a failure before the cache is tried again
     * @param clock the clock for the retry interval
     */
    public SharedState(String description, String windowKey, Supplier<SharedStore> opener, Duration timeout, Duration retryInterval,
            Clock clock) {
        this.description = Objects.requireNonNull(description, "description must not be null");
        this.windowKey = Objects.requireNonNull(windowKey, "windowKey must not be null");
        this.opener = Objects.requireNonNull(opener, "opener must not be null");
        this.timeout = Objects.requireNonNull(timeout, "timeout must not be null");
        this.retryIntervalMillis = retryInterval.toMillis();
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        this.workers = new ThreadPoolExecutor(WORKERS, WORKERS, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUED), new Workers());
        workers.allowCoreThreadTimeOut(true);
        connection.set(connect());
    }

    /**
     * The key of the shared {@code Retry-After} window.
     *
     * @return the key, never null
     */
    public String windowKey() {
        return windowKey;
    }

    /**
     * The shared window as this instance last learned of it; reads memory only, never waits. Starts a background read
     * of the window when the last one is more than {@link #WINDOW_REFRESH} old.
     *
     * @return the window and when this instance first saw it, or null when none is known
     */
    public SeenWindow knownWindow() {
        long now = clock.millis();
        long due = nextWindowRead.get();
        if (now >= due && nextWindowRead.compareAndSet(due, now + WINDOW_REFRESH_MILLIS)) {
            readWindowInBackground();
        }
        return knownWindow.get();
    }

    /**
     * Records a window this instance learned of: from the listener, a read, or its own write; bounded first
     * ({@link SharedWindow#bounded()}). A window already known keeps the moment it was first seen; one ending no later
     * than the known one, each by {@link SeenWindow#untilMillis()} on this instance's clock, is ignored unless it was
     * stored where none was (the known one expired or was removed).
     *
     * @param window the window as stored
     * @param seenAtMillis when it was seen, epoch milliseconds of this instance's clock
     * @param created whether it was stored where no window was
     * @return the window known afterwards, never null
     */
    public SeenWindow learn(SharedWindow window, long seenAtMillis, boolean created) {
        SharedWindow bounded = Objects.requireNonNull(window, "window must not be null").bounded();
        return knownWindow.updateAndGet(known -> merged(known, bounded, seenAtMillis, created));
    }

    private static SeenWindow merged(SeenWindow known, SharedWindow bounded, long seenAtMillis, boolean created) {
        if (known != null && known.window().equals(bounded)) {
            return known.firstSeenMillis() <= seenAtMillis ? known : new SeenWindow(bounded, seenAtMillis);
        }
        SeenWindow arrived = new SeenWindow(bounded, seenAtMillis);
        return known == null || created || arrived.untilMillis() > known.untilMillis() ? arrived : known;
    }

    /**
     * Shares a window this instance received (its 429): stores it unless the stored one lasts at least as long, judged
     * as this instance honours it (dated from when this instance first saw it, or from now if it had not), so that a
     * writer's clock ahead cannot keep later 429s from being shared. Runs as {@link #call(Function, Supplier)}.
     *
     * @param received the window, dated by this instance's clock
     * @return the window known afterwards, or null when the shared state could not be used
     */
    public SeenWindow share(SharedWindow received) {
        Objects.requireNonNull(received, "received must not be null");
        SharedWindow kept = call(store -> store.extendWindow(windowKey, received, this::lastsAtLeastAsLong), () -> null);
        return kept == null ? null : learn(kept, received.receivedAtMillis(), false);
    }

    private boolean lastsAtLeastAsLong(SharedWindow stored, SharedWindow proposed) {
        SharedWindow bounded = stored.bounded();
        SeenWindow known = knownWindow.get();
        SeenWindow here = known != null && known.window().equals(bounded) ? known : new SeenWindow(bounded, clock.millis());
        return here.untilMillis() >= proposed.endMillis();
    }

    private void readWindowInBackground() {
        CompletableFuture<SharedStore> current = connection.get();
        if (down.get() || !current.isDone() || current.isCompletedExceptionally()) {
            return; // the next connection reads it
        }
        SharedStore store = current.join();
        try {
            workers.execute(() -> readWindow(store));
        } catch (RejectedExecutionException full) {
            // The workers are busy: the next check after the interval tries again.
        }
    }

    private void readWindow(SharedStore store) {
        SeenWindow before = knownWindow.get();
        try {
            SharedWindow stored = store.window(windowKey);
            long now = clock.millis();
            // A window the listener told of during the read is at least as recent as what the read found: keep it. Otherwise
            // no entry means it expired or was removed, and the copy in memory must not outlive it.
            knownWindow.updateAndGet(known -> known != before ? known : stored == null ? null : merged(known, stored.bounded(), now, false));
        } catch (RuntimeException failure) {
            // The operations of the clicks report outages; this read only fills in what the listener may have missed.
            LOG.log(Level.FINE, "Portal Links: reading the shared Retry-After window failed", failure);
        }
    }

    /**
     * Runs one operation on the shared state, or the local alternative when the shared state cannot answer in time.
     *
     * @param <T> the result type
     * @param operation the operation on the shared state; runs on a worker thread
     * @param local what to use instead: while connecting, during an outage, after a failure or a timeout
     * @return the operation's result or the local one
     */
    public <T> T call(Function<SharedStore, T> operation, Supplier<T> local) {
        CompletableFuture<SharedStore> current = connection.get();
        if (down.get() && !mayTry(current)) {
            return local.get();
        }
        if (!current.isDone() || current.isCompletedExceptionally()) {
            return local.get();
        }
        SharedStore store = current.join();
        Future<T> result;
        try {
            result = workers.submit(() -> operation.apply(store));
        } catch (RejectedExecutionException full) {
            failed(current, "all " + WORKERS + " cache workers are busy and " + QUEUED + " operations are waiting");
            return local.get();
        }
        try {
            T answer = result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            recovered();
            return answer;
        } catch (TimeoutException slow) {
            result.cancel(true);
            failed(current, "no answer within " + timeout.toMillis() + " ms (paddle.cluster.timeout-ms)");
        } catch (ExecutionException thrown) {
            failed(current, reason(thrown.getCause()));
        } catch (InterruptedException interrupted) {
            // The caller was interrupted (a Fault Tolerance timeout), not failed by the cache.
            result.cancel(true);
            Thread.currentThread().interrupt();
        }
        return local.get();
    }

    /**
     * During an outage: whether this call may try the cache (once per retry interval, by one caller). A connection that
     * failed is replaced in the background first; the call after it connects tries an operation.
     */
    private boolean mayTry(CompletableFuture<SharedStore> current) {
        long now = clock.millis();
        long due = nextTry.get();
        if (now < due || !nextTry.compareAndSet(due, now + retryIntervalMillis)) {
            return false;
        }
        if (!current.isDone()) {
            return false;
        }
        if (current.isCompletedExceptionally()) {
            connection.compareAndSet(current, connect());
            return false;
        }
        return true;
    }

    private CompletableFuture<SharedStore> connect() {
        CompletableFuture<SharedStore> opening;
        try {
            opening = CompletableFuture.supplyAsync(this::openAndWatch, workers);
        } catch (RejectedExecutionException full) {
            return CompletableFuture.failedFuture(full);
        }
        opening.whenComplete((store, failure) -> {
            if (failure != null) {
                failed(null, reason(failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure));
            } else if (down.get()) {
                // Reconnected during an outage: the next call tries an operation instead of waiting for the interval.
                nextTry.set(Long.MIN_VALUE);
            } else {
                LOG.info(() -> "Portal Links: the Retry-After window and the per-customer link counts are shared through " + description);
            }
        });
        return opening;
    }

    /** Opens the store and registers the window's listener before the store is used, then reads the window once. */
    private SharedStore openAndWatch() {
        SharedStore store = opener.get();
        SharedStore.Watch registered;
        try {
            registered = store.watchWindow(windowKey, (window, created) -> learn(window, clock.millis(), created));
        } catch (RuntimeException failure) {
            close(store);
            throw failure;
        }
        stopWatching(watch.getAndSet(registered));
        // No event told of what was stored before the registration, or during an outage: read it once, without holding up the connection.
        nextWindowRead.set(clock.millis() + WINDOW_REFRESH_MILLIS);
        try {
            workers.execute(() -> readWindow(store));
        } catch (RejectedExecutionException full) {
            nextWindowRead.set(Long.MIN_VALUE);
        }
        return store;
    }

    private static void stopWatching(SharedStore.Watch previous) {
        if (previous != null) {
            try {
                previous.close();
            } catch (RuntimeException failure) {
                // A connection given up: its cache may be gone, and with it the registration.
                LOG.log(Level.FINE, "Portal Links: removing the listener of a previous connection failed", failure);
            }
        }
    }

    private static void close(SharedStore store) {
        try {
            store.close();
        } catch (RuntimeException closing) {
            LOG.log(Level.FINE, "Portal Links: closing the shared state failed", closing);
        }
    }

    /** A failure: the first since the cache last answered is the outage's one WARNING; the connection is replaced at the next try. */
    private void failed(CompletableFuture<SharedStore> used, String reason) {
        long now = clock.millis();
        nextTry.set(now + retryIntervalMillis);
        if (used != null) {
            connection.compareAndSet(used, CompletableFuture.failedFuture(new IllegalStateException(reason)));
        }
        if (down.compareAndSet(false, true)) {
            downSince.set(now);
            LOG.warning(() -> "Portal Links: the shared rate-limit state (" + description + ") cannot be used: " + reason + ". Until it"
                    + " answers again, this instance keeps its own Retry-After window and per-customer link counts; it tries again every "
                    + retryIntervalMillis + " ms (paddle.cluster.retry-interval-ms). Logged once per outage");
        }
    }

    private void recovered() {
        if (down.get() && down.compareAndSet(true, false)) {
            long since = downSince.get();
            LOG.info(() -> "Portal Links: the shared rate-limit state (" + description + ") answers again after " + (clock.millis() - since)
                    + " ms: the Retry-After window and the per-customer link counts are shared again");
        }
    }

    /** A provider's message may quote the cache URI, credentials included: they are removed. */
    private static String reason(Throwable failure) {
        String message = failure.getMessage() == null ? "" : ": " + ClusterSettings.redacted(failure.getMessage());
        if (message.length() > MAX_REASON_LENGTH) {
            message = message.substring(0, MAX_REASON_LENGTH) + "…";
        }
        return failure.getClass().getName() + message;
    }

    /** {@code a + b}, held at {@link Long#MAX_VALUE} or {@link Long#MIN_VALUE}: values read from a cache may be anything. */
    static long plus(long a, long b) {
        long sum = a + b;
        if (((a ^ sum) & (b ^ sum)) < 0) {
            return b > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        return sum;
    }

    /**
     * Tells whether an outage is under way (for tests and health data).
     *
     * @return true from a failure until the cache answers again
     */
    public boolean down() {
        return down.get();
    }

    /** Stops the workers and closes what the store opened. */
    @Override
    public void close() {
        workers.shutdownNow();
        stopWatching(watch.getAndSet(null));
        // Now, or when an opening still under way completes (a redeploy soon after start): what it opens (an embedded
        // member, its threads) would otherwise outlive the application.
        connection.get().thenAccept(opened -> close(opened));
    }

    /** Daemon threads with the library's class loader as context loader: providers deserialize the library's values with it. */
    private static final class Workers implements ThreadFactory {

        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable work) {
            Thread thread = new Thread(work, "portal-links-shared-state-" + count.incrementAndGet());
            thread.setDaemon(true);
            thread.setContextClassLoader(SharedState.class.getClassLoader());
            return thread;
        }
    }
}

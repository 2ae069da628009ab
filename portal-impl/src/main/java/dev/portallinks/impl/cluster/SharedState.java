package dev.portallinks.impl.cluster;

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
 * <p>Thread-safe. Holds only JDK types: the JCache side is behind {@link SharedStore}.
 */
public final class SharedState implements AutoCloseable {

    /** Threads that run cache operations; a hung cache holds at most these. */
    static final int WORKERS = 8;
    /** Operations waiting for a worker; beyond this a call uses the local state at once. */
    static final int QUEUED = 1000;

    private static final Logger LOG = Logger.getLogger(SharedState.class.getName());
    private static final int MAX_REASON_LENGTH = 300;

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
            opening = CompletableFuture.supplyAsync(opener, workers);
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

    private static String reason(Throwable failure) {
        String message = failure.getMessage() == null ? "" : ": " + failure.getMessage();
        if (message.length() > MAX_REASON_LENGTH) {
            message = message.substring(0, MAX_REASON_LENGTH) + "…";
        }
        return failure.getClass().getName() + message;
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
        CompletableFuture<SharedStore> current = connection.get();
        if (current.isDone() && !current.isCompletedExceptionally()) {
            try {
                current.join().close();
            } catch (RuntimeException closing) {
                LOG.log(Level.FINE, "Portal Links: closing the shared state failed", closing);
            }
        }
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

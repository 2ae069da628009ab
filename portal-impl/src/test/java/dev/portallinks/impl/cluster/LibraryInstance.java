package dev.portallinks.impl.cluster;

import dev.portallinks.impl.CustomerLinkLimiter;
import dev.portallinks.impl.MutableClock;
import dev.portallinks.impl.RateLimitWindow;
import dev.portallinks.impl.cluster.jcache.JCacheSharedStore;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import javax.cache.CacheManager;
import org.awaitility.Awaitility;

/**
 * What one server instance of the library holds, over its own cache manager: the shared state, the rate-limit window
 * and the per-customer limiter, each on the instance's own clock.
 */
final class LibraryInstance implements AutoCloseable {

    static final String BASE_URL = "https://sandbox-api.paddle.com";
    static final Instant START = Instant.parse("2026-01-01T12:00:00Z");

    final String name;
    final MutableClock clock;
    final SharedState state;
    final RateLimitWindow window;
    final CustomerLinkLimiter limiter;

    private LibraryInstance(String name, MutableClock clock, SharedState state) {
        this.name = name;
        this.clock = clock;
        this.state = state;
        this.window = new RateLimitWindow(clock, () -> state);
        this.limiter = new CustomerLinkLimiter(clock, () -> state);
    }

    /**
     * Starts an instance on the caches {@code cacheName.*} of the manager and waits until it is connected.
     *
     * @param name the instance's name, in its log lines
     * @param opener opens the store (again, after an outage)
     * @param timeout {@code paddle.cluster.timeout-ms}
     * @param clockStart where the instance's clock starts
     * @return the instance
     */
    static LibraryInstance connected(String name, Supplier<SharedStore> opener, Duration timeout, Instant clockStart) {
        MutableClock clock = new MutableClock(clockStart);
        SharedState state = new SharedState("test cluster, " + name, BASE_URL, opener, timeout, Duration.ofSeconds(5), clock);
        LibraryInstance instance = new LibraryInstance(name, clock, state);
        instance.awaitConnected();
        return instance;
    }

    /**
     * Starts an instance on the caches {@code cacheName.*} of the manager, with a timeout no healthy test machine reaches.
     *
     * @param name the instance's name, in its log lines
     * @param manager the member's cache manager
     * @param cacheName the caches' prefix
     * @return the instance
     */
    static LibraryInstance connected(String name, CacheManager manager, String cacheName) {
        return connected(name, () -> new JCacheSharedStore(manager, cacheName, false), Duration.ofSeconds(5), START);
    }

    void awaitConnected() {
        Awaitility.await(name + " connected to the shared state").atMost(Duration.ofSeconds(30)).until(() -> state.call(store -> true, () -> false));
    }

    /** Waits until a window stored by another instance has reached this one through its listener, without a call to check it. */
    void awaitKnown(String requestId) {
        Awaitility.await(name + " learns of window " + requestId).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                .until(() -> {
                    SharedState.SeenWindow known = state.knownWindow();
                    return known != null && requestId.equals(known.window().requestId());
                });
    }

    @Override
    public void close() {
        state.close();
    }
}

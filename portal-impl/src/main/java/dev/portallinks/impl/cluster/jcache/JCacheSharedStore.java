package dev.portallinks.impl.cluster.jcache;

import dev.portallinks.impl.RetryAfter;
import dev.portallinks.impl.cluster.CustomerLinks;
import dev.portallinks.impl.cluster.LinkDecision;
import dev.portallinks.impl.cluster.SharedStore;
import dev.portallinks.impl.cluster.SharedWindow;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;
import java.util.logging.Logger;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.Factory;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.event.CacheEntryCreatedListener;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryListener;
import javax.cache.event.CacheEntryUpdatedListener;
import javax.cache.expiry.ModifiedExpiryPolicy;

/**
 * The shared state in two JCache caches: {@code <name>.retry-after} (the window, one entry per Paddle base URL) and
 * {@code <name>.customer-links} (one entry per customer with links in the last minute).
 *
 * <p>Updates are compare-and-swap loops ({@code putIfAbsent}, {@code replace(key, old, new)}) rather than entry
 * processors: an entry processor is code that runs where the entry lives, so every cache member would need the
 * library's classes, which a cache the server provides or a remote cluster (a client provider) does not have. The
 * values are records of JDK types, compared as stored.
 *
 * <p>Changes of the window reach each instance through a cache entry listener on {@code <name>.retry-after} (created
 * and updated events, asynchronous, no filter: a filter would run on the members, which need not have the library's
 * classes).
 *
 * <p>Caches the library creates expire their entries {@link #WINDOW_EXPIRY} and {@link #CUSTOMER_EXPIRY} after the
 * last write; caches that already exist (configured by the application or the server) are used as they are.
 *
 * <p>A value of another type than the library's (another application on the same cache name, a value written by
 * someone who can reach the cache, a previous deployment's class) is ignored as if the entry were absent, replaced at
 * the next write, and reported by one WARNING per cache and connection that never shows the value.
 *
 * <p>Thread-safe. Only this package names JCache types; it is loaded only when {@code paddle.cluster.cache-name} is set.
 */
public final class JCacheSharedStore implements SharedStore {

    /** Added to every expiry so that an instance whose clock is a little behind still finds what it counts on. */
    public static final Duration EXPIRY_MARGIN = Duration.ofSeconds(5);
    /** A window lasts at most {@link RetryAfter#MAX}. */
    public static final Duration WINDOW_EXPIRY = RetryAfter.MAX.plus(EXPIRY_MARGIN);
    /** A customer idle for the limit's minute has nothing left to count. */
    public static final Duration CUSTOMER_EXPIRY = CustomerLinks.WINDOW.plus(EXPIRY_MARGIN);

    private static final Logger LOG = Logger.getLogger(JCacheSharedStore.class.getName());

    private final CacheManager manager;
    private final boolean ownsManager;
    /** The caches whose foreign values were reported: once each. */
    private final Set<String> foreignReported = ConcurrentHashMap.newKeySet();
    private final Cache<Object, Object> windows;
    private final Cache<Object, Object> customers;

    /**
     * Uses the caches {@code <cacheName>.retry-after} and {@code <cacheName>.customer-links} of the manager, creating
     * them with the default expiries when they do not exist.
     *
     * @param manager the cache manager
     * @param cacheName the caches' prefix
     * @param ownsManager whether {@link #close()} closes the manager
     */
    public JCacheSharedStore(CacheManager manager, String cacheName, boolean ownsManager) {
        this(manager, cacheName, ownsManager, CUSTOMER_EXPIRY);
    }

    /**
     * As {@link #JCacheSharedStore(CacheManager, String, boolean)}, with another expiry for the customers' entries
     * (tests: an expiry that can be waited for).
     *
     * @param manager the cache manager
     * @param cacheName the caches' prefix
     * @param ownsManager whether {@link #close()} closes the manager
     * @param customerExpiry how long after its last write a customer's entry expires, in a cache created here
     */
    public JCacheSharedStore(CacheManager manager, String cacheName, boolean ownsManager, Duration customerExpiry) {
        this.manager = Objects.requireNonNull(manager, "manager must not be null");
        this.ownsManager = ownsManager;
        this.windows = cache(manager, cacheName + ".retry-after", WINDOW_EXPIRY);
        this.customers = cache(manager, cacheName + ".customer-links", customerExpiry);
    }

    /** The existing cache, or a new one; another instance may create it at the same moment. */
    private static Cache<Object, Object> cache(CacheManager manager, String name, Duration expiry) {
        Cache<Object, Object> existing = manager.getCache(name);
        if (existing != null) {
            return existing;
        }
        // Untyped and stored by value: any provider, JCache 1.0's getCache(name) included.
        MutableConfiguration<Object, Object> configuration = new MutableConfiguration<>()
                .setStoreByValue(true)
                .setExpiryPolicyFactory(ModifiedExpiryPolicy.factoryOf(new javax.cache.expiry.Duration(TimeUnit.MILLISECONDS, expiry.toMillis())));
        try {
            return manager.createCache(name, configuration);
        } catch (CacheException createdMeanwhile) {
            Cache<Object, Object> created = manager.getCache(name);
            if (created == null) {
                throw createdMeanwhile;
            }
            return created;
        }
    }

    @Override
    public SharedWindow window(String key) {
        return typed(windows, windows.get(key), SharedWindow.class);
    }

    /** The value if it is of the library's type; otherwise null, reported once per cache. */
    private <T> T typed(Cache<Object, Object> cache, Object stored, Class<T> type) {
        if (stored == null || type.isInstance(stored)) {
            return type.cast(stored);
        }
        if (foreignReported.add(cache.getName())) {
            String kind = stored.getClass().getName().equals(type.getName()) ? type.getName() + " of another class loader (an earlier deployment?)"
                    : stored.getClass().getName();
            LOG.warning(() -> "Portal Links: the cache " + cache.getName() + " holds a value of type " + kind + " where the library stores "
                    + type.getName() + ": the library ignores it, as if the entry were absent, and replaces it at its next write. Is another"
                    + " application using the same paddle.cluster.cache-name, or can someone else write to the cache? Logged once per cache"
                    + " and connection");
        }
        return null;
    }

    @Override
    public Watch watchWindow(String key, WindowListener listener) {
        Objects.requireNonNull(key, "key must not be null");
        Objects.requireNonNull(listener, "listener must not be null");
        MutableCacheEntryListenerConfiguration<Object, Object> registration = new MutableCacheEntryListenerConfiguration<>(
                new ListenerFactory(new WindowEvents(key, listener)), null, false, false);
        windows.registerCacheEntryListener(registration);
        return () -> windows.deregisterCacheEntryListener(registration);
    }

    @Override
    public SharedWindow extendWindow(String key, SharedWindow proposed, BiPredicate<SharedWindow, SharedWindow> lastsAtLeastAsLong) {
        while (true) {
            Object stored = windows.get(key);
            SharedWindow current = typed(windows, stored, SharedWindow.class);
            if (current != null && lastsAtLeastAsLong.test(current, proposed)) {
                return current;
            }
            // The value as read, foreign or not, is what the swap compares with.
            if (stored == null ? windows.putIfAbsent(key, proposed) : windows.replace(key, stored, proposed)) {
                return proposed;
            }
            stopIfInterrupted();
        }
    }

    @Override
    public LinkDecision acquire(String customer, int limit, long nowMillis) {
        while (true) {
            Object stored = customers.get(customer);
            CustomerLinks current = typed(customers, stored, CustomerLinks.class);
            CustomerLinks.Outcome outcome = (current == null ? CustomerLinks.NONE : current).next(nowMillis, limit);
            if (outcome.updated() == null) {
                return outcome.decision();
            }
            // Another instance or thread changed the entry since it was read: read it again and decide again.
            if (stored == null ? customers.putIfAbsent(customer, outcome.updated()) : customers.replace(customer, stored, outcome.updated())) {
                return outcome.decision();
            }
            stopIfInterrupted();
        }
    }

    /** The caller has stopped waiting (its timeout): give the worker back instead of competing on. */
    private static void stopIfInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CacheException("interrupted while competing for an entry");
        }
    }

    @Override
    public void close() {
        if (ownsManager) {
            manager.close();
        }
    }

    /** Passes the window's created and updated events on; other keys and values are ignored. */
    private static final class WindowEvents implements CacheEntryCreatedListener<Object, Object>, CacheEntryUpdatedListener<Object, Object> {

        private final String key;
        private final WindowListener listener;

        /** Null key and listener: a copy that ignores everything. */
        WindowEvents(String key, WindowListener listener) {
            this.key = key;
            this.listener = listener;
        }

        @Override
        public void onCreated(Iterable<CacheEntryEvent<? extends Object, ? extends Object>> events) {
            pass(events, true);
        }

        @Override
        public void onUpdated(Iterable<CacheEntryEvent<? extends Object, ? extends Object>> events) {
            pass(events, false);
        }

        private void pass(Iterable<CacheEntryEvent<? extends Object, ? extends Object>> events, boolean created) {
            if (listener == null) {
                return;
            }
            for (CacheEntryEvent<? extends Object, ? extends Object> event : events) {
                if (key.equals(event.getKey()) && event.getValue() instanceof SharedWindow window) {
                    listener.stored(window, created);
                }
            }
        }
    }

    /**
     * Creates this instance's listener. Serializable, as a provider may copy a listener's configuration to every member:
     * a copy there (which has no listener) creates one that ignores events. Equal by ID, so that deregistering
     * also removes the copies.
     */
    private static final class ListenerFactory implements Factory<CacheEntryListener<Object, Object>> {

        private static final long serialVersionUID = 1L;

        private final String id = UUID.randomUUID().toString();
        private final transient WindowEvents listener;

        ListenerFactory(WindowEvents listener) {
            this.listener = listener;
        }

        @Override
        public CacheEntryListener<Object, Object> create() {
            return listener != null ? listener : new WindowEvents(null, null);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ListenerFactory factory && id.equals(factory.id);
        }

        @Override
        public int hashCode() {
            return id.hashCode();
        }
    }
}

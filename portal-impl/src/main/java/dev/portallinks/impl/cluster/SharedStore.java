package dev.portallinks.impl.cluster;

import java.util.function.BiPredicate;

/**
 * The operations on the state a cluster shares. Only JDK types and this package's records appear here, so the CDI beans
 * that hold one load on servers without JCache; the implementation over JCache is
 * {@code dev.portallinks.impl.cluster.jcache.JCacheSharedStore}, loaded by name only when the cluster is configured.
 *
 * <p>Implementations are thread-safe and atomic per key across the cluster. They may block (a member down, a network
 * partition): {@link SharedState} bounds every call.
 */
public interface SharedStore extends AutoCloseable {

    /**
     * Reads the shared {@code Retry-After} window.
     *
     * @param key the window's key (one per Paddle base URL)
     * @return the window as stored, or null when none is stored (or a value of another type is)
     */
    SharedWindow window(String key);

    /**
     * Tells the listener of every window stored under the key from now on, by any instance, as the store learns of it.
     * Delivery may be asynchronous (milliseconds) and, when the provider fails, may miss a window: {@link SharedState}
     * reads the window once on every (re)connection and now and then besides.
     *
     * @param key the window's key
     * @param listener called with each window stored; must not block
     * @return stops the telling
     */
    Watch watchWindow(String key, WindowListener listener);

    /**
     * Stores a window unless the one already there lasts at least as long, as the caller judges it. A value of another
     * type under the key counts as no window (and is replaced).
     *
     * @param key the window's key
     * @param proposed the window from the 429 just received
     * @param lastsAtLeastAsLong given the stored window and the proposed one, whether the stored one is kept; must not block
     * @return the window in place afterwards, never null
     */
    SharedWindow extendWindow(String key, SharedWindow proposed, BiPredicate<SharedWindow, SharedWindow> lastsAtLeastAsLong);

    /**
     * Counts one link for the customer or refuses it, atomically for the whole cluster. A value of another type under
     * the customer's key counts as no links (and is replaced).
     *
     * @param customer the customer ID
     * @param limit the limit per minute, at least 1
     * @param nowMillis the time of the click, epoch milliseconds
     * @return the decision, never null
     */
    LinkDecision acquire(String customer, int limit, long nowMillis);

    /** Releases what the store opened itself (not what it was given). */
    @Override
    void close();

    /** Receives the windows the store learns of. */
    @FunctionalInterface
    interface WindowListener {

        /**
         * A window was stored.
         *
         * @param window the window now stored
         * @param created true when no window was stored before (the earlier one, if any, expired or was removed)
         */
        void stored(SharedWindow window, boolean created);
    }

    /** A registration of a {@link WindowListener}. */
    @FunctionalInterface
    interface Watch extends AutoCloseable {

        /** Stops the telling; may block as any operation on the store. */
        @Override
        void close();
    }

    /** Opens a store from the configuration; implemented next to the store so that only it names JCache types. */
    interface Opener {

        /**
         * Connects to the configured caches, creating them when they do not exist. May take long (a member joining a
         * cluster): {@link SharedState} runs it in the background.
         *
         * @param settings the cluster settings, with a cache name
         * @return the store, never null
         * @throws RuntimeException when the provider or the caches cannot be reached
         */
        SharedStore open(ClusterSettings settings);
    }
}

package dev.portallinks.impl.cluster;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;

/** A store that counts the reads of the window and passes everything on to the real one. */
final class CountingStore implements SharedStore {

    private final SharedStore store;
    private final AtomicInteger windowReads;

    CountingStore(SharedStore store, AtomicInteger windowReads) {
        this.store = store;
        this.windowReads = windowReads;
    }

    @Override
    public SharedWindow window(String key) {
        windowReads.incrementAndGet();
        return store.window(key);
    }

    @Override
    public Watch watchWindow(String key, WindowListener listener) {
        return store.watchWindow(key, listener);
    }

    @Override
    public SharedWindow extendWindow(String key, SharedWindow proposed, BiPredicate<SharedWindow, SharedWindow> lastsAtLeastAsLong) {
        return store.extendWindow(key, proposed, lastsAtLeastAsLong);
    }

    @Override
    public LinkDecision acquire(String customer, int limit, long nowMillis) {
        return store.acquire(customer, limit, nowMillis);
    }

    @Override
    public void close() {
        store.close();
    }
}

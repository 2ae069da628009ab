package dev.portallinks.impl.cluster.jcache;

import dev.portallinks.impl.cluster.ClusterSettings;
import dev.portallinks.impl.cluster.SharedStore;
import java.net.URI;
import java.util.Set;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.spi.CachingProvider;

/**
 * Opens the JCache store from {@code paddle.cluster.*}: the named provider (or the only one on the class path), its
 * cache manager at the configured URI (or the provider's default), with the library's class loader. Loaded by name
 * from {@link dev.portallinks.impl.cluster.ClusterSharing}, and only when a cache name is configured.
 */
public final class JCacheOpener implements SharedStore.Opener {

    /**
     * The Hazelcast members that ran before the first opening: not this application's to stop. Taken once, because a
     * connection opened again after an outage finds the member the first one started.
     */
    private volatile Set<String> membersBefore;

    /** Creates the opener (by reflection). */
    public JCacheOpener() {
        // nothing to set up: open() does the work
    }

    @Override
    public SharedStore open(ClusterSettings settings) {
        ClassLoader loader = JCacheOpener.class.getClassLoader();
        CachingProvider provider = settings.provider().isPresent() ? Caching.getCachingProvider(settings.provider().get(), loader)
                : Caching.getCachingProvider(loader);
        URI uri = settings.cacheUri().orElseGet(provider::getDefaultURI);
        Set<String> before = membersBefore;
        if (before == null) {
            before = EmbeddedMember.running(loader);
            membersBefore = before;
        }
        CacheManager manager = EmbeddedMember.stoppedOnClose(provider.getCacheManager(uri, loader), before);
        try {
            return new JCacheSharedStore(manager, settings.cacheName().orElseThrow(), true);
        } catch (RuntimeException failure) {
            // Creating the caches failed (or was interrupted by the application stopping): nobody else will close it.
            manager.close();
            throw failure;
        }
    }
}

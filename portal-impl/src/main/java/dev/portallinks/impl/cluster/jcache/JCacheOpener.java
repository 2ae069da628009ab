package dev.portallinks.impl.cluster.jcache;

import dev.portallinks.impl.cluster.ClusterSettings;
import dev.portallinks.impl.cluster.SharedStore;
import java.net.URI;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.spi.CachingProvider;

/**
 * Opens the JCache store from {@code paddle.cluster.*}: the named provider (or the only one on the class path), its
 * cache manager at the configured URI (or the provider's default), with the library's class loader. Loaded by name
 * from {@link dev.portallinks.impl.cluster.ClusterSharing}, and only when a cache name is configured.
 */
public final class JCacheOpener implements SharedStore.Opener {

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
        CacheManager manager = provider.getCacheManager(uri, loader);
        return new JCacheSharedStore(manager, settings.cacheName().orElseThrow(), true);
    }
}

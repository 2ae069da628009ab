package dev.portallinks.impl.cluster;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the rate-limit state a cluster shares lives: {@code paddle.cluster.*}. Without a cache name the state is per
 * instance, as in a single server. Immutable.
 *
 * @param cacheName the prefix of the two JCache caches ({@link #windowCacheName()}, {@link #customerCacheName()}); empty:
 *        per instance
 * @param provider the JCache {@code CachingProvider} class; empty: the only provider on the class path
 * @param cacheUri the provider-specific URI of the {@code CacheManager}; empty: the provider's default
 * @param timeout how long a click waits for one operation on the shared state before it uses the local state
 * @param retryInterval how long, after a failed operation, every call uses the local state before the cache is tried again
 */
public record ClusterSettings(Optional<String> cacheName, Optional<String> provider, Optional<URI> cacheUri, Duration timeout,
        Duration retryInterval) {

    /** Default of {@code paddle.cluster.timeout-ms}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(100);
    /** Default of {@code paddle.cluster.retry-interval-ms}. */
    public static final Duration DEFAULT_RETRY_INTERVAL = Duration.ofSeconds(5);

    /** Checks for nulls. */
    public ClusterSettings {
        Objects.requireNonNull(cacheName, "cacheName must not be null");
        Objects.requireNonNull(provider, "provider must not be null");
        Objects.requireNonNull(cacheUri, "cacheUri must not be null");
        Objects.requireNonNull(timeout, "timeout must not be null");
        Objects.requireNonNull(retryInterval, "retryInterval must not be null");
    }

    /**
     * The state kept per instance, with the default bounds.
     *
     * @return the settings, never null
     */
    public static ClusterSettings perInstance() {
        return new ClusterSettings(Optional.empty(), Optional.empty(), Optional.empty(), DEFAULT_TIMEOUT, DEFAULT_RETRY_INTERVAL);
    }

    /**
     * Tells whether the state is shared.
     *
     * @return true when a cache name is configured
     */
    public boolean shared() {
        return cacheName.isPresent();
    }

    /**
     * The cache holding the {@code Retry-After} window.
     *
     * @return {@code <cache-name>.retry-after}
     * @throws java.util.NoSuchElementException when the state is per instance
     */
    public String windowCacheName() {
        return cacheName.orElseThrow() + ".retry-after";
    }

    /**
     * The cache holding each customer's recent links.
     *
     * @return {@code <cache-name>.customer-links}
     * @throws java.util.NoSuchElementException when the state is per instance
     */
    public String customerCacheName() {
        return cacheName.orElseThrow() + ".customer-links";
    }

    /**
     * Says where the state lives, for the log.
     *
     * @return e.g. {@code JCache caches portal-links.retry-after and portal-links.customer-links (provider …, URI …)}
     */
    public String describe() {
        if (!shared()) {
            return "per instance";
        }
        return "JCache caches " + windowCacheName() + " and " + customerCacheName() + " (provider " + provider.orElse("the default")
                + ", URI " + cacheUri.map(URI::toString).orElse("the provider's default") + ")";
    }
}

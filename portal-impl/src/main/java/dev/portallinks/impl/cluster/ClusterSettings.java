package dev.portallinks.impl.cluster;

import dev.portallinks.api.Secrets;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the rate-limit state a cluster shares lives: {@code paddle.cluster.*}. Without a cache name the state is per
 * instance, as in a single server. Immutable.
 *
 * <p>A cache URI may carry credentials ({@code hotrod://user:password@host}, {@code ?password=…}): what this type says
 * about the settings ({@link #describe()}, {@link #toString()}) and what the settings' error messages quote
 * ({@link #quoted(String)}) never shows them.
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
    /** The most characters of a configured value an error message quotes. */
    public static final int MAX_QUOTED = 80;

    /** The user-info of a hierarchical URI, up to the last {@code @} of its authority: user name, password, or a token. */
    private static final Pattern USER_INFO = Pattern.compile("(//)[^/?#\\s]*@");
    /** A query parameter's value. */
    private static final Pattern QUERY_VALUE = Pattern.compile("([?&;][^=&;#\\s]*=)[^&;#\\s]*");

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
                + ", URI " + cacheUri.map(uri -> redacted(uri.toString())).orElse("the provider's default") + ")";
    }

    /** Never the cache URI's credentials. */
    @Override
    public String toString() {
        return "ClusterSettings[" + describe() + ", timeout=" + timeout + ", retryInterval=" + retryInterval + "]";
    }

    /**
     * Removes what may be credentials from text that may hold a cache URI: the user-info of any {@code scheme://…@}
     * and every query parameter's value become {@value Secrets#REDACTED}, and so does what {@link Secrets} recognises.
     *
     * @param text the text, not null
     * @return the text without them
     */
    public static String redacted(String text) {
        String cleaned = USER_INFO.matcher(text).replaceAll("$1" + Secrets.REDACTED + "@");
        cleaned = QUERY_VALUE.matcher(cleaned).replaceAll("$1" + Secrets.REDACTED);
        return Secrets.redact(cleaned);
    }

    /**
     * Quotes a configured value in an error message. A value that is not what the property expects may be a credential
     * pasted in the wrong place, or a URI with one, and need not even parse: whatever precedes its last {@code @} (after
     * {@code scheme://}, if any) is removed, then what {@link #redacted(String)} removes; what is left is cut to
     * {@value #MAX_QUOTED} characters (noting the cut) and its control characters and line separators are written as
     * {@code \\uXXXX}, so that a value cannot forge a log line.
     *
     * @param configured the value as configured, not null
     * @return the quoted form
     */
    public static String quoted(String configured) {
        String value = configured;
        int at = value.lastIndexOf('@');
        if (at >= 0) {
            int authority = value.indexOf("//");
            int from = authority >= 0 && authority < at ? authority + 2 : 0;
            value = value.substring(0, from) + Secrets.REDACTED + value.substring(at);
        }
        return Secrets.quoted(redacted(value), MAX_QUOTED);
    }
}

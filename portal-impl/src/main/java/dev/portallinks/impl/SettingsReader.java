package dev.portallinks.impl;

import dev.portallinks.api.PortalConfigurationException;
import dev.portallinks.api.Secrets;
import dev.portallinks.impl.cluster.ClusterSettings;
import dev.portallinks.impl.paddle.PaddleApi;
import dev.portallinks.impl.store.StoreSettings;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.UnrecoverableKeyException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * Reads and validates the library's configuration from any key lookup (MicroProfile Config in the server, a map
 * in tests). Every problem is a {@link PortalConfigurationException} naming the property and its environment
 * variable; the key itself never appears in a message.
 */
public final class SettingsReader {

    /** The Paddle API key (secret). Environment variable {@code PADDLE_API_KEY}. */
    public static final String API_KEY = "paddle.api-key";
    /** {@code sandbox} or {@code live}; inferred from the key prefix when absent. */
    public static final String ENVIRONMENT = "paddle.environment";
    /** Overrides the environment's API URL (tests, simulators, proxies). Environment variable {@code PADDLE_BASE_URL}. */
    public static final String BASE_URL = "paddle.base-url";
    /** Comma-separated origins portal links may point to. */
    public static final String ALLOWED_ORIGINS = "paddle.portal.allowed-origins";
    /** Where the link helpers send customers when Paddle cannot be used. */
    public static final String FALLBACK_URL = "paddle.portal.fallback-url";
    /** HTTP connect timeout in milliseconds. */
    public static final String CONNECT_TIMEOUT = "paddle.http.connect-timeout-ms";
    /**
     * HTTP read timeout in milliseconds. Unset, it is the Fault Tolerance timeout of the calls to Paddle (2000 ms unless
     * configured); it can be shorter, never longer.
     */
    public static final String READ_TIMEOUT = "paddle.http.read-timeout-ms";
    /** Page size of subscription listings, 1 to 200. */
    public static final String PAGE_SIZE = "paddle.subscriptions.page-size";
    /** {@code true}: readiness is DOWN while the circuit to Paddle is open (default {@code false}: an outage of Paddle keeps it UP). */
    public static final String READINESS_FOLLOWS_PADDLE = "paddle.health.readiness-follows-paddle";

    /** How many portal links one customer may ask for within any minute, 0 (no limit) to 10000; default 20. */
    public static final String LINKS_PER_CUSTOMER_PER_MINUTE = "paddle.portal.links-per-customer-per-minute";

    /**
     * Prefix of the two JCache caches the cluster shares the rate-limit state in ({@code <name>.retry-after},
     * {@code <name>.customer-links}); unset: the state is per instance.
     */
    public static final String CLUSTER_CACHE_NAME = "paddle.cluster.cache-name";
    /** Class name of the JCache {@code CachingProvider}; unset: the only one on the class path. */
    public static final String CLUSTER_CACHE_PROVIDER = "paddle.cluster.cache-provider";
    /** URI of the JCache {@code CacheManager} (provider-specific, e.g. a Hazelcast configuration file); unset: the provider's default. */
    public static final String CLUSTER_CACHE_URI = "paddle.cluster.cache-uri";
    /** The longest a click waits for one operation on the shared state, in milliseconds (1 to 10000, default 100). */
    public static final String CLUSTER_TIMEOUT = "paddle.cluster.timeout-ms";
    /** After a failed operation, how long the local state is used before the cache is tried again, in milliseconds (100 to 600000, default 5000). */
    public static final String CLUSTER_RETRY_INTERVAL = "paddle.cluster.retry-interval-ms";

    /** The standard MicroProfile Rest Client keys of the client to Paddle start with this ({@code configKey} + {@code /mp-rest/}). */
    public static final String REST_CLIENT_PREFIX = PaddleApi.CONFIG_KEY + "/mp-rest/";
    /** Trust store for Paddle's certificate (or a TLS-inspecting proxy's): {@code file:…}, {@code classpath:…} or a path. */
    public static final String TRUST_STORE = REST_CLIENT_PREFIX + "trustStore";
    /** The trust store's password (secret: never logged). */
    public static final String TRUST_STORE_PASSWORD = REST_CLIENT_PREFIX + "trustStorePassword";
    /** The trust store's type, {@code JKS} (also reads PKCS12) unless set. */
    public static final String TRUST_STORE_TYPE = REST_CLIENT_PREFIX + "trustStoreType";
    /** Client key store, where a proxy asks for a client certificate. */
    public static final String KEY_STORE = REST_CLIENT_PREFIX + "keyStore";
    /** The key store's password (secret: never logged). */
    public static final String KEY_STORE_PASSWORD = REST_CLIENT_PREFIX + "keyStorePassword";
    /** The key store's type, {@code JKS} (also reads PKCS12) unless set. */
    public static final String KEY_STORE_TYPE = REST_CLIENT_PREFIX + "keyStoreType";
    /** Class name of a {@code javax.net.ssl.HostnameVerifier} with a public no-argument constructor. */
    public static final String HOSTNAME_VERIFIER = REST_CLIENT_PREFIX + "hostnameVerifier";
    /** HTTP proxy, {@code host:port}. */
    public static final String PROXY_ADDRESS = REST_CLIENT_PREFIX + "proxyAddress";
    /** The standard key for the connect timeout in milliseconds; {@link #CONNECT_TIMEOUT} wins when both are set. */
    public static final String REST_CLIENT_CONNECT_TIMEOUT = REST_CLIENT_PREFIX + "connectTimeout";
    /** The standard key for the read timeout in milliseconds; {@link #READ_TIMEOUT} wins when both are set. */
    public static final String REST_CLIENT_READ_TIMEOUT = REST_CLIENT_PREFIX + "readTimeout";

    /** Paddle's customer portal origins, live and sandbox. */
    public static final List<URI> DEFAULT_ALLOWED_ORIGINS = List.of(URI.create("https://customer-portal.paddle.com"),
            URI.create("https://sandbox-customer-portal.paddle.com"));

    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofMillis(1000);
    static final Duration DEFAULT_READ_TIMEOUT = Duration.ofMillis(2000);
    static final int MAX_TIMEOUT_MILLIS = 60_000;
    /** Shorter values are not searched for in messages: they could be part of ordinary words. */
    static final int MIN_ECHOED_KEY_LENGTH = 8;
    static final int DEFAULT_PAGE_SIZE = 200;
    static final int DEFAULT_LINKS_PER_CUSTOMER_PER_MINUTE = 20;
    static final int MAX_LINKS_PER_CUSTOMER_PER_MINUTE = 10_000;

    private static final Pattern KEY_CHARACTERS = Pattern.compile("^[A-Za-z0-9_\\-.]+$");
    /** Paddle's API keys: the environment's prefix, a 26-character ID, {@code _}, the secret. */
    private static final Pattern PADDLE_KEY_SHAPE = Pattern.compile("^pdl_(sdbx|live)_apikey_[0-9a-z]{26}_[A-Za-z0-9_\\-]+$");
    static final int MAX_CLUSTER_TIMEOUT_MILLIS = 10_000;
    static final int MIN_CLUSTER_RETRY_INTERVAL_MILLIS = 100;
    static final int MAX_CLUSTER_RETRY_INTERVAL_MILLIS = 600_000;
    private static final Pattern CACHE_NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$");
    private static final String JCACHE_CLASS = "javax.cache.Caching";
    private static final String JCACHE_PROVIDER_CLASS = "javax.cache.spi.CachingProvider";
    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    private final Function<String, Optional<String>> lookup;

    /**
     * Creates a reader.
     *
     * @param lookup returns a property's value; empty when it is not set
     */
    public SettingsReader(Function<String, Optional<String>> lookup) {
        this.lookup = lookup;
    }

    /**
     * Reads and validates everything.
     *
     * @return the settings, never null
     * @throws PortalConfigurationException naming the first property that is wrong
     */
    public PortalLinksSettings read() {
        String key = apiKey();
        try {
            return read(key);
        } catch (PortalConfigurationException invalid) {
            throw withoutKey(invalid, key);
        }
    }

    /**
     * A problem with another property may echo a value the key was pasted into (a base URL, the environment).
     * {@link Secrets} removes keys it can recognise ({@code pdl_…}); a legacy key has no prefix, so the configured
     * key itself is removed here, whatever its shape.
     */
    private static PortalConfigurationException withoutKey(PortalConfigurationException invalid, String key) {
        String prefix = "Invalid configuration of " + invalid.property() + ": ";
        String message = invalid.getMessage();
        if (key.length() < MIN_ECHOED_KEY_LENGTH || !message.contains(key) || !message.startsWith(prefix)) {
            return invalid;
        }
        return new PortalConfigurationException(invalid.property(), message.substring(prefix.length()).replace(key, Secrets.REDACTED));
    }

    private PortalLinksSettings read(String key) {
        List<String> notices = new ArrayList<>();
        PaddleEnvironment environment = environment(key);
        URI baseUrl = baseUrl(environment);
        List<String> misplaced = new GatewayFaultTolerance(lookup).circuitKeysOnTheGateway();
        if (!misplaced.isEmpty()) {
            notices.add(String.join(", ", misplaced) + " has no effect: the circuit breaker counts calls, not attempts, on "
                    + PaddleCircuit.class.getName() + "; set the same keys with that class name instead");
        }
        return new PortalLinksSettings(key, environment, baseUrl, allowedOrigins(), fallbackUrl(),
                duration(CONNECT_TIMEOUT, REST_CLIENT_CONNECT_TIMEOUT, DEFAULT_CONNECT_TIMEOUT),
                readTimeout(notices), pageSize(), connection(), readinessFollowsPaddle(), linksPerCustomerPerMinute(), cluster(notices),
                StoreSettings.read(this::value), notices);
    }

    /**
     * {@code paddle.cluster.*}. With a cache name, JCache must be on the library's class path (and the named provider
     * loadable): without them the application asked for a shared state it cannot have, which is a configuration error,
     * not a reason to count per instance in silence. Whether the cache answers is found out later, in the background.
     */
    private ClusterSettings cluster(List<String> notices) {
        Duration timeout = Duration.ofMillis(wholeNumber(CLUSTER_TIMEOUT, (int) ClusterSettings.DEFAULT_TIMEOUT.toMillis(), 1,
                MAX_CLUSTER_TIMEOUT_MILLIS, " (PADDLE_CLUSTER_TIMEOUT_MS)"));
        Duration retryInterval = Duration.ofMillis(wholeNumber(CLUSTER_RETRY_INTERVAL, (int) ClusterSettings.DEFAULT_RETRY_INTERVAL.toMillis(),
                MIN_CLUSTER_RETRY_INTERVAL_MILLIS, MAX_CLUSTER_RETRY_INTERVAL_MILLIS, " (PADDLE_CLUSTER_RETRY_INTERVAL_MS)"));
        Optional<String> name = value(CLUSTER_CACHE_NAME);
        Optional<String> provider = value(CLUSTER_CACHE_PROVIDER);
        Optional<URI> uri = value(CLUSTER_CACHE_URI).map(SettingsReader::cacheUri);
        if (name.isEmpty()) {
            List<String> ignored = List.of(CLUSTER_CACHE_PROVIDER, CLUSTER_CACHE_URI, CLUSTER_TIMEOUT, CLUSTER_RETRY_INTERVAL).stream()
                    .filter(property -> value(property).isPresent()).toList();
            if (!ignored.isEmpty()) {
                notices.add(String.join(", ", ignored) + " set but " + CLUSTER_CACHE_NAME + " is not: the rate-limit state is per instance");
            }
            return new ClusterSettings(Optional.empty(), provider, uri, timeout, retryInterval);
        }
        if (!CACHE_NAME.matcher(name.get()).matches()) {
            throw new PortalConfigurationException(CLUSTER_CACHE_NAME, ClusterSettings.quoted(name.get()) + " is not a cache name: letters, digits, '.', '_'"
                    + " and '-', at most 100, starting with a letter or digit (PADDLE_CLUSTER_CACHE_NAME)");
        }
        ClassLoader loader = SettingsReader.class.getClassLoader();
        Class<?> providerType;
        try {
            providerType = Class.forName(JCACHE_PROVIDER_CLASS, false, loader);
            Class.forName(JCACHE_CLASS, false, loader);
        } catch (ClassNotFoundException | LinkageError missing) {
            throw new PortalConfigurationException(CLUSTER_CACHE_NAME, "it asks for a rate-limit state shared through JCache, but the JCache API"
                    + " (javax.cache) is not on the application's class path. Add javax.cache:cache-api and a JCache provider (e.g."
                    + " com.hazelcast:hazelcast) to WEB-INF/lib or use the server's JCache, or remove " + CLUSTER_CACHE_NAME
                    + " to keep the state per instance (see README, \"Running in a cluster\")");
        }
        if (provider.isPresent()) {
            try {
                if (!providerType.isAssignableFrom(Class.forName(provider.get(), false, loader))) {
                    throw new PortalConfigurationException(CLUSTER_CACHE_PROVIDER, ClusterSettings.quoted(provider.get()) + " is not a "
                            + JCACHE_PROVIDER_CLASS);
                }
            } catch (ClassNotFoundException | LinkageError missing) {
                throw new PortalConfigurationException(CLUSTER_CACHE_PROVIDER, ClusterSettings.quoted(provider.get()) + " is not on the application's class"
                        + " path (" + missing.getClass().getSimpleName() + "); e.g. com.hazelcast.cache.HazelcastMemberCachingProvider for an"
                        + " embedded Hazelcast member (PADDLE_CLUSTER_CACHE_PROVIDER)");
            }
        }
        return new ClusterSettings(name, provider, uri, timeout, retryInterval);
    }

    private static URI cacheUri(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException malformed) {
            throw new PortalConfigurationException(CLUSTER_CACHE_URI, ClusterSettings.quoted(text) + " is not a URI, e.g."
                    + " classpath:hazelcast-portal.xml (PADDLE_CLUSTER_CACHE_URI)");
        }
    }

    private boolean readinessFollowsPaddle() {
        Optional<String> configured = value(READINESS_FOLLOWS_PADDLE).map(v -> v.toLowerCase(Locale.ROOT));
        if (configured.isEmpty() || configured.get().equals("false")) {
            return false;
        }
        if (configured.get().equals("true")) {
            return true;
        }
        throw new PortalConfigurationException(READINESS_FOLLOWS_PADDLE, "\"" + configured.get() + "\" is neither true nor false"
                + " (PADDLE_HEALTH_READINESS_FOLLOWS_PADDLE)");
    }

    /** The trust and key stores (loaded), the hostname verifier and the proxy; each problem names its key. */
    private ConnectionSettings connection() {
        Optional<KeyStore> trustStore = store(TRUST_STORE, TRUST_STORE_PASSWORD, TRUST_STORE_TYPE);
        Optional<KeyStore> keyStore = store(KEY_STORE, KEY_STORE_PASSWORD, KEY_STORE_TYPE);
        Optional<SSLContext> sslContext = trustStore.isEmpty() && keyStore.isEmpty() ? Optional.empty()
                : Optional.of(sslContext(trustStore, keyStore, lookup.apply(KEY_STORE_PASSWORD).orElse("").toCharArray()));
        return new ConnectionSettings(trustStore, keyStore, sslContext,
                value(HOSTNAME_VERIFIER).map(SettingsReader::hostnameVerifier), value(PROXY_ADDRESS).map(SettingsReader::proxyAddress));
    }

    /** A TLS context from the stores: the JVM's trust and key managers where a store is not configured. */
    private static SSLContext sslContext(Optional<KeyStore> trustStore, Optional<KeyStore> keyStore, char[] keyStorePassword) {
        try {
            TrustManager[] trustManagers = null;
            if (trustStore.isPresent()) {
                TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(trustStore.get());
                trustManagers = trust.getTrustManagers();
            }
            KeyManager[] keyManagers = null;
            if (keyStore.isPresent()) {
                KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(keyStore.get(), keyStorePassword);
                keyManagers = keys.getKeyManagers();
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers, trustManagers, null);
            return context;
        } catch (GeneralSecurityException unusable) {
            throw new PortalConfigurationException(keyStore.isPresent() ? KEY_STORE : TRUST_STORE, "the store cannot be used for TLS ("
                    + unusable.getClass().getSimpleName() + "); check " + KEY_STORE_PASSWORD + " (the key's password must be the store's)");
        }
    }

    private Optional<KeyStore> store(String locationProperty, String passwordProperty, String typeProperty) {
        Optional<String> location = value(locationProperty);
        if (location.isEmpty()) {
            return Optional.empty();
        }
        String type = value(typeProperty).orElse("JKS");
        KeyStore store;
        try {
            store = KeyStore.getInstance(type);
        } catch (KeyStoreException unknownType) {
            throw new PortalConfigurationException(typeProperty, "\"" + type + "\" is not a key store type this JVM knows; use PKCS12 or JKS");
        }
        try (InputStream in = open(location.get())) {
            store.load(in, lookup.apply(passwordProperty).orElse("").toCharArray());
            return Optional.of(store);
        } catch (IOException | GeneralSecurityException unreadable) {
            throw new PortalConfigurationException(locationProperty, "cannot read the store " + location.get() + " (" + unreadable.getClass()
                    .getSimpleName() + (unreadable.getCause() instanceof UnrecoverableKeyException ? ": wrong password" : "") + "). Check the"
                    + " file, " + passwordProperty + " and " + typeProperty + " (now " + type + ")");
        }
    }

    /** {@code classpath:} (the application's class path), {@code file:} or a plain path, as the MicroProfile Rest Client reads them. */
    private static InputStream open(String location) throws IOException {
        if (location.startsWith("classpath:")) {
            String resource = location.substring("classpath:".length()).replaceFirst("^/+", "");
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            InputStream in = (loader != null ? loader : SettingsReader.class.getClassLoader()).getResourceAsStream(resource);
            if (in == null) {
                throw new FileNotFoundException(resource);
            }
            return in;
        }
        return Files.newInputStream(Path.of(location.startsWith("file:") ? location.substring("file:".length()) : location));
    }

    private static HostnameVerifier hostnameVerifier(String className) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            return Class.forName(className, true, loader != null ? loader : SettingsReader.class.getClassLoader()).asSubclass(HostnameVerifier.class)
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException | LinkageError unusable) {
            throw new PortalConfigurationException(HOSTNAME_VERIFIER, "\"" + className + "\" is not a javax.net.ssl.HostnameVerifier class with"
                    + " a public no-argument constructor on the application's class path (" + unusable.getClass().getSimpleName() + ")");
        }
    }

    private static ConnectionSettings.ProxyAddress proxyAddress(String text) {
        int colon = text.lastIndexOf(':');
        String host = colon > 0 ? text.substring(0, colon).replaceAll("^\\[|]$", "") : "";
        try {
            int port = Integer.parseInt(text.substring(colon + 1));
            if (!host.isBlank() && !host.contains("/") && port >= 1 && port <= 65_535) {
                return new ConnectionSettings.ProxyAddress(host, port);
            }
        } catch (NumberFormatException notAPort) {
            // reported below
        }
        throw new PortalConfigurationException(PROXY_ADDRESS, "\"" + Secrets.redact(text) + "\" is not host:port (e.g. proxy.example.com:3128"
                + " or [::1]:3128)");
    }

    private Optional<String> value(String property) {
        return lookup.apply(property).map(String::strip).filter(v -> !v.isEmpty());
    }

    private String apiKey() {
        String raw = lookup.apply(API_KEY).orElse("");
        if (raw.isBlank()) {
            throw new PortalConfigurationException(API_KEY, "it is not set. Set the environment variable PADDLE_API_KEY (or the MicroProfile"
                    + " Config property paddle.api-key) to a Paddle API key with the customer_portal_session.write permission;"
                    + " keys start with pdl_sdbx_apikey_ (sandbox) or pdl_live_apikey_ (live)");
        }
        if (raw.startsWith("test_") || raw.startsWith("live_")) {
            throw new PortalConfigurationException(API_KEY, "the value is a client-side token (it starts with \"" + raw.substring(0, 5)
                    + "\"), which is for Paddle.js in the browser and cannot call the API. Use a server-side API key from Paddle"
                    + " > Developer tools > Authentication (pdl_sdbx_apikey_… or pdl_live_apikey_…), and keep it out of web pages");
        }
        if (!raw.equals(raw.strip()) || raw.chars().anyMatch(Character::isWhitespace)) {
            throw new PortalConfigurationException(API_KEY, "the value contains spaces or line breaks. Copy the key alone, without"
                    + " an authorization-scheme prefix and without surrounding whitespace");
        }
        if (!KEY_CHARACTERS.matcher(raw).matches()) {
            throw new PortalConfigurationException(API_KEY, "the value contains characters a Paddle API key does not have; check that"
                    + " the whole key, and only the key, was copied (keys start with pdl_sdbx_apikey_ or pdl_live_apikey_)");
        }
        if (raw.startsWith("pdl_") && !PADDLE_KEY_SHAPE.matcher(raw).matches()) {
            throw new PortalConfigurationException(API_KEY, "the value starts like a Paddle API key but does not have its shape: Paddle's"
                    + " keys are pdl_sdbx_apikey_ (sandbox) or pdl_live_apikey_ (live), a 26-character ID, _ and the secret part. Copy the"
                    + " whole key from Paddle > Developer tools > Authentication (it is shown once, when it is created)");
        }
        return raw;
    }

    private PaddleEnvironment environment(String key) {
        PaddleEnvironment fromKey = null;
        for (PaddleEnvironment environment : PaddleEnvironment.values()) {
            if (key.startsWith(environment.keyPrefix())) {
                fromKey = environment;
            }
        }
        Optional<String> configured = value(ENVIRONMENT);
        if (configured.isEmpty()) {
            if (fromKey == null) {
                throw new PortalConfigurationException(ENVIRONMENT, "it must be set (to sandbox or live, environment variable"
                        + " PADDLE_ENVIRONMENT) because paddle.api-key has no pdl_sdbx_apikey_/pdl_live_apikey_ prefix (a legacy"
                        + " key) from which to tell the environment");
            }
            return fromKey;
        }
        PaddleEnvironment chosen = null;
        for (PaddleEnvironment environment : PaddleEnvironment.values()) {
            if (environment.configName().equals(configured.get().toLowerCase(Locale.ROOT))) {
                chosen = environment;
            }
        }
        if (chosen == null) {
            throw new PortalConfigurationException(ENVIRONMENT, "\"" + configured.get() + "\" is not a Paddle environment; use sandbox or live");
        }
        if (fromKey != null && fromKey != chosen) {
            throw new PortalConfigurationException(API_KEY, "the key is a " + fromKey.configName() + " key (" + fromKey.keyPrefix()
                    + "…) but paddle.environment is " + chosen.configName() + ". Use a " + chosen.configName() + " key ("
                    + chosen.keyPrefix() + "…) or set paddle.environment to " + fromKey.configName());
        }
        return chosen;
    }

    private URI baseUrl(PaddleEnvironment environment) {
        Optional<String> configured = value(BASE_URL);
        if (configured.isEmpty()) {
            return environment.apiUrl();
        }
        URI url = absoluteHttpUrl(BASE_URL, configured.get(), "PADDLE_BASE_URL");
        URI other = environment.other().apiUrl();
        if (url.getHost().equalsIgnoreCase(other.getHost())) {
            throw new PortalConfigurationException(BASE_URL, "it points at Paddle " + environment.other().configName() + " (" + other
                    + ") but paddle.api-key is a " + environment.configName() + " key. Use " + environment.apiUrl()
                    + ", remove paddle.base-url, or use a " + environment.other().configName() + " key");
        }
        return url;
    }

    private List<URI> allowedOrigins() {
        Optional<String> configured = value(ALLOWED_ORIGINS);
        if (configured.isEmpty()) {
            return DEFAULT_ALLOWED_ORIGINS;
        }
        List<URI> origins = new ArrayList<>();
        for (String entry : configured.get().split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            URI origin = absoluteHttpUrl(ALLOWED_ORIGINS, entry.strip(), "PADDLE_PORTAL_ALLOWED_ORIGINS");
            if ((origin.getRawPath() != null && !origin.getRawPath().isEmpty() && !"/".equals(origin.getRawPath()))
                    || origin.getRawQuery() != null || origin.getRawFragment() != null) {
                throw new PortalConfigurationException(ALLOWED_ORIGINS, "\"" + entry.strip() + "\" is not an origin; give scheme, host and"
                        + " port only, e.g. https://customer-portal.paddle.com");
            }
            origins.add(origin);
        }
        if (origins.isEmpty()) {
            throw new PortalConfigurationException(ALLOWED_ORIGINS, "it lists no origin; remove it to use Paddle's portal origins");
        }
        return origins;
    }

    private Optional<URI> fallbackUrl() {
        Optional<String> configured = value(FALLBACK_URL);
        if (configured.isEmpty()) {
            return Optional.empty();
        }
        URI url = absoluteHttpUrl(FALLBACK_URL, configured.get(), "PADDLE_PORTAL_FALLBACK_URL");
        if (!Secrets.redact(url.toString()).equals(url.toString())) {
            throw new PortalConfigurationException(FALLBACK_URL, "it contains a token; use the portal's plain sign-in URL, which never expires");
        }
        return Optional.of(url);
    }

    /** Absolute URL with a host; https, or http on the loopback interface only (stubs and simulators). */
    private static URI absoluteHttpUrl(String property, String text, String envVar) {
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException malformed) {
            throw new PortalConfigurationException(property, "\"" + Secrets.redact(text) + "\" is not a valid URL (" + envVar + ")");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (url.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new PortalConfigurationException(property, "\"" + Secrets.redact(text) + "\" is not an absolute http(s) URL (" + envVar + ")");
        }
        if (url.getRawUserInfo() != null) {
            throw new PortalConfigurationException(property, "the URL carries user-info (credentials); remove it (" + envVar + ")");
        }
        if (scheme.equals("http") && !LOOPBACK_HOSTS.contains(url.getHost().toLowerCase(Locale.ROOT))) {
            throw new PortalConfigurationException(property, "\"" + Secrets.redact(text) + "\" uses plain http; only https is allowed, except"
                    + " on 127.0.0.1/localhost for local stubs (" + envVar + ")");
        }
        return url;
    }

    private Duration duration(String property, String standardProperty, Duration fallback) {
        return Duration.ofMillis(positiveInt(timeoutKey(property, standardProperty).orElse(property), (int) fallback.toMillis(), MAX_TIMEOUT_MILLIS));
    }

    /** The library's key if it is set, else the standard Rest Client key if that is set, else none. */
    private Optional<String> timeoutKey(String property, String standardProperty) {
        return value(property).isPresent() ? Optional.of(property) : value(standardProperty).map(set -> standardProperty);
    }

    /**
     * The HTTP read timeout follows the Fault Tolerance timeout of the Paddle calls: a synchronous {@code @Timeout}
     * interrupts the caller's thread, but a blocking socket read does not answer an interrupt, so only the read timeout
     * really ends a call to a Paddle that does not answer. Unset, it is that timeout; set longer, it is cut to it (with
     * a notice); set shorter, it is kept.
     */
    private Duration readTimeout(List<String> notices) {
        Optional<String> property = timeoutKey(READ_TIMEOUT, REST_CLIENT_READ_TIMEOUT);
        Optional<Duration> faultTolerance = new GatewayFaultTolerance(lookup).shortestTimeout();
        if (property.isEmpty()) {
            return faultTolerance.orElse(DEFAULT_READ_TIMEOUT);
        }
        Duration configured = Duration.ofMillis(positiveInt(property.get(), (int) DEFAULT_READ_TIMEOUT.toMillis(), MAX_TIMEOUT_MILLIS));
        if (faultTolerance.isPresent() && configured.compareTo(faultTolerance.get()) > 0) {
            notices.add(property.get() + " (" + configured.toMillis() + " ms) is longer than the Fault Tolerance timeout of the calls to Paddle ("
                    + faultTolerance.get().toMillis() + " ms), which a blocked read would outlast: the HTTP read timeout is "
                    + faultTolerance.get().toMillis() + " ms. To allow slower answers, raise " + PaddleGateway.class.getName()
                    + "/Timeout/value and remove " + property.get());
            return faultTolerance.get();
        }
        return configured;
    }

    private int linksPerCustomerPerMinute() {
        return wholeNumber(LINKS_PER_CUSTOMER_PER_MINUTE, DEFAULT_LINKS_PER_CUSTOMER_PER_MINUTE, 0, MAX_LINKS_PER_CUSTOMER_PER_MINUTE,
                " (PADDLE_PORTAL_LINKS_PER_CUSTOMER_PER_MINUTE; 0 turns the limit off)");
    }

    private int pageSize() {
        return positiveInt(PAGE_SIZE, DEFAULT_PAGE_SIZE, 200);
    }

    private int positiveInt(String property, int fallback, int max) {
        return wholeNumber(property, fallback, 1, max, "");
    }

    private int wholeNumber(String property, int fallback, int min, int max, String hint) {
        Optional<String> configured = value(property);
        if (configured.isEmpty()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(configured.get());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException notANumber) {
            // reported below with the accepted range
        }
        // Quoted as every echoed value is: cut, redacted, control characters escaped (a secret may be pasted in the wrong place).
        throw new PortalConfigurationException(property, ClusterSettings.quoted(configured.get()) + " is not a whole number from " + min + " to "
                + max + hint);
    }
}

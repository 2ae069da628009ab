package dev.portallinks.impl;

import dev.portallinks.api.PortalConfigurationException;
import dev.portallinks.api.Secrets;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

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
    /** HTTP read timeout in milliseconds: a backstop behind the Fault Tolerance timeout. */
    public static final String READ_TIMEOUT = "paddle.http.read-timeout-ms";
    /** Page size of subscription listings, 1 to 200. */
    public static final String PAGE_SIZE = "paddle.subscriptions.page-size";

    /** Paddle's customer portal origins, live and sandbox. */
    public static final List<URI> DEFAULT_ALLOWED_ORIGINS = List.of(URI.create("https://customer-portal.paddle.com"),
            URI.create("https://sandbox-customer-portal.paddle.com"));

    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofMillis(1000);
    static final Duration DEFAULT_READ_TIMEOUT = Duration.ofMillis(2000);
    static final int DEFAULT_PAGE_SIZE = 200;

    private static final Pattern KEY_CHARACTERS = Pattern.compile("^[A-Za-z0-9_\\-.]+$");
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
        PaddleEnvironment environment = environment(key);
        URI baseUrl = baseUrl(environment);
        return new PortalLinksSettings(key, environment, baseUrl, allowedOrigins(), fallbackUrl(),
                duration(CONNECT_TIMEOUT, DEFAULT_CONNECT_TIMEOUT), duration(READ_TIMEOUT, DEFAULT_READ_TIMEOUT), pageSize());
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

    private Duration duration(String property, Duration fallback) {
        return Duration.ofMillis(positiveInt(property, (int) fallback.toMillis(), 60_000));
    }

    private int pageSize() {
        return positiveInt(PAGE_SIZE, DEFAULT_PAGE_SIZE, 200);
    }

    private int positiveInt(String property, int fallback, int max) {
        Optional<String> configured = value(property);
        if (configured.isEmpty()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(configured.get());
            if (parsed >= 1 && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException notANumber) {
            // reported below with the accepted range
        }
        throw new PortalConfigurationException(property, "\"" + configured.get() + "\" is not a whole number from 1 to " + max);
    }
}

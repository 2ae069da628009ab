package dev.portallinks.endpoint;

import dev.portallinks.api.PortalConfigurationException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The endpoint's configuration (MicroProfile Config properties {@code portal.endpoint.*}), read once when the
 * application starts and checked then: a wrong value fails the deployment, naming the property, instead of opening an
 * endpoint that behaves other than the operator meant.
 *
 * @param enabled whether the endpoint is registered at all
 * @param path the base path below the application's context root, without leading or trailing {@code /}
 * @param allowedOrigins origins other than the application's own whose pages may post to the endpoint
 * @param allowRequestsWithoutOrigin whether a POST that carries neither {@code Sec-Fetch-Site} nor {@code Origin} is served
 */
record EndpointSettings(boolean enabled, String path, Set<WebOrigin> allowedOrigins, boolean allowRequestsWithoutOrigin) {

    /** Property: whether the endpoint is registered. Default {@value #DEFAULT_ENABLED}. */
    static final String ENABLED = "portal.endpoint.enabled";
    /** Property: the base path. Default {@value #DEFAULT_PATH}. */
    static final String PATH = "portal.endpoint.path";
    /** Property: comma-separated origins (besides the application's own) allowed to post. Default none. */
    static final String ALLOWED_ORIGINS = "portal.endpoint.allowed-origins";
    /** Property: serve a POST without {@code Sec-Fetch-Site} and {@code Origin}. Default {@value #DEFAULT_ALLOW_WITHOUT_ORIGIN}. */
    static final String ALLOW_REQUESTS_WITHOUT_ORIGIN = "portal.endpoint.allow-requests-without-origin";

    static final boolean DEFAULT_ENABLED = true;
    static final String DEFAULT_PATH = "portal";
    static final boolean DEFAULT_ALLOW_WITHOUT_ORIGIN = false;

    /** A path segment of unreserved URL characters, not starting with a dot (no . or ..), so the mapping means what it says. */
    private static final Pattern PATH_SEGMENT = Pattern.compile("[A-Za-z0-9_~-][A-Za-z0-9._~-]*");

    EndpointSettings {
        Objects.requireNonNull(path, "path must not be null");
        allowedOrigins = Collections.unmodifiableSet(new LinkedHashSet<>(Objects.requireNonNull(allowedOrigins, "allowedOrigins must not be null")));
    }

    /**
     * Reads and checks the application's MicroProfile Config.
     *
     * @param application the application's class loader, whose configuration applies
     * @return the settings
     * @throws PortalConfigurationException naming the property whose value is wrong
     */
    static EndpointSettings fromConfig(ClassLoader application) {
        Config config = ConfigProvider.getConfig(application);
        return read(name -> config.getOptionalValue(name, String.class));
    }

    /**
     * Reads and checks the properties.
     *
     * @param property the value of a property by name, empty when it is not set
     * @return the settings
     * @throws PortalConfigurationException naming the property whose value is wrong
     */
    static EndpointSettings read(Function<String, Optional<String>> property) {
        boolean enabled = bool(property, ENABLED, DEFAULT_ENABLED);
        String path = property.apply(PATH).map(EndpointSettings::normalizedPath).orElse(DEFAULT_PATH);
        Set<WebOrigin> origins = property.apply(ALLOWED_ORIGINS).map(EndpointSettings::origins).orElse(Set.of());
        return new EndpointSettings(enabled, path, origins, bool(property, ALLOW_REQUESTS_WITHOUT_ORIGIN, DEFAULT_ALLOW_WITHOUT_ORIGIN));
    }

    /** The comma-separated list of {@value #ALLOWED_ORIGINS}, each checked; empty entries are skipped. */
    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("::1");
    }

    private static Set<WebOrigin> origins(String list) {
        Set<WebOrigin> origins = new LinkedHashSet<>();
        for (String entry : list.split(",")) {
            String origin = entry.strip();
            if (!origin.isEmpty()) {
                WebOrigin parsed = WebOrigin.parse(origin).orElseThrow(() -> new PortalConfigurationException(ALLOWED_ORIGINS, LogText.quoted(
                        origin) + " is not an origin; write each as scheme://host or scheme://host:port (http or https), without a path or"
                        + " trailing /, separated by commas, e.g. https://app.example.com"));
                // Credentialed CORS to a page served over plain http hands the customer's session to anyone on the network path.
                if (!parsed.scheme().equals("https") && !isLoopback(parsed.host())) {
                    throw new PortalConfigurationException(ALLOWED_ORIGINS, LogText.quoted(origin) + " is not https; pages that post to the"
                            + " endpoint with the customer's cookies must be served over https (http is accepted for 127.0.0.1, [::1] and"
                            + " localhost only)");
                }
                origins.add(parsed);
            }
        }
        return origins;
    }

    private static boolean bool(Function<String, Optional<String>> property, String name, boolean defaultValue) {
        Optional<String> value = property.apply(name).map(String::strip);
        if (value.isEmpty()) {
            return defaultValue;
        }
        return switch (value.get().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new PortalConfigurationException(name, "\"" + value.get() + "\" is not true or false");
        };
    }

    /** The base path without its outer slashes, each segment checked: no {@code .} or {@code ..}, no wildcard, nothing to escape. */
    private static String normalizedPath(String value) {
        String path = value.strip();
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        boolean valid = Arrays.stream(path.split("/", -1)).allMatch(segment -> PATH_SEGMENT.matcher(segment).matches());
        if (!valid) {
            throw new PortalConfigurationException(PATH, "\"" + value + "\" is not a path below the context root; use segments of letters,"
                    + " digits and - . _ ~ separated by /, e.g. portal or api/billing/portal");
        }
        return path;
    }

    /** @return the servlet mapping of the endpoint, e.g. {@code /portal/*} */
    String servletMapping() {
        return "/" + path + "/*";
    }
}

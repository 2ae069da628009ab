package dev.portallinks.endpoint;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A web origin as browsers send it in the {@code Origin} header: {@code http} or {@code https}, a host and a port,
 * normalized (lower case; the scheme's default port left out) so that two spellings of one origin are equal.
 *
 * @param scheme {@code http} or {@code https}
 * @param host the host in lower case; an IPv6 address in brackets
 * @param port the port, or -1 for the scheme's default
 */
record WebOrigin(String scheme, String host, int port) {

    WebOrigin {
        Objects.requireNonNull(scheme, "scheme must not be null");
        Objects.requireNonNull(host, "host must not be null");
        scheme = scheme.toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("scheme must be http or https, not " + scheme);
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("host must not be empty");
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]";   // the servlet API gives IPv6 hosts without brackets, the Origin header with them
        }
        if (port == defaultPort(scheme)) {
            port = -1;
        }
        if (port != -1 && (port < 1 || port > 65_535)) {
            throw new IllegalArgumentException("port must be 1 to 65535, not " + port);
        }
    }

    /**
     * Parses an origin as the {@code Origin} header and the {@code portal.endpoint.allowed-origins} property write it:
     * {@code scheme://host[:port]}, nothing more (no path, not even a trailing {@code /}, no user-info, query or fragment).
     *
     * @param text the text, may be null
     * @return the origin, or empty when the text is not exactly an http(s) origin (including the opaque origin {@code null})
     */
    static Optional<WebOrigin> parse(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text);
            if (uri.getScheme() == null || uri.getHost() == null || uri.getRawUserInfo() != null || !uri.getRawPath().isEmpty()
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                return Optional.empty();
            }
            return Optional.of(new WebOrigin(uri.getScheme(), uri.getHost(), uri.getPort()));
        } catch (URISyntaxException | IllegalArgumentException notAnOrigin) {
            return Optional.empty();
        }
    }

    private static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }

    /** @return the origin as browsers write it, e.g. {@code https://app.example.com} or {@code http://127.0.0.1:9080} */
    @Override
    public String toString() {
        return scheme + "://" + host + (port == -1 ? "" : ":" + port);
    }
}

package dev.portallinks.test;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request the simulator received, as it arrived (the API key in {@code Authorization} masked).
 *
 * @param method the HTTP method
 * @param path the path, e.g. {@code /customers/ctm_…/portal-sessions}
 * @param query the raw query, or empty
 * @param headers the headers, names in lower case; {@code authorization} shows the scheme and the key's first 16
 *        characters only
 * @param body the body as text, or empty
 * @param receivedAt when it arrived
 * @param connection the number of the connection it came on: 1 for the first connection the simulator accepted, 2 for
 *        the next, and so on, so that requests with the same number shared a keep-alive connection; 0 when a host
 *        handed it to an embedded simulator
 */
public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers, String body, Instant receivedAt,
        long connection) {

    /** Copies the headers. */
    public RecordedRequest {
        headers = Map.copyOf(headers);
    }

    /**
     * A request that came on no connection of the simulator's own (connection 0).
     *
     * @param method the HTTP method
     * @param path the path
     * @param query the raw query, or empty
     * @param headers the headers, names in lower case
     * @param body the body as text, or empty
     * @param receivedAt when it arrived
     */
    public RecordedRequest(String method, String path, String query, Map<String, List<String>> headers, String body, Instant receivedAt) {
        this(method, path, query, headers, body, receivedAt, 0);
    }

    /**
     * @param name a header name, any case
     * @return its first value, or null
     */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /**
     * @return whether this request was a call to Paddle's API ({@code /customers/…} or {@code /subscriptions}), not a
     *         visit to a portal link or anything else a browser asks for (a favicon, say)
     */
    public boolean isApiCall() {
        return path.startsWith("/customers/") || path.equals("/subscriptions");
    }

    /** @return whether this request created a portal session ({@code POST /customers/{id}/portal-sessions}) */
    public boolean isPortalSession() {
        return "POST".equals(method) && path.startsWith("/customers/") && path.endsWith("/portal-sessions");
    }
}

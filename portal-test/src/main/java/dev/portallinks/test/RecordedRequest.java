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
 */
public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers, String body, Instant receivedAt) {

    /** Copies the headers. */
    public RecordedRequest {
        headers = Map.copyOf(headers);
    }

    /**
     * @param name a header name, any case
     * @return its first value, or null
     */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** @return whether this request created a portal session ({@code POST /customers/{id}/portal-sessions}) */
    public boolean isPortalSession() {
        return "POST".equals(method) && path.startsWith("/customers/") && path.endsWith("/portal-sessions");
    }
}

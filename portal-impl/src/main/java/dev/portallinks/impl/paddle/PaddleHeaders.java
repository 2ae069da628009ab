package dev.portallinks.impl.paddle;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Objects;

/**
 * Adds Paddle's headers to every request: {@code Authorization: Bearer <key>} and {@code Paddle-Version}.
 * Holds the key; its {@link #toString()} does not show it.
 */
public final class PaddleHeaders implements ClientRequestFilter {

    /** The Paddle API version the wire classes are written for. */
    public static final String PADDLE_VERSION = "1";

    private final String authorization;
    private final String userAgent;

    /**
     * Creates the filter.
     *
     * @param apiKey the validated API key, not null
     * @param userAgent the User-Agent to send, not null
     */
    public PaddleHeaders(String apiKey, String userAgent) {
        this.authorization = "Bearer " + Objects.requireNonNull(apiKey, "apiKey");
        this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
    }

    @Override
    public void filter(ClientRequestContext request) {
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, authorization);
        request.getHeaders().putSingle("Paddle-Version", PADDLE_VERSION);
        request.getHeaders().putSingle(HttpHeaders.USER_AGENT, userAgent);
    }

    @Override
    public String toString() {
        return "PaddleHeaders[Authorization=Bearer [redacted], Paddle-Version=" + PADDLE_VERSION + "]";
    }
}

package dev.portallinks.impl;

import dev.portallinks.impl.paddle.PaddleJson;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;

/**
 * Gives a request body its length before it is sent, written by the client's own {@link PaddleJson}, for Jersey on
 * {@code HttpURLConnection} (Payara):
 * with the length known and fixed-length streaming on ({@link PaddleTransport#JERSEY_FIXED_LENGTH}), the body is
 * streamed with a {@code Content-Length} header. Streamed, {@code HttpURLConnection} does not send it again when a
 * connection closes unanswered; with a length, a proxy, firewall or stub that needs one gets it (chunked transfer had
 * no length). Registered for Jersey only: Apache HttpClient (RESTEasy) sets the length itself and refuses a request that
 * already has one.
 */
final class FixedLengthBody implements ClientRequestFilter {

    private final PaddleJson json;

    /** @param json the client's own JSON-B, so the body is written exactly as the client would write it */
    FixedLengthBody(PaddleJson json) {
        this.json = json;
    }

    @Override
    public void filter(ClientRequestContext request) {
        if (request.hasEntity() && !(request.getEntity() instanceof byte[])) {
            byte[] body = json.toJson(request.getEntity()).getBytes(StandardCharsets.UTF_8);
            request.setEntity(body, request.getEntityAnnotations(), MediaType.APPLICATION_JSON_TYPE);
            request.getHeaders().putSingle(HttpHeaders.CONTENT_LENGTH, body.length);
        }
    }
}

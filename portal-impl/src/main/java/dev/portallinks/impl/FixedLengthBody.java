package dev.portallinks.impl;

import dev.portallinks.impl.paddle.CreatePortalSessionBody;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;

/**
 * Gives the portal-session request body its length before it is sent, for Jersey on {@code HttpURLConnection} (Payara):
 * with the length known and fixed-length streaming on ({@link PaddleTransport#JERSEY_FIXED_LENGTH}), the body is
 * streamed with a {@code Content-Length} header. Streamed, {@code HttpURLConnection} does not send it again when a
 * connection closes unanswered; with a length, a proxy, firewall or stub that needs one gets it (chunked transfer had
 * no length). Registered for Jersey only: Apache HttpClient (RESTEasy) sets the length itself and refuses a request that
 * already has one.
 */
final class FixedLengthBody implements ClientRequestFilter {

    @Override
    public void filter(ClientRequestContext request) {
        if (request.getEntity() instanceof CreatePortalSessionBody body) {
            byte[] json = body.toJson().getBytes(StandardCharsets.UTF_8);
            request.setEntity(json, request.getEntityAnnotations(), MediaType.APPLICATION_JSON_TYPE);
            request.getHeaders().putSingle(HttpHeaders.CONTENT_LENGTH, json.length);
        }
    }
}

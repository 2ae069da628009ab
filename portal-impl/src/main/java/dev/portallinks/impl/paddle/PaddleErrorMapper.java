package dev.portallinks.impl.paddle;

import jakarta.annotation.Priority;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Reads Paddle's error envelope from every answer with HTTP status 400 or above and returns it as a
 * {@link PaddleHttpError}. A body that is not Paddle's envelope (an HTML page from a proxy, say) still gives
 * the status, with no envelope.
 */
@Priority(PaddleErrorMapper.PRIORITY)
public class PaddleErrorMapper implements ResponseExceptionMapper<PaddleHttpError> {

    /** Runs before the Rest Client's default mapper. */
    public static final int PRIORITY = 100;

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    @Override
    public PaddleHttpError toThrowable(Response response) {
        PaddleErrorEnvelope envelope = null;
        try {
            if (response.hasEntity()) {
                envelope = response.readEntity(PaddleErrorEnvelope.class);
            }
        } catch (ProcessingException | IllegalStateException notPaddlesEnvelope) {
            // The status alone still classifies the failure.
            envelope = null;
        }
        return new PaddleHttpError(response.getStatus(), envelope, response.getHeaderString("Retry-After"));
    }
}

package dev.portallinks.impl.paddle;

/**
 * Paddle answered with HTTP 400 or above. Internal: the gateway turns it into one of the API's exceptions once
 * it knows which call failed (a 403 names that call's permission).
 */
public class PaddleHttpError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient PaddleErrorEnvelope envelope;
    private final String retryAfterHeader;

    /**
     * Creates the error.
     *
     * @param status the HTTP status
     * @param envelope Paddle's error envelope, or null when the body was not one
     * @param retryAfterHeader the {@code Retry-After} header, or null
     */
    public PaddleHttpError(int status, PaddleErrorEnvelope envelope, String retryAfterHeader) {
        super("Paddle answered HTTP " + status, null, false, false);
        this.status = status;
        this.envelope = envelope;
        this.retryAfterHeader = retryAfterHeader;
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return Paddle's error envelope, or null when the body was not one */
    public PaddleErrorEnvelope envelope() {
        return envelope;
    }

    /** @return the {@code Retry-After} header, or null */
    public String retryAfterHeader() {
        return retryAfterHeader;
    }

    /** @return Paddle's request ID from the envelope, or null */
    public String requestId() {
        return envelope == null || envelope.meta == null ? null : envelope.meta.requestId;
    }
}

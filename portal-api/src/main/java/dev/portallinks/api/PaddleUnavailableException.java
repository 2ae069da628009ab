package dev.portallinks.api;

/**
 * Paddle could not be used right now; {@link #reason()} says why. The request itself may be fine: show the
 * customer a "try again later" message (or send them to the configured fallback portal URL).
 */
public final class PaddleUnavailableException extends PortalLinkException {

    private static final long serialVersionUID = 1L;

    /** Why Paddle was unavailable. */
    public enum Reason {
        /** The connection failed, was reset or closed (retried before giving up). */
        IO_ERROR("could not be reached (I/O error)"),
        /**
         * The TLS handshake failed: the certificate presented (Paddle's, or a TLS-inspecting proxy's) is not trusted,
         * or the name does not match. Not retried: another attempt meets the same certificate.
         */
        TLS_FAILURE("could not be reached over a trusted TLS connection (the certificate presented is not trusted or does not match;"
                + " check paddle-api/mp-rest/trustStore and paddle-api/mp-rest/hostnameVerifier)", false),
        /**
         * The HTTP proxy refused or failed to open the connection to Paddle ({@code paddle-api/mp-rest/proxyAddress},
         * or the JVM's proxy settings); Paddle was not reached. Not retried.
         */
        PROXY_FAILURE("could not be reached through the HTTP proxy (the proxy refused or failed the connection; check"
                + " paddle-api/mp-rest/proxyAddress or the JVM's proxy settings)", false),
        /** Paddle did not answer within the timeout (not retried: a slow Paddle is not made faster by more calls). */
        TIMEOUT("did not answer in time"),
        /** Paddle answered 5xx on every attempt. */
        SERVER_ERROR("answered with a server error"),
        /** Recent calls failed so often that the circuit breaker is open; no request was sent. */
        CIRCUIT_OPEN("is failing; the circuit breaker is open and no request was sent"),
        /** Too many calls to Paddle are in flight at once; no request was sent. */
        BULKHEAD_FULL("is busy with too many concurrent calls from this server (bulkhead full); no request was sent");

        private final String description;
        private final boolean transientFailure;

        Reason(String description) {
            this(description, true);
        }

        Reason(String description, boolean transientFailure) {
            this.description = description;
            this.transientFailure = transientFailure;
        }

        /** @return the reason in words, for messages; never null */
        public String description() {
            return description;
        }

        /** @return whether trying again later may help (false: something in the configuration or the network must change) */
        public boolean isTransient() {
            return transientFailure;
        }
    }

    private final PaddleOperation operation;
    private final Reason reason;
    private final int httpStatus;
    private final int attempts;

    /**
     * Creates the exception.
     *
     * @param operation the call that failed, not null
     * @param reason why, not null
     * @param httpStatus the last HTTP status: 5xx for {@link Reason#SERVER_ERROR}, the proxy's (407) for {@link Reason#PROXY_FAILURE}
     *        when it answered with one, otherwise 0
     * @param attempts how many requests were sent, 0 when none was
     * @param requestId Paddle's request ID of the last answer, may be null
     * @param cause the underlying failure, may be null
     */
    public PaddleUnavailableException(PaddleOperation operation, Reason reason, int httpStatus, int attempts, String requestId, Throwable cause) {
        super("Paddle " + reason.description() + " when trying to " + operation.description()
                + (httpStatus > 0 ? " (HTTP " + httpStatus + ")" : "") + " after " + attempts + (attempts == 1 ? " attempt" : " attempts")
                + (reason.isTransient() ? ". Try again later" : ""), requestId, cause);
        this.operation = operation;
        this.reason = reason;
        this.httpStatus = httpStatus;
        this.attempts = attempts;
    }

    /** @return the call that failed, never null */
    public PaddleOperation operation() {
        return operation;
    }

    /** @return why Paddle was unavailable, never null */
    public Reason reason() {
        return reason;
    }

    /** @return the last HTTP status answered (Paddle's 5xx, or a proxy's 407), or 0 when there was no HTTP answer */
    public int httpStatus() {
        return httpStatus;
    }

    /** @return how many requests were sent to Paddle for this call, 0 when none was */
    public int attempts() {
        return attempts;
    }

    /**
     * {@inheritDoc} Only for a transient cause ({@link Reason#isTransient()}: an I/O error, a timeout, 5xx, an open
     * circuit, a full bulkhead): a TLS failure or a refusing proxy is the operator's to fix, and a fallback would hide it.
     */
    @Override
    public boolean fallbackApplies() {
        return reason.isTransient();
    }

    /** {@inheritDoc} True for an open circuit and a full bulkhead. */
    @Override
    public boolean rejectedWithoutCallingPaddle() {
        return reason == Reason.CIRCUIT_OPEN || reason == Reason.BULKHEAD_FULL;
    }

    /**
     * {@inheritDoc}
     *
     * @return {@link PortalLinkRefused.Reason#PADDLE_UNAVAILABLE}
     */
    @Override
    public PortalLinkRefused.Reason refusalReason() {
        return PortalLinkRefused.Reason.PADDLE_UNAVAILABLE;
    }
}

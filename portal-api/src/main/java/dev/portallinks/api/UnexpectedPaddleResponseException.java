package dev.portallinks.api;

/**
 * Paddle's answer could not be used: it was not valid JSON, lacked a required field, or a link in it failed the
 * library's checks (wrong origin, wrong customer, a subscription that was not asked for). Nothing was handed
 * out. This is not retried; if it persists, report it with {@link #requestId()}.
 */
public final class UnexpectedPaddleResponseException extends PortalLinkException {

    private static final long serialVersionUID = 1L;

    private final PaddleOperation operation;

    /**
     * Creates the exception.
     *
     * @param operation the call whose answer was rejected, not null
     * @param problem what is wrong with the answer, not null; secrets are removed
     * @param requestId Paddle's request ID, may be null
     * @param cause the parse error, may be null
     */
    public UnexpectedPaddleResponseException(PaddleOperation operation, String problem, String requestId, Throwable cause) {
        super("Paddle's answer to " + operation.description() + " was rejected: " + problem
                + ". No link was handed out; if this persists, report it to Paddle with the request ID", requestId, cause);
        this.operation = operation;
    }

    /** @return the call whose answer was rejected, never null */
    public PaddleOperation operation() {
        return operation;
    }

    /**
     * {@inheritDoc}
     *
     * @return {@link PortalLinkRefused.Reason#UNEXPECTED_ANSWER}
     */
    @Override
    public PortalLinkRefused.Reason refusalReason() {
        return PortalLinkRefused.Reason.UNEXPECTED_ANSWER;
    }
}

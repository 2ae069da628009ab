package dev.portallinks.api;

import java.time.Instant;
import java.util.Optional;

/**
 * The root of the exceptions {@link PortalLinkService} throws. Unchecked.
 *
 * <p>Each subtype is named after what went wrong and carries its data in getters, so callers never parse
 * messages:
 * <ul>
 * <li>{@link PaddleRequestRefusedException}: Paddle answered with a 4xx error (fix the request, the IDs or the
 * key's permissions; retrying does not help);</li>
 * <li>{@link PaddleRateLimitedException}: Paddle's rate limit is in force; try again after
 * {@link PaddleRateLimitedException#retryAt()};</li>
 * <li>{@link CustomerLinkLimitException}: this customer asked for too many links within a minute; tell them to try
 * again after {@link CustomerLinkLimitException#retryAt()} (other customers are not affected);</li>
 * <li>{@link PaddleUnavailableException}: Paddle could not be reached in time, answered 5xx after retries,
 * or the circuit breaker or bulkhead protected it; show a "try again later" message;</li>
 * <li>{@link UnexpectedPaddleResponseException}: Paddle's answer could not be read or failed the library's
 * checks; nothing was handed out;</li>
 * <li>{@link PortalConfigurationException}: the library is not configured correctly (a missing or wrong API
 * key, for example).</li>
 * </ul>
 * No message or {@code toString()} of these exceptions contains the API key or a portal token.
 *
 * <p><b>Fallback policy.</b> One rule decides, for every caller, whether a fallback may stand in for a failure:
 * {@link #fallbackApplies()}. It is true only when Paddle cannot be used right now for a transient cause
 * ({@link PaddleUnavailableException} with a {@link PaddleUnavailableException.Reason#isTransient() transient} reason, and
 * {@link PaddleRateLimitedException}); the customer then still reaches the portal through its plain
 * sign-in page. It is false for everything the fallback would hide: a refused request, an unexpected answer, wrong
 * configuration, and a customer over the per-customer limit (who must wait, not be sent elsewhere).
 * {@link PortalLinkService#handOut} applies it, with the request's own fallback (the Faces components' {@code fallback}
 * attribute) before {@code paddle.portal.fallback-url}.
 *
 * <p><b>One classification.</b> The hierarchy is sealed and each type names what it stands for in
 * {@link #refusalReason()}: the audit reason, and the one value the Faces messages, the endpoint's problem types, the
 * log levels and the telemetry outcome are derived from, in {@code switch} expressions the compiler checks for
 * exhaustiveness.
 */
public abstract sealed class PortalLinkException extends RuntimeException permits PaddleRequestRefusedException, PaddleRateLimitedException,
        CustomerLinkLimitException, PaddleUnavailableException, UnexpectedPaddleResponseException, PortalConfigurationException {

    private static final long serialVersionUID = 1L;

    private final String requestId;

    /**
     * Creates the exception; the message is redacted of secrets.
     *
     * @param message what went wrong and what to do, not null
     * @param requestId Paddle's request ID, may be null
     * @param cause the cause, may be null
     */
    protected PortalLinkException(String message, String requestId, Throwable cause) {
        super(Secrets.redact(message) + (requestId == null || requestId.isEmpty() ? "" : " [Paddle request ID " + requestId + "]"), cause);
        this.requestId = requestId == null || requestId.isEmpty() ? null : requestId;
    }

    /**
     * Returns Paddle's request ID of the failed call; give it to Paddle support.
     *
     * @return the request ID, or null when Paddle sent none (or no call was made)
     */
    public String requestId() {
        return requestId;
    }

    /**
     * Tells whether a fallback may be used instead of this failure (see the class description for the policy).
     *
     * @return true when Paddle cannot be used right now for a transient cause; false here and in every subtype except
     *         {@link PaddleUnavailableException} (transient reasons) and {@link PaddleRateLimitedException}
     */
    public boolean fallbackApplies() {
        return false;
    }

    /**
     * Tells whether the library turned the call away before any request reached Paddle, to protect Paddle or itself:
     * the per-customer limit, an open {@code Retry-After} window, an open circuit, a full bulkhead. Such rejections
     * come by the thousand during an outage or a replayed click, and their cause was logged once: log them at
     * {@code FINE}.
     *
     * @return true for those rejections; false here and for everything Paddle answered or that went wrong on the way
     */
    public boolean rejectedWithoutCallingPaddle() {
        return false;
    }

    /**
     * Returns what this failure stands for, as the audit event {@link PortalLinkRefused} names it.
     *
     * @return the reason, never null and never {@link PortalLinkRefused.Reason#NOT_PERMITTED} (that one is decided by
     *         an entry point's own check, before the service is asked)
     */
    public abstract PortalLinkRefused.Reason refusalReason();

    /**
     * Returns when trying again can help: the end of the per-customer limit or of Paddle's {@code Retry-After} window.
     *
     * @return the instant, or empty when waiting is not what helps (here and in every subtype except
     *         {@link CustomerLinkLimitException} and {@link PaddleRateLimitedException})
     */
    public Optional<Instant> tryAgainAt() {
        return Optional.empty();
    }
}

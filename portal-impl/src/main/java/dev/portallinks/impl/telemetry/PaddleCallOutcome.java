package dev.portallinks.impl.telemetry;

import dev.portallinks.api.PaddleRateLimitedException;
import dev.portallinks.api.PaddleRequestRefusedException;
import dev.portallinks.api.PaddleUnavailableException;
import dev.portallinks.api.PortalConfigurationException;
import dev.portallinks.api.PortalLinkException;
import dev.portallinks.api.UnexpectedPaddleResponseException;
import java.util.Locale;

/**
 * How one Paddle call (or one attempt of it) ended, named after the API's exceptions: the value of the span
 * attribute {@code paddle.outcome} and of the timer's {@code outcome} tag. A small fixed set, so metric tags stay
 * bounded.
 */
public enum PaddleCallOutcome {

    /** Paddle answered with 2xx and the answer passed the checks. */
    SUCCEEDED,
    /** Paddle refused the request ({@link PaddleRequestRefusedException}). */
    REFUSED,
    /** Paddle's rate limit: a 429, or an open {@code Retry-After} window ({@link PaddleRateLimitedException}). */
    RATE_LIMITED,
    /** {@link PaddleUnavailableException.Reason#CIRCUIT_OPEN}: no request was sent. */
    CIRCUIT_OPEN,
    /** {@link PaddleUnavailableException.Reason#BULKHEAD_FULL}: no request was sent. */
    BULKHEAD_FULL,
    /** {@link PaddleUnavailableException.Reason#TIMEOUT}. */
    TIMED_OUT,
    /** {@link PaddleUnavailableException.Reason#SERVER_ERROR}: 5xx. */
    SERVER_ERROR,
    /** {@link PaddleUnavailableException.Reason#IO_ERROR}. */
    IO_ERROR,
    /** {@link PaddleUnavailableException.Reason#TLS_FAILURE}. */
    TLS_FAILURE,
    /** {@link PaddleUnavailableException.Reason#PROXY_FAILURE}. */
    PROXY_FAILURE,
    /** The answer could not be read or failed the checks ({@link UnexpectedPaddleResponseException}). */
    UNEXPECTED_ANSWER,
    /** The library is not configured correctly ({@link PortalConfigurationException}). */
    CONFIGURATION,
    /** Anything else: a bug, not one of Paddle's failures. */
    OTHER_ERROR;

    private final String tag = name().toLowerCase(Locale.ROOT);

    /**
     * Returns the outcome's name as it appears in spans and metrics.
     *
     * @return e.g. {@code rate_limited}, never null
     */
    public String tag() {
        return tag;
    }

    /**
     * Returns the outcome of a call that ended the given way.
     *
     * @param failure what the call threw, as the caller sees it; null when it succeeded
     * @return the outcome, never null
     */
    public static PaddleCallOutcome of(Throwable failure) {
        if (failure == null) {
            return SUCCEEDED;
        }
        if (!(failure instanceof PortalLinkException known)) {
            return OTHER_ERROR;
        }
        return switch (known.refusalReason()) {
            case PADDLE_UNAVAILABLE -> of(((PaddleUnavailableException) known).reason());
            case PADDLE_RATE_LIMITED -> RATE_LIMITED;
            case PADDLE_REFUSED -> REFUSED;
            case UNEXPECTED_ANSWER -> UNEXPECTED_ANSWER;
            case CONFIGURATION -> CONFIGURATION;
            // Never a call's outcome: the per-customer limit is decided before the call, a refused click before the service.
            case CUSTOMER_LIMIT, NOT_PERMITTED -> OTHER_ERROR;
        };
    }

    private static PaddleCallOutcome of(PaddleUnavailableException.Reason reason) {
        return switch (reason) {
            case CIRCUIT_OPEN -> CIRCUIT_OPEN;
            case BULKHEAD_FULL -> BULKHEAD_FULL;
            case TIMEOUT -> TIMED_OUT;
            case SERVER_ERROR -> SERVER_ERROR;
            case IO_ERROR -> IO_ERROR;
            case TLS_FAILURE -> TLS_FAILURE;
            case PROXY_FAILURE -> PROXY_FAILURE;
        };
    }
}

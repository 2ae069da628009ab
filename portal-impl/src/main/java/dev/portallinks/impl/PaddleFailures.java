package dev.portallinks.impl;

import dev.portallinks.api.PaddleFieldError;
import dev.portallinks.api.PaddleOperation;
import dev.portallinks.api.PaddleRequestRefusedException;
import dev.portallinks.api.PaddleUnavailableException;
import dev.portallinks.api.PortalLinkException;
import dev.portallinks.api.UnexpectedPaddleResponseException;
import dev.portallinks.impl.paddle.PaddleErrorEnvelope;
import dev.portallinks.impl.paddle.PaddleHttpError;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLException;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * The one place where a failed call to Paddle becomes one of the API's exceptions, without side effects: an error answer and a missing or
 * unreadable answer (per attempt, in {@link PaddleGateway}), and what Fault Tolerance throws around the attempts (in
 * {@link DefaultPortalLinkService}). The retry marker {@link RetryablePaddleFailure} is made and unwrapped here too,
 * so callers only ever see the API's types.
 */
final class PaddleFailures {

    private PaddleFailures() {
    }

    /**
     * What a logical call threw, as the caller sees it.
     *
     * @param operation the call
     * @param thrown what came out of the Fault Tolerance-annotated gateway
     * @param attempts how many requests were sent
     * @return the API's exception, or null when {@code thrown} is none of Paddle's failures (a bug: let it through)
     */
    static PortalLinkException ofCall(PaddleOperation operation, RuntimeException thrown, int attempts) {
        if (thrown instanceof RetryablePaddleFailure exhausted) {
            return exhausted.failure();
        }
        if (thrown instanceof PortalLinkException failure) {
            return failure;
        }
        if (thrown instanceof CircuitBreakerOpenException) {
            return new PaddleUnavailableException(operation, PaddleUnavailableException.Reason.CIRCUIT_OPEN, 0, attempts, null, thrown);
        }
        if (thrown instanceof BulkheadException) {
            return new PaddleUnavailableException(operation, PaddleUnavailableException.Reason.BULKHEAD_FULL, 0, attempts, null, thrown);
        }
        if (thrown instanceof TimeoutException) {
            // Payara's Fault Tolerance wraps the attempt's own TIMEOUT (the read timeout fired first): not wrapped twice.
            return thrown.getCause() instanceof PaddleUnavailableException attemptTimedOut ? attemptTimedOut
                    : new PaddleUnavailableException(operation, PaddleUnavailableException.Reason.TIMEOUT, 0, attempts, null, thrown);
        }
        return null;
    }

    /** I/O errors and 5xx are worth another attempt: wrapped for {@code @Retry}; everything else goes out as it is. */
    static RuntimeException forRetry(PortalLinkException failure) {
        return isRetryable(failure) ? new RetryablePaddleFailure((PaddleUnavailableException) failure) : failure;
    }

    /**
     * @param failure an attempt's failure
     * @return whether another attempt may help: an I/O error or a 5xx
     */
    static boolean isRetryable(PortalLinkException failure) {
        return failure instanceof PaddleUnavailableException unavailable && (unavailable.reason() == PaddleUnavailableException.Reason.IO_ERROR
                || unavailable.reason() == PaddleUnavailableException.Reason.SERVER_ERROR);
    }

    /**
     * Paddle answered with an error status other than 429 (a 429 opens the rate-limit window, which the gateway does
     * itself: this class only translates).
     *
     * @param operation the call
     * @param error the status and Paddle's error envelope (if any)
     * @param attempt the attempt that got it
     * @return the API's exception for it
     * @throws IllegalArgumentException for a 429
     */
    static PortalLinkException ofHttpError(PaddleOperation operation, PaddleHttpError error, int attempt) {
        int status = error.status();
        if (status == 429) {
            throw new IllegalArgumentException("a 429 opens the rate-limit window (PaddleGateway), it is not only translated");
        }
        if (status == 407) {
            // Only an HTTP proxy answers 407 (it wants credentials): Paddle was not reached, and retrying will not help.
            return new PaddleUnavailableException(operation, PaddleUnavailableException.Reason.PROXY_FAILURE, status, attempt, null, null);
        }
        if (status >= 500) {
            return new PaddleUnavailableException(operation, PaddleUnavailableException.Reason.SERVER_ERROR, status, attempt, error.requestId(), null);
        }
        PaddleErrorEnvelope.Error body = error.envelope() == null ? null : error.envelope().error;
        if (body == null) {
            return new PaddleRequestRefusedException(operation, status, null, null, "Paddle sent no error envelope", null, error.requestId(),
                    List.of());
        }
        List<PaddleFieldError> fieldErrors = body.errors == null ? List.of()
                : body.errors.stream().filter(e -> e != null && e.field != null && e.message != null)
                        .map(e -> new PaddleFieldError(e.field, e.message)).toList();
        return new PaddleRequestRefusedException(operation, status, body.type, body.code, body.detail, body.documentationUrl, error.requestId(),
                fieldErrors);
    }

    /**
     * Sorts a failure without an HTTP answer: an answer that could not be read, a TLS handshake that failed or a proxy
     * that refused the tunnel (not retried: another attempt meets the same certificate or proxy), a read timeout, or
     * an I/O error (retried).
     */
    static PortalLinkException ofNoAnswer(PaddleOperation operation, ProcessingException failure, int attempt) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonbException || cause instanceof JsonException) {
                return new UnexpectedPaddleResponseException(operation, "the body is not the JSON Paddle sends (" + cause.getClass().getSimpleName()
                        + ")", null, failure);
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (isTlsFailure(cause)) {
                return new PaddleUnavailableException(operation, PaddleUnavailableException.Reason.TLS_FAILURE, 0, attempt, null, failure);
            }
            if (isProxyRefusal(cause)) {
                return new PaddleUnavailableException(operation, PaddleUnavailableException.Reason.PROXY_FAILURE, 0, attempt, null, failure);
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InterruptedIOException timeout && !isConnectTimeout(timeout)) {
                return new PaddleUnavailableException(operation, PaddleUnavailableException.Reason.TIMEOUT, 0, attempt, null, failure);
            }
            if (cause instanceof IOException) {
                return new PaddleUnavailableException(operation, PaddleUnavailableException.Reason.IO_ERROR, 0, attempt, null, failure);
            }
        }
        return new UnexpectedPaddleResponseException(operation, "it could not be read: " + failure.getMessage(), null, failure);
    }

    /**
     * The TLS handshake failed or its peer was not accepted: an {@link SSLException} (Apache HttpClient reports a
     * rejected host name as one too), or {@code HttpsURLConnection}'s IOException for a host name its verifier rejected.
     */
    private static boolean isTlsFailure(Throwable cause) {
        return cause instanceof SSLException || String.valueOf(cause.getMessage()).startsWith("HTTPS hostname wrong");
    }

    /**
     * The proxy answered the CONNECT for the TLS tunnel with an error, so Paddle was never reached: Apache HttpClient
     * throws its {@code TunnelRefusedException}, {@code HttpURLConnection} an IOException "Unable to tunnel through proxy".
     */
    private static boolean isProxyRefusal(Throwable cause) {
        String text = (cause.getClass().getSimpleName() + " " + cause.getMessage()).toLowerCase(Locale.ROOT);
        return text.contains("tunnelrefused") || text.contains("unable to tunnel") || text.contains("connect refused by proxy");
    }

    private static boolean isConnectTimeout(InterruptedIOException timeout) {
        String text = (timeout.getClass().getSimpleName() + " " + timeout.getMessage()).toLowerCase(Locale.ROOT);
        return text.contains("connect");
    }

}

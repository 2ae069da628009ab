package dev.portallinks.impl;

import dev.portallinks.api.PaddleOperation;
import dev.portallinks.api.PaddleUnavailableException;

/**
 * A failure worth another attempt: an I/O error (including a keep-alive connection Paddle had closed; creating
 * a portal session has no side effect) or a 5xx. The only exception {@code @Retry} retries on. When retries
 * are exhausted the caller receives it as the {@link PaddleUnavailableException} it is.
 */
public class RetryablePaddleFailure extends PaddleUnavailableException {

    private static final long serialVersionUID = 1L;

    RetryablePaddleFailure(PaddleOperation operation, Reason reason, int httpStatus, int attempts, String requestId, Throwable cause) {
        super(operation, reason, httpStatus, attempts, requestId, cause);
    }
}

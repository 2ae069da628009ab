package dev.portallinks.impl;

import dev.portallinks.api.PaddleUnavailableException;
import java.util.Objects;

/**
 * Internal carrier of a failure worth another attempt: an I/O error (including a keep-alive connection Paddle had
 * closed; creating a portal session has no side effect) or a 5xx. The only exception {@code @Retry} retries on.
 * It never reaches callers: when retries are exhausted, {@link PaddleFailures#ofCall} hands out the
 * {@link PaddleUnavailableException} it carries, so callers see only the API's types on every server.
 */
final class RetryablePaddleFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final PaddleUnavailableException failure;

    RetryablePaddleFailure(PaddleUnavailableException failure) {
        // No stack trace of its own: the carried exception has the one that matters.
        super(failure.getMessage(), null, false, false);
        this.failure = Objects.requireNonNull(failure, "failure");
    }

    /** @return the exception the caller receives once no attempt is left */
    PaddleUnavailableException failure() {
        return failure;
    }
}

package dev.portallinks.impl.telemetry;

/**
 * The trace of one logical Paddle call, all its Fault Tolerance attempts: started before the first, ended after the
 * last, on the calling thread. Implementations are used by one call at a time; they never record the API key, a
 * portal token, a link or a URL.
 */
public interface CallTrace {

    /**
     * Records an attempt that Paddle answered with 2xx.
     *
     * @param attempt the attempt's number, from 1
     * @param httpStatus the HTTP status of Paddle's answer (201 for a session, 200 for a page of subscriptions)
     * @param requestId Paddle's request ID, or null
     */
    void answered(int attempt, int httpStatus, String requestId);

    /**
     * Records an attempt that failed.
     *
     * @param attempt the attempt's number, from 1
     * @param httpStatus the HTTP status of Paddle's answer, 0 when there was none
     * @param requestId Paddle's request ID, or null
     * @param outcome how the attempt ended
     * @param retryable whether Fault Tolerance tries again (while attempts and time remain)
     */
    void failed(int attempt, int httpStatus, String requestId, PaddleCallOutcome outcome, boolean retryable);

    /**
     * Ends the call.
     *
     * @param attempts how many requests were sent
     * @param failure what the caller sees thrown, or null when the call succeeded
     */
    void end(int attempts, RuntimeException failure);
}

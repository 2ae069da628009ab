package dev.portallinks.impl;

import dev.portallinks.api.PaddleRateLimitedException;
import dev.portallinks.api.PaddleRequestRefusedException;
import dev.portallinks.api.PortalConfigurationException;
import dev.portallinks.impl.paddle.CreatePortalSessionBody;
import dev.portallinks.impl.paddle.PortalSessionEnvelope;
import dev.portallinks.impl.paddle.SubscriptionListEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;

/**
 * The circuit breaker around each logical call to Paddle, outside {@link PaddleGateway}'s {@code @Retry}: it sees what
 * the caller sees, after the retries, so a call counts once whatever its attempts. On the gateway itself (inside
 * {@code @Retry}, where the specification puts it) every attempt would count: a call answered 500 three times would be
 * three failures, and 16 callers resuming together on stale keep-alive connections (each first attempt fails, each
 * retry succeeds) would open the circuit for everyone although every call succeeded.
 *
 * <p>{@code @CircuitBreaker}: opens when 5 of the last 10 calls failed (I/O errors or 5xx on every attempt, a timeout,
 * an unreadable answer; 4xx, 429, configuration errors and a full bulkhead do not count: a busy server is not a failing
 * Paddle), stays open 10 s, closes after one successful trial call. One circuit per method, so per operation. Every
 * value can be overridden through MicroProfile Config, e.g. {@code dev.portallinks.impl.PaddleCircuit/CircuitBreaker/delay=30000}
 * or {@code dev.portallinks.impl.PaddleCircuit/createPortalSession/CircuitBreaker/delay=60000}.
 */
@ApplicationScoped
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000, successThreshold = 1,
        skipOn = {PaddleRequestRefusedException.class, PaddleRateLimitedException.class, PortalConfigurationException.class,
            BulkheadException.class})
public class PaddleCircuit {

    @Inject
    PaddleGateway gateway;

    /**
     * One logical {@code POST /customers/{customer_id}/portal-sessions}, all its attempts.
     *
     * @param call the logical call, counting attempts
     * @param customerId the validated customer ID
     * @param body the subscription IDs
     * @return Paddle's answer
     */
    public PortalSessionEnvelope createPortalSession(PaddleCall call, String customerId, CreatePortalSessionBody body) {
        return gateway.createPortalSession(call, customerId, body);
    }

    /**
     * One logical call for one page of {@code GET /subscriptions}, all its attempts.
     *
     * @param call the logical call, counting attempts
     * @param customerId the validated customer ID
     * @param status comma-separated statuses, or null
     * @param after the cursor, or null for the first page
     * @param perPage the page size
     * @return Paddle's answer
     */
    public SubscriptionListEnvelope listSubscriptions(PaddleCall call, String customerId, String status, String after, int perPage) {
        return gateway.listSubscriptions(call, customerId, status, after, perPage);
    }
}

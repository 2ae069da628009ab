package dev.portallinks.impl;

import dev.portallinks.api.PaddleOperation;
import dev.portallinks.api.PaddleRequestRefusedException;
import dev.portallinks.api.PortalLinkException;
import dev.portallinks.api.UnexpectedPaddleResponseException;
import dev.portallinks.impl.paddle.CreatePortalSessionBody;
import dev.portallinks.impl.paddle.PaddleErrorMapper;
import dev.portallinks.impl.paddle.PaddleHttpError;
import dev.portallinks.impl.paddle.PortalSessionEnvelope;
import dev.portallinks.impl.paddle.SubscriptionListEnvelope;
import dev.portallinks.impl.telemetry.PaddleCallOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Every request to Paddle goes through here, under MicroProfile Fault Tolerance. One method call is one
 * attempt; the annotations wrap it (outermost first): retry, timeout, bulkhead. The circuit breaker is outside the
 * retries, on {@link PaddleCircuit}, so that it counts calls, not attempts.
 *
 * <ul>
 * <li>{@code @Retry}: 2 retries, 100 ms delay ± 50 ms jitter, only on {@code RetryablePaddleFailure} (I/O errors,
 * 5xx). Never on 4xx, 429, timeouts or unreadable answers.</li>
 * <li>{@code @Timeout}: 2000 ms per attempt. The HTTP read timeout follows it ({@link GatewayFaultTolerance}): a
 * blocked socket read ignores the interrupt of a synchronous timeout, so the read timeout is what ends the wait.</li>
 * <li>{@code @Bulkhead}: at most 20 concurrent requests to Paddle from this application.</li>
 * </ul>
 * So a Paddle that does not answer costs the timeout (+ at most 250 ms; timeouts are not retried). Every value can
 * be overridden through MicroProfile Config, e.g.
 * {@code dev.portallinks.impl.PaddleGateway/Retry/maxRetries=1} (class level, both calls) or the global
 * {@code Retry/maxRetries}.
 */
@ApplicationScoped
@Retry(maxRetries = 2, delay = 100, jitter = 50, retryOn = RetryablePaddleFailure.class)
@Timeout(2000)
@Bulkhead(20)
public class PaddleGateway {

    private static final Logger LOG = Logger.getLogger(PaddleGateway.class.getName());
    private static final PaddleErrorMapper ERRORS = new PaddleErrorMapper();

    @Inject
    PaddleClient client;

    @Inject
    RateLimitWindow rateLimitWindow;

    @Inject
    Config config;

    /** Attempts per operation (retries + 1; 0 for no limit), from the Fault Tolerance configuration, for the log. */
    private final Map<PaddleOperation, Integer> attemptsAllowed = new ConcurrentHashMap<>();

    /**
     * One attempt at {@code POST /customers/{customer_id}/portal-sessions}.
     *
     * @param call the logical call, counting attempts
     * @param customerId the validated customer ID
     * @param body the subscription IDs
     * @return Paddle's answer
     */
    public PortalSessionEnvelope createPortalSession(PaddleCall call, String customerId, CreatePortalSessionBody body) {
        return attempt(call, () -> client.api().createPortalSession(customerId, body), PortalSessionEnvelope.class,
                answer -> answer == null || answer.meta == null ? null : answer.meta.requestId);
    }

    /**
     * One attempt at one page of {@code GET /subscriptions}.
     *
     * @param call the logical call, counting attempts
     * @param customerId the validated customer ID
     * @param status comma-separated statuses, or null
     * @param after the cursor, or null for the first page
     * @param perPage the page size
     * @return Paddle's answer
     */
    public SubscriptionListEnvelope listSubscriptions(PaddleCall call, String customerId, String status, String after, int perPage) {
        return attempt(call, () -> client.api().listSubscriptions(customerId, status, after, perPage), SubscriptionListEnvelope.class,
                answer -> answer == null || answer.meta == null ? null : answer.meta.requestId);
    }

    private <T> T attempt(PaddleCall call, Supplier<Response> request, Class<T> type, Function<T, String> requestIdOf) {
        PaddleOperation operation = call.operation();
        rateLimitWindow.checkClosed(operation);
        int attempt = call.nextAttempt();
        long started = System.nanoTime();
        try {
            Response response = request.get();
            try {
                int status = response.getStatus();
                if (status >= 400) {
                    // Where the Rest Client did not apply PaddleErrorMapper to a Response-returning method, it applies here.
                    throw ERRORS.toThrowable(response);
                }
                if (status / 100 != 2) {
                    UnexpectedPaddleResponseException unexpected = new UnexpectedPaddleResponseException(operation, "Paddle answered HTTP "
                            + status + " where 2xx or an error was expected (redirects are not followed)", null, null);
                    throw failedAttempt(call, attempt, started, status, null, "HTTP " + status, unexpected);
                }
                T answer = response.readEntity(type);
                String requestId = requestIdOf.apply(answer);
                call.trace().answered(attempt, status, requestId);
                LOG.fine(() -> "Paddle " + operation.description() + ": succeeded" + requestIdText(requestId) + ", "
                        + millisSince(started) + " ms, attempt " + attempt);
                return answer;
            } finally {
                response.close();
            }
        } catch (PaddleHttpError error) {
            // A 429 opens the rate-limit window here, where the answer is met; every other status is only translated.
            PortalLinkException translated = error.status() == 429 ? rateLimitWindow.open(operation, error.retryAfterHeader(), error.requestId())
                    : PaddleFailures.ofHttpError(operation, error, attempt);
            throw failedAttempt(call, attempt, started, error.status(), error.requestId(), "HTTP " + error.status(), translated);
        } catch (ProcessingException failure) {
            PortalLinkException translated = PaddleFailures.ofNoAnswer(operation, failure, attempt);
            throw failedAttempt(call, attempt, started, 0, null, translated instanceof UnexpectedPaddleResponseException ? "unreadable answer"
                    : "no answer", translated);
        }
    }

    /** Traces and logs a failed attempt; returns what to throw (wrapped for {@code @Retry} when another attempt may help). */
    private RuntimeException failedAttempt(PaddleCall call, int attempt, long started, int status, String requestId, String outcome,
            PortalLinkException failure) {
        traced(call, attempt, status, requestId, failure);
        log(call.operation(), attempt, started, outcome, requestId, failure);
        return PaddleFailures.forRetry(failure);
    }

    private static void traced(PaddleCall call, int attempt, int status, String requestId, PortalLinkException failure) {
        call.trace().failed(attempt, status, requestId, PaddleCallOutcome.of(failure), PaddleFailures.isRetryable(failure));
    }

    private void log(PaddleOperation operation, int attempt, long started, String outcome, String requestId, PortalLinkException failure) {
        Level level = failure instanceof PaddleRequestRefusedException ? Level.INFO : Level.WARNING;
        LOG.log(level, () -> "Paddle " + operation.description() + ": " + outcome + requestIdText(requestId) + ", " + millisSince(started)
                + " ms, attempt " + attempt + whatFollows(operation, attempt, failure) + ": " + failure.getMessage());
    }

    /** Whether another attempt follows a failed one (unless Retry's maxDuration has run out first). */
    private String whatFollows(PaddleOperation operation, int attempt, PortalLinkException failure) {
        if (!PaddleFailures.isRetryable(failure)) {
            return " (not retried)";
        }
        int allowed = attemptsAllowed.computeIfAbsent(operation, op -> {
            int retries = new GatewayFaultTolerance(key -> config.getOptionalValue(key, String.class)).maxRetries(op);
            return retries < 0 ? 0 : retries + 1;
        });
        return allowed == 0 || attempt < allowed ? " of " + (allowed == 0 ? "unlimited" : allowed) + ", another attempt follows"
                : " of " + allowed + ", no attempt left: the call fails";
    }

    /** {@code ", request ID …"}, or nothing when Paddle sent none (no answer, or an answer without one). */
    private static String requestIdText(String requestId) {
        return requestId == null ? ", no request ID" : ", request ID " + requestId;
    }

    private static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}

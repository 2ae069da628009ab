package dev.portallinks.impl;

import dev.portallinks.api.PaddleOperation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * What the library has seen of the circuit breakers on {@link PaddleCircuit}, for the readiness check.
 * MicroProfile Fault Tolerance has no portable API for a circuit's state, so {@link DefaultPortalLinkService}
 * records each call that failed fast with {@link CircuitBreakerOpenException} and each call that succeeded.
 *
 * <p>A circuit counts as open while its last open observation is newer than its last success and younger than
 * the circuit breaker's {@code delay} (after which Fault Tolerance lets a trial call through). Fault Tolerance
 * keeps one circuit per method, so this is tracked per {@link PaddleOperation}, each with its effective delay
 * ({@link GatewayFaultTolerance#circuitDelay(PaddleOperation)}: method, class and global keys, then the annotation).
 */
@ApplicationScoped
public class CircuitState {

    private static final Logger LOG = Logger.getLogger(CircuitState.class.getName());

    private final Clock clock;
    private final Map<PaddleOperation, Duration> delays;
    private final ConcurrentMap<PaddleOperation, Instant> lastOpen = new ConcurrentHashMap<>();
    private final ConcurrentMap<PaddleOperation, Instant> lastSuccess = new ConcurrentHashMap<>();
    /** Whether the opening was logged and the closing not yet: exactly one line per transition, also under concurrency. */
    private final Map<PaddleOperation, AtomicBoolean> reportedOpen = new EnumMap<>(PaddleOperation.class);

    /** For CDI proxies. */
    protected CircuitState() {
        this.clock = null;
        this.delays = null;
    }

    /**
     * Creates the bean with the system clock and the delays from MicroProfile Config.
     *
     * @param config the application's MicroProfile Config
     */
    @Inject
    public CircuitState(Config config) {
        this(Clock.systemUTC(), property -> config.getOptionalValue(property, String.class));
    }

    /**
     * Uses the given clock and key lookup (tests).
     *
     * @param clock the clock
     * @param lookup returns a MicroProfile Config property's value; empty when it is not set
     */
    public CircuitState(Clock clock, Function<String, Optional<String>> lookup) {
        this.clock = clock;
        GatewayFaultTolerance faultTolerance = new GatewayFaultTolerance(lookup);
        Map<PaddleOperation, Duration> effective = new EnumMap<>(PaddleOperation.class);
        for (PaddleOperation operation : PaddleOperation.values()) {
            effective.put(operation, faultTolerance.circuitDelay(operation));
        }
        this.delays = Collections.unmodifiableMap(effective);
        for (PaddleOperation operation : PaddleOperation.values()) {
            reportedOpen.put(operation, new AtomicBoolean());
        }
    }

    /**
     * Records that a call failed fast because the circuit was open. The first such call after the circuit was seen
     * closed logs one WARNING (Fault Tolerance itself says nothing): operators learn that Paddle calls are being
     * refused, once per opening, not once per call.
     *
     * @param operation the call
     */
    public void recordOpen(PaddleOperation operation) {
        lastOpen.merge(operation, clock.instant(), CircuitState::later);
        if (reportedOpen.get(operation).compareAndSet(false, true)) {
            LOG.warning(() -> "The circuit breaker to Paddle is open for " + operation.description() + ": calls fail at once, without a"
                    + " request, for up to " + delays.get(operation).toMillis() + " ms; then a trial call decides whether it closes");
        }
    }

    /**
     * Records that a call succeeded: its circuit is closed. The first success after the circuit was seen open logs
     * one INFO.
     *
     * @param operation the call
     */
    public void recordSuccess(PaddleOperation operation) {
        lastSuccess.merge(operation, clock.instant(), CircuitState::later);
        if (reportedOpen.get(operation).compareAndSet(true, false)) {
            LOG.info(() -> "The circuit breaker to Paddle is closed again for " + operation.description() + ": a call succeeded");
        }
    }

    /**
     * Returns the circuits that count as open now, each with the time until which it does (its last open
     * observation plus its delay). Only memory is read: no call to Paddle.
     *
     * @return the open circuits in {@link PaddleOperation} order; empty when all are closed
     */
    public Map<PaddleOperation, Instant> openUntil() {
        Instant now = clock.instant();
        Map<PaddleOperation, Instant> open = new EnumMap<>(PaddleOperation.class);
        lastOpen.forEach((operation, seen) -> {
            Instant succeeded = lastSuccess.get(operation);
            Instant until = seen.plus(delays.get(operation));
            if ((succeeded == null || seen.isAfter(succeeded)) && now.isBefore(until)) {
                open.put(operation, until);
            }
        });
        return Collections.unmodifiableMap(open);
    }

    /**
     * Returns an operation's circuit breaker delay: how long its circuit stays open before a trial call.
     *
     * @param operation the operation
     * @return the delay
     */
    public Duration delay(PaddleOperation operation) {
        return delays.get(operation);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}

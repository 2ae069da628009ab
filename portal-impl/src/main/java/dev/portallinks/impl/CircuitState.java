package dev.portallinks.impl;

import dev.portallinks.api.PaddleOperation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * What the library has seen of the circuit breakers around {@link PaddleGateway}, for the readiness check.
 * MicroProfile Fault Tolerance has no portable API for a circuit's state, so {@link DefaultPortalLinkService}
 * records each call that failed fast with {@link CircuitBreakerOpenException} and each call that succeeded.
 *
 * <p>A circuit counts as open while its last open observation is newer than its last success and younger than
 * the circuit breaker's {@code delay} (after which Fault Tolerance lets a trial call through). Fault Tolerance
 * keeps one circuit per method, so this is tracked per {@link PaddleOperation}. The delay is the effective one:
 * {@code dev.portallinks.impl.PaddleGateway/CircuitBreaker/delay} (and {@code .../delayUnit}), else the global
 * {@code CircuitBreaker/delay}, else the value annotated on {@link PaddleGateway} (10 s).
 */
@ApplicationScoped
public class CircuitState {

    /** The MicroProfile Config prefix of the circuit breaker's parameters on {@link PaddleGateway}. */
    static final String CLASS_PREFIX = PaddleGateway.class.getName() + "/" + CircuitBreaker.class.getSimpleName() + "/";
    /** The MicroProfile Config prefix of every circuit breaker's parameters in the application. */
    static final String GLOBAL_PREFIX = CircuitBreaker.class.getSimpleName() + "/";
    /** Keeps {@code Instant} arithmetic safe whatever the configuration says; far beyond any sensible delay. */
    static final Duration LONGEST_DELAY = Duration.ofDays(365L * 1000);

    private final Clock clock;
    private final Duration delay;
    private final ConcurrentMap<PaddleOperation, Instant> lastOpen = new ConcurrentHashMap<>();
    private final ConcurrentMap<PaddleOperation, Instant> lastSuccess = new ConcurrentHashMap<>();

    /** For CDI proxies. */
    protected CircuitState() {
        this.clock = null;
        this.delay = null;
    }

    /**
     * Creates the bean with the system clock and the delay from MicroProfile Config.
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
        this.delay = effectiveDelay(lookup);
    }

    /**
     * Records that a call failed fast because the circuit was open.
     *
     * @param operation the call
     */
    public void recordOpen(PaddleOperation operation) {
        lastOpen.merge(operation, clock.instant(), CircuitState::later);
    }

    /**
     * Records that a call succeeded: its circuit is closed.
     *
     * @param operation the call
     */
    public void recordSuccess(PaddleOperation operation) {
        lastSuccess.merge(operation, clock.instant(), CircuitState::later);
    }

    /**
     * Returns the circuits that count as open now, each with the time until which it does (its last open
     * observation plus the delay). Only memory is read: no call to Paddle.
     *
     * @return the open circuits in {@link PaddleOperation} order; empty when all are closed
     */
    public Map<PaddleOperation, Instant> openUntil() {
        Instant now = clock.instant();
        Map<PaddleOperation, Instant> open = new EnumMap<>(PaddleOperation.class);
        lastOpen.forEach((operation, seen) -> {
            Instant succeeded = lastSuccess.get(operation);
            Instant until = seen.plus(delay);
            if ((succeeded == null || seen.isAfter(succeeded)) && now.isBefore(until)) {
                open.put(operation, until);
            }
        });
        return Collections.unmodifiableMap(open);
    }

    /**
     * Returns the circuit breaker's effective delay: how long a circuit stays open before a trial call.
     *
     * @return the delay
     */
    public Duration delay() {
        return delay;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** The delay Fault Tolerance uses: class-level key, else global key, else the annotation; each parameter on its own. */
    static Duration effectiveDelay(Function<String, Optional<String>> lookup) {
        CircuitBreaker annotated = PaddleGateway.class.getAnnotation(CircuitBreaker.class);
        long amount = parameter(lookup, "delay", Long::valueOf).filter(value -> value >= 0).orElse(annotated.delay());
        ChronoUnit unit = parameter(lookup, "delayUnit", ChronoUnit::valueOf).orElse(annotated.delayUnit());
        try {
            Duration configured = Duration.of(amount, unit);
            return configured.compareTo(LONGEST_DELAY) > 0 ? LONGEST_DELAY : configured;
        } catch (ArithmeticException | DateTimeException unusable) {
            return Duration.of(annotated.delay(), annotated.delayUnit());
        }
    }

    /** A parameter's configured value; a value that does not parse counts as not set (Fault Tolerance refuses it anyway). */
    private static <T> Optional<T> parameter(Function<String, Optional<String>> lookup, String name, Function<String, T> parser) {
        for (String prefix : List.of(CLASS_PREFIX, GLOBAL_PREFIX)) {
            Optional<String> configured = lookup.apply(prefix + name).map(String::strip).filter(value -> !value.isEmpty());
            if (configured.isPresent()) {
                try {
                    return Optional.of(parser.apply(configured.get()));
                } catch (IllegalArgumentException malformed) {
                    // the next key, or the annotated value
                }
            }
        }
        return Optional.empty();
    }
}

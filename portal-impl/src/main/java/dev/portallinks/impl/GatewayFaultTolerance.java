package dev.portallinks.impl;

import dev.portallinks.api.PaddleOperation;
import java.lang.annotation.Annotation;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * The effective values of the Fault Tolerance parameters on {@link PaddleGateway} and {@link PaddleCircuit} that the
 * library must know: the timeout (the HTTP read timeout follows it, because a blocking socket read does not answer the
 * interrupt of a synchronous {@code @Timeout}), the circuit breaker's delay (for the readiness data) and the retries
 * (so a failed attempt's log line says whether another follows).
 *
 * <p>This is the one place that reads them, in the order the MicroProfile Fault Tolerance specification gives:
 * {@code <class>/<method>/<Annotation>/<parameter>}, then {@code <class>/<Annotation>/<parameter>}, then
 * {@code <Annotation>/<parameter>}, then the annotation on the class; each parameter on its own.
 * {@code <...>/<Annotation>/enabled} and {@code MP_Fault_Tolerance_NonFallback_Enabled} switch a policy off the same way.
 * A value that does not parse counts as not set (Fault Tolerance refuses to deploy with it anyway).
 */
public final class GatewayFaultTolerance {


    /** Keeps {@code Duration} arithmetic safe whatever the configuration says; far beyond any sensible value. */
    static final Duration LONGEST = Duration.ofDays(365L * 1000);

    /** {@code @CircuitBreaker}'s parameters, and {@code enabled}. */
    private static final List<String> CIRCUIT_PARAMETERS = List.of("delay", "delayUnit", "requestVolumeThreshold", "failureRatio",
            "successThreshold", "failOn", "skipOn", "enabled");

    private final Function<String, Optional<String>> lookup;

    /**
     * Creates the reader.
     *
     * @param lookup returns a MicroProfile Config property's value; empty when it is not set
     */
    public GatewayFaultTolerance(Function<String, Optional<String>> lookup) {
        this.lookup = lookup;
    }

    /**
     * Returns the effective {@code @Timeout} of one of the gateway's methods.
     *
     * @param operation the operation, whose gateway method it is
     * @return the timeout; empty when the timeout is switched off for it
     */
    public Optional<Duration> timeout(PaddleOperation operation) {
        String method = methodOf(operation);
        if (!enabled(PaddleGateway.class, Timeout.class, method)) {
            return Optional.empty();
        }
        Timeout annotated = PaddleGateway.class.getAnnotation(Timeout.class);
        return Optional.of(duration(PaddleGateway.class, Timeout.class, method, "value", annotated.value(), "unit", annotated.unit()));
    }

    /**
     * Returns the shortest effective {@code @Timeout} of the gateway's methods: one HTTP client serves both.
     *
     * @return the timeout; empty when it is switched off for both
     */
    public Optional<Duration> shortestTimeout() {
        Optional<Duration> create = timeout(PaddleOperation.CREATE_PORTAL_SESSION);
        Optional<Duration> list = timeout(PaddleOperation.LIST_SUBSCRIPTIONS);
        if (create.isPresent() && list.isPresent()) {
            return Optional.of(create.get().compareTo(list.get()) <= 0 ? create.get() : list.get());
        }
        return create.isPresent() ? create : list;
    }

    /**
     * Returns the effective {@code @Retry} {@code maxRetries} of one of the gateway's methods, for the log.
     *
     * @param operation the operation, whose gateway method it is
     * @return the retries after the first attempt; 0 when retry is switched off; -1 for no limit
     */
    public int maxRetries(PaddleOperation operation) {
        String method = methodOf(operation);
        if (!enabled(PaddleGateway.class, Retry.class, method)) {
            return 0;
        }
        int annotated = PaddleGateway.class.getAnnotation(Retry.class).maxRetries();
        return parameter(PaddleGateway.class, Retry.class, method, "maxRetries", Integer::valueOf).filter(value -> value >= -1).orElse(annotated);
    }

    /**
     * Returns the effective {@code @CircuitBreaker} delay of one of the gateway's methods: how long its circuit stays
     * open before a trial call.
     *
     * @param operation the operation, whose gateway method (and circuit) it is
     * @return the delay
     */
    public Duration circuitDelay(PaddleOperation operation) {
        String method = methodOf(operation);
        CircuitBreaker annotated = PaddleCircuit.class.getAnnotation(CircuitBreaker.class);
        return duration(PaddleCircuit.class, CircuitBreaker.class, method, "delay", annotated.delay(), "delayUnit", annotated.delayUnit());
    }

    /**
     * Returns the circuit breaker keys set on {@link PaddleGateway}, where the circuit breaker was before it moved
     * outside the retries to {@link PaddleCircuit}: Fault Tolerance ignores them, so the application would run with
     * values it did not choose, in silence.
     *
     * @return the keys that are set, in a stable order; empty when none is
     */
    public List<String> circuitKeysOnTheGateway() {
        List<String> set = new ArrayList<>();
        String type = PaddleGateway.class.getName();
        List<String> scopes = new ArrayList<>(List.of(type));
        for (PaddleOperation operation : PaddleOperation.values()) {
            scopes.add(type + "/" + methodOf(operation));
        }
        for (String scope : scopes) {
            for (String parameter : CIRCUIT_PARAMETERS) {
                String key = scope + "/" + CircuitBreaker.class.getSimpleName() + "/" + parameter;
                if (lookup.apply(key).isPresent()) {
                    set.add(key);
                }
            }
        }
        return set;
    }

    /** The gateway's (and circuit's) method of an operation: Fault Tolerance's configuration keys (and circuits) are per method. */
    private static String methodOf(PaddleOperation operation) {
        return switch (operation) {
            case CREATE_PORTAL_SESSION -> "createPortalSession";
            case LIST_SUBSCRIPTIONS -> "listSubscriptions";
        };
    }

    private Duration duration(Class<?> bean, Class<? extends Annotation> annotation, String method, String amountName, long annotatedAmount,
            String unitName, ChronoUnit annotatedUnit) {
        long amount = parameter(bean, annotation, method, amountName, Long::valueOf).filter(value -> value >= 0).orElse(annotatedAmount);
        ChronoUnit unit = parameter(bean, annotation, method, unitName, ChronoUnit::valueOf).orElse(annotatedUnit);
        try {
            Duration configured = Duration.of(amount, unit);
            return configured.compareTo(LONGEST) > 0 ? LONGEST : configured;
        } catch (ArithmeticException | DateTimeException unusable) {
            return Duration.of(annotatedAmount, annotatedUnit);
        }
    }

    private boolean enabled(Class<?> bean, Class<? extends Annotation> annotation, String method) {
        Optional<Boolean> configured = parameter(bean, annotation, method, "enabled", GatewayFaultTolerance::bool);
        if (configured.isPresent()) {
            return configured.get();
        }
        return lookup.apply("MP_Fault_Tolerance_NonFallback_Enabled").map(String::strip).filter(v -> !v.isEmpty())
                .map(GatewayFaultTolerance::bool).orElse(true);
    }

    private static Boolean bool(String text) {
        String value = text.toLowerCase(Locale.ROOT);
        if (value.equals("true") || value.equals("false")) {
            return Boolean.valueOf(value);
        }
        throw new IllegalArgumentException(text);
    }

    /** The first of the method, class and global keys that is set and parses. */
    private <T> Optional<T> parameter(Class<?> bean, Class<? extends Annotation> annotation, String method, String name,
            Function<String, T> parser) {
        String suffix = annotation.getSimpleName() + "/" + name;
        String type = bean.getName();
        for (String key : new String[] {type + "/" + method + "/" + suffix, type + "/" + suffix, suffix}) {
            Optional<String> configured = lookup.apply(key).map(String::strip).filter(value -> !value.isEmpty());
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

package dev.portallinks.impl.health;

import dev.portallinks.api.PaddleOperation;
import dev.portallinks.api.PortalConfigurationException;
import dev.portallinks.api.Secrets;
import dev.portallinks.impl.CircuitState;
import dev.portallinks.impl.PortalLinksConfig;
import dev.portallinks.impl.PortalLinksSettings;
import dev.portallinks.impl.RateLimitWindow;
import dev.portallinks.impl.SettingsReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of Portal Links, named {@value #NAME}. It reads the library's state in memory and never calls Paddle, and it
 * reports DOWN only for what this instance can fix: an outage of Paddle must not take the whole application out of a
 * load balancer.
 *
 * <ul>
 * <li>DOWN while the configuration is invalid: {@code reason} is the {@link PortalConfigurationException}'s
 * message and {@code property} the key to fix. Like the message in the log, it never contains the API key.</li>
 * <li>UP while the circuit breaker to Paddle is open, as far as {@link CircuitState} has seen, with {@code paddle}
 * {@value #PADDLE_CIRCUIT_OPEN}, {@code circuitOpen} (the calls whose circuit is open) and {@code circuitOpenUntil}.
 * Operators who want the application out of rotation then set {@code paddle.health.readiness-follows-paddle=true}:
 * DOWN, with a {@code reason}.</li>
 * <li>UP while a {@code Retry-After} window from a 429 is open: {@code paddle} {@value #PADDLE_RATE_LIMITED} and
 * {@code rateLimitedUntil}.</li>
 * </ul>
 * With a valid configuration the data also holds {@code environment} ({@code sandbox} or {@code live}), {@code baseUrl}
 * and {@code paddle} ({@value #PADDLE_AVAILABLE} when nothing stops calls).
 *
 * <p>Every value in the data is a string: Payara writes every value as a JSON string, so the answer reads the same on
 * every server.
 */
@Readiness
@ApplicationScoped
public class PortalLinksReadinessCheck implements HealthCheck {

    /** The name of both Portal Links health checks. */
    public static final String NAME = "portal-links";

    /** {@code paddle} in the data: calls may go to Paddle. */
    public static final String PADDLE_AVAILABLE = "available";
    /** {@code paddle} in the data: a {@code Retry-After} window is open, calls fail fast until {@code rateLimitedUntil}. */
    public static final String PADDLE_RATE_LIMITED = "rate limited";
    /** {@code paddle} in the data: the circuit breaker is open. */
    public static final String PADDLE_CIRCUIT_OPEN = "circuit open";

    private final PortalLinksConfig config;
    private final RateLimitWindow rateLimitWindow;
    private final CircuitState circuit;

    /** For CDI proxies. */
    protected PortalLinksReadinessCheck() {
        this(null, null, null);
    }

    /**
     * Creates the check.
     *
     * @param config the library's configuration
     * @param rateLimitWindow the {@code Retry-After} window of Paddle's last 429
     * @param circuit what the library has seen of the circuit breaker
     */
    @Inject
    public PortalLinksReadinessCheck(PortalLinksConfig config, RateLimitWindow rateLimitWindow, CircuitState circuit) {
        this.config = config;
        this.rateLimitWindow = rateLimitWindow;
        this.circuit = circuit;
    }

    /**
     * Tells whether Portal Links can serve calls now.
     *
     * @return UP, or DOWN with the reason in the data
     */
    @Override
    public HealthCheckResponse call() {
        Map<String, Object> data = new LinkedHashMap<>();
        PortalLinksSettings settings;
        try {
            settings = config.settings();
        } catch (PortalConfigurationException invalid) {
            data.put("reason", invalid.getMessage());
            data.put("property", invalid.property());
            return response(HealthCheckResponse.Status.DOWN, data);
        }
        Map<PaddleOperation, Instant> open = circuit.openUntil();
        boolean down = !open.isEmpty() && settings.readinessFollowsPaddle();
        if (!open.isEmpty()) {
            String operations = open.keySet().stream().map(PaddleOperation::description).collect(Collectors.joining(", "));
            if (down) {
                data.put("reason", "the circuit breaker to Paddle is open after repeated failures (" + operations + "): calls fail at once"
                        + " without a request until Paddle answers a trial call (DOWN because " + SettingsReader.READINESS_FOLLOWS_PADDLE
                        + " is true)");
            }
            data.put("circuitOpen", operations);
            data.put("circuitOpenUntil", Collections.max(open.values()).toString());
        }
        data.put("environment", settings.environment().configName());
        data.put("baseUrl", Secrets.redact(settings.baseUrl()));
        Instant rateLimitedUntil = rateLimitWindow.openUntil();
        data.put("paddle", !open.isEmpty() ? PADDLE_CIRCUIT_OPEN : rateLimitedUntil != null ? PADDLE_RATE_LIMITED : PADDLE_AVAILABLE);
        if (rateLimitedUntil != null) {
            data.put("rateLimitedUntil", rateLimitedUntil.toString());
        }
        return response(down ? HealthCheckResponse.Status.DOWN : HealthCheckResponse.Status.UP, data);
    }

    private static HealthCheckResponse response(HealthCheckResponse.Status status, Map<String, Object> data) {
        return new HealthCheckResponse(NAME, status, Optional.of(data));
    }
}

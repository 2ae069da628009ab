package dev.portallinks.impl.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portallinks.api.PaddleOperation;
import dev.portallinks.impl.CircuitState;
import dev.portallinks.impl.MutableClock;
import dev.portallinks.impl.PortalLinksConfig;
import dev.portallinks.impl.RateLimitWindow;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

// The checks' answers for each state of the library, read from memory; the IT shows them through Liberty's endpoints.
class PortalLinksHealthCheckTest {

    private static final Instant START = Instant.parse("2026-01-01T12:00:00Z");
    private static final String KEY = "pdl_sdbx_apikey_01hv8x29kz0t586xy6zn1a62ny_UnitTestSecret";

    private final MutableClock clock = new MutableClock(START);
    private final Map<String, String> properties = new HashMap<>(Map.of("paddle.api-key", KEY));
    private final RateLimitWindow rateLimitWindow = new RateLimitWindow(clock);
    private final CircuitState circuit = new CircuitState(clock, key -> Optional.ofNullable(properties.get(key)));

    /** MicroProfile Config over {@link #properties}; only {@code getOptionalValue} is used by the library. */
    private Config config() {
        return (Config) Proxy.newProxyInstance(Config.class.getClassLoader(), new Class<?>[] {Config.class}, (proxy, method, args) -> {
            if (method.getName().equals("getOptionalValue") && args[1] == String.class) {
                return Optional.ofNullable(properties.get((String) args[0]));
            }
            throw new UnsupportedOperationException(method.getName());
        });
    }

    private HealthCheckResponse ready() {
        return new PortalLinksReadinessCheck(new PortalLinksConfig(config()), rateLimitWindow, circuit).call();
    }

    private static Map<String, Object> data(HealthCheckResponse response) {
        assertThat(response.getName()).isEqualTo("portal-links");
        return response.getData().orElseThrow();
    }

    @Test
    void everyDataValueIsAString() {
        // Payara turns every value into a JSON string; strings everywhere read the same on every server.
        rateLimitWindow.open(PaddleOperation.CREATE_PORTAL_SESSION, "30", "req");
        circuit.recordOpen(PaddleOperation.CREATE_PORTAL_SESSION);

        assertThat(data(ready()).values()).isNotEmpty().allMatch(String.class::isInstance);
    }

    @Test
    void readyWithValidConfiguration() {
        HealthCheckResponse response = ready();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(data(response)).containsExactly(Map.entry("environment", "sandbox"), Map.entry("baseUrl", "https://sandbox-api.paddle.com"),
                Map.entry("paddle", "available"));
    }

    @Test
    void liveConfigurationAndBaseUrlAreReported() {
        properties.put("paddle.api-key", KEY.replace("pdl_sdbx_", "pdl_live_"));
        properties.put("paddle.base-url", "https://paddle-proxy.example.com/api");

        HealthCheckResponse response = ready();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(data(response)).containsEntry("environment", "live").containsEntry("baseUrl", "https://paddle-proxy.example.com/api");
    }

    @Test
    void notReadyWithoutKey() {
        properties.clear();

        HealthCheckResponse response = ready();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(data(response)).containsOnlyKeys("reason", "property").containsEntry("property", "paddle.api-key");
        assertThat((String) data(response).get("reason")).startsWith("Invalid configuration of paddle.api-key: it is not set")
                .contains("PADDLE_API_KEY");
    }

    @Test
    void notReadyWithInvalidKeyAndTheKeyIsNotInTheAnswer() {
        properties.put("paddle.api-key", "Bearer " + KEY);

        HealthCheckResponse response = ready();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(data(response)).containsEntry("property", "paddle.api-key");
        assertThat((String) data(response).get("reason")).contains("spaces", "authorization-scheme prefix");
        assertThat(data(response).toString()).doesNotContain("UnitTestSecret");
    }

    @Test
    void notReadyWithOtherInvalidSetting() {
        properties.put("paddle.base-url", "http://paddle-proxy.example.com");

        HealthCheckResponse response = ready();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(data(response)).containsEntry("property", "paddle.base-url");
    }

    @Test
    void rateLimitWindowIsReportedButStaysReady() {
        rateLimitWindow.open(PaddleOperation.CREATE_PORTAL_SESSION, "30", "req");

        HealthCheckResponse limited = ready();
        clock.advance(Duration.ofSeconds(30));
        HealthCheckResponse after = ready();

        assertThat(limited.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(data(limited)).containsEntry("paddle", "rate limited").containsEntry("rateLimitedUntil", "2026-01-01T12:00:30Z");
        assertThat(after.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(data(after)).containsEntry("paddle", "available").doesNotContainKey("rateLimitedUntil");
    }

    @Test
    void anOpenCircuitKeepsReadinessUpAndSaysSo() {
        circuit.recordOpen(PaddleOperation.CREATE_PORTAL_SESSION);

        HealthCheckResponse response = ready();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(data(response)).containsEntry("circuitOpen", "create a customer portal session")
                .containsEntry("circuitOpenUntil", "2026-01-01T12:00:10Z").containsEntry("environment", "sandbox")
                .containsEntry("paddle", "circuit open").doesNotContainKey("reason");
    }

    @Test
    void notReadyWhileTheCircuitIsOpenWhenTheOperatorOptsIn() {
        properties.put("paddle.health.readiness-follows-paddle", "true");
        circuit.recordOpen(PaddleOperation.CREATE_PORTAL_SESSION);

        HealthCheckResponse response = ready();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(data(response)).containsEntry("paddle", "circuit open").containsEntry("circuitOpen", "create a customer portal session");
        assertThat((String) data(response).get("reason")).contains("circuit breaker to Paddle is open", "paddle.health.readiness-follows-paddle");
    }

    @Test
    void optingOutExplicitlyKeepsReadinessUp() {
        properties.put("paddle.health.readiness-follows-paddle", "false");
        circuit.recordOpen(PaddleOperation.CREATE_PORTAL_SESSION);

        assertThat(ready().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }

    @Test
    void aMalformedOptInIsAConfigurationError() {
        properties.put("paddle.health.readiness-follows-paddle", "yes");

        HealthCheckResponse response = ready();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(data(response)).containsEntry("property", "paddle.health.readiness-follows-paddle");
    }

    @Test
    void bothOpenCircuitsAreNamedWithTheLatestEnd() {
        circuit.recordOpen(PaddleOperation.LIST_SUBSCRIPTIONS);
        clock.advance(Duration.ofSeconds(3));
        circuit.recordOpen(PaddleOperation.CREATE_PORTAL_SESSION);

        HealthCheckResponse response = ready();

        assertThat(data(response)).containsEntry("circuitOpen", "create a customer portal session, list subscriptions")
                .containsEntry("circuitOpenUntil", "2026-01-01T12:00:13Z");
    }

    @Test
    void circuitDataClearsAfterASuccessOrTheDelay() {
        properties.put("paddle.health.readiness-follows-paddle", "true");
        circuit.recordOpen(PaddleOperation.CREATE_PORTAL_SESSION);
        circuit.recordOpen(PaddleOperation.LIST_SUBSCRIPTIONS);
        clock.advance(Duration.ofSeconds(1));
        circuit.recordSuccess(PaddleOperation.CREATE_PORTAL_SESSION);

        HealthCheckResponse listingStillOpen = ready();
        clock.advance(Duration.ofSeconds(9));
        HealthCheckResponse delayOver = ready();

        assertThat(listingStillOpen.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(data(listingStillOpen)).containsEntry("circuitOpen", "list subscriptions");
        assertThat(delayOver.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(data(delayOver)).doesNotContainKeys("reason", "circuitOpen", "circuitOpenUntil").containsEntry("paddle", "available");
    }

    @Test
    void invalidConfigurationIsTheReasonEvenWithTheCircuitOpen() {
        circuit.recordOpen(PaddleOperation.CREATE_PORTAL_SESSION);
        properties.remove("paddle.api-key");

        HealthCheckResponse response = ready();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(data(response)).containsEntry("property", "paddle.api-key").doesNotContainKey("circuitOpen");
    }

    @Test
    void liveWithoutData() {
        HealthCheckResponse response = new PortalLinksLivenessCheck().call();

        assertThat(response.getName()).isEqualTo("portal-links");
        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(response.getData()).isEmpty();
    }
}

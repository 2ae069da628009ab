package dev.portallinks.it;

import static dev.portallinks.it.Probe.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.portallinks.test.Fault;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The health checks on the server's {@code /health/ready} and {@code /health/live} (wherever the server serves them):
 * ready with a valid configuration, still ready while the circuit breaker to Paddle is open (a Paddle outage must not
 * take the application out of a load balancer) with the state in the data, live throughout; and the endpoints never
 * send a request to Paddle. The circuit breaker's thresholds are lowered as in CircuitBreakerIT.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HealthIT extends SimulatedPaddleIT {

    static final String NAME = "portal-links";

    /** No retries, a circuit that opens after 4 failures and stays open 2 s. */
    static final String[] CIRCUIT_SETTINGS = {"dev.portallinks.impl.PaddleGateway/Retry/maxRetries=0",
        "dev.portallinks.impl.PaddleCircuit/CircuitBreaker/requestVolumeThreshold=4", "dev.portallinks.impl.PaddleCircuit/CircuitBreaker/delay=2000"};

    @Deployment(testable = false)
    static WebArchive deployment() {
        // Not "health": the servers' health endpoints own that context root.
        return Deployments.war("health-checks", CIRCUIT_SETTINGS);
    }

    @Test
    @Order(1) // before the circuit test, whose state would stay if it failed halfway
    void readyAndLiveWithValidConfigurationWithoutCallingPaddle() {
        HealthEndpoint.Answer ready = HealthEndpoint.ready();
        HealthEndpoint.Answer live = HealthEndpoint.live();

        assertThat(ready.httpStatus()).as(ready.body()).isEqualTo(200);
        assertThat(ready.status()).isEqualTo("UP");
        assertThat(ready.check(NAME).getString("status")).isEqualTo("UP");
        assertThat(ready.data(NAME).getString("environment")).isEqualTo("sandbox");
        assertThat(ready.data(NAME).getString("baseUrl")).isEqualTo(paddle().origin());
        assertThat(ready.data(NAME).getString("paddle")).isEqualTo("available");
        assertThat(ready.data(NAME).containsKey("reason")).isFalse();
        assertThat(ready.body()).doesNotContain(Deployments.API_KEY, "ItSecretKeyValue");
        assertThat(live.httpStatus()).as(live.body()).isEqualTo(200);
        assertThat(live.check(NAME).getString("status")).isEqualTo("UP");
        assertThat(paddle().requests()).isEmpty();
    }

    @Test
    @Order(2)
    void stillReadyWhileTheCircuitIsOpenAndTheDataSaysSo() {
        openTheCircuit(probe());

        HealthEndpoint.Answer open = HealthEndpoint.ready();
        HealthEndpoint.Answer liveWhileOpen = HealthEndpoint.live();

        // A Paddle outage must not take the application out of a load balancer: UP, with the state in the data.
        assertThat(open.httpStatus()).as(open.body()).isEqualTo(200);
        assertThat(open.check(NAME).getString("status")).isEqualTo("UP");
        assertThat(open.data(NAME).getString("paddle")).isEqualTo("circuit open");
        assertThat(open.data(NAME).getString("circuitOpen")).isEqualTo("create a customer portal session");
        assertThat(open.data(NAME).containsKey("reason")).isFalse();
        assertThat(liveWhileOpen.httpStatus()).as(liveWhileOpen.body()).isEqualTo(200);
        assertThat(sessionRequests()).hasSize(4);

        paddle().always(null);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> probe().post("session", query("customer", CUSTOMER)).containsKey("overview"));
        HealthEndpoint.Answer closed = HealthEndpoint.ready();

        assertThat(closed.data(NAME).getString("paddle")).isEqualTo("available");
        assertThat(closed.data(NAME).containsKey("circuitOpen")).isFalse();
    }

    /**
     * Opens the circuit of a deployment with {@link #CIRCUIT_SETTINGS}: four 503s (no retries, volume threshold 4),
     * then the fifth call fails fast; Paddle keeps answering 503.
     *
     * @param probe the deployment's probe
     */
    static void openTheCircuit(Probe probe) {
        paddle().always(Fault.serverError(503));
        for (int i = 0; i < 4; i++) {
            assertThat(probe.post("session", query("customer", CUSTOMER)).getString("reason")).isEqualTo("SERVER_ERROR");
        }
        assertThat(probe.post("session", query("customer", CUSTOMER)).getString("reason")).isEqualTo("CIRCUIT_OPEN");
    }
}

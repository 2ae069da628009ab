package dev.portallinks.it;

import static dev.portallinks.it.Probe.query;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portallinks.test.Fault;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * README: the circuit breaker counts attempts, not calls (Fault Tolerance applies it inside {@code @Retry}). With the
 * default retries and a volume of 6, two calls answered 503 on all three attempts open the circuit: the third call
 * fails at once. Were calls counted, two failures would be below the volume and the third call would reach Paddle.
 */
class CircuitCountsAttemptsIT extends SimulatedPaddleIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("circuit-counts-attempts", "dev.portallinks.impl.PaddleGateway/CircuitBreaker/requestVolumeThreshold=6");
    }

    @Test
    void twoCallsFailingOnEveryAttemptOpenTheCircuit() {
        paddle().always(Fault.serverError(503));
        JsonObject first = probe().post("session", query("customer", CUSTOMER));
        JsonObject second = probe().post("session", query("customer", CUSTOMER));

        JsonObject third = probe().post("session", query("customer", CUSTOMER));

        assertThat(first.getInt("attempts")).as(first.toString()).isEqualTo(3);
        assertThat(second.getInt("attempts")).as(second.toString()).isEqualTo(3);
        assertThat(third.getString("reason")).as(third.toString()).isEqualTo("CIRCUIT_OPEN");
        assertThat(sessionRequests()).hasSize(6);
    }
}

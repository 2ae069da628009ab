package dev.portallinks.it;

import static dev.portallinks.it.Probe.query;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portallinks.test.Fault;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * README: the circuit breaker counts calls, not attempts ({@code PaddleCircuit} is outside {@code @Retry}). With a
 * volume of 4 and the default ratio of 0.5, four calls answered 503 on all three attempts each reach Paddle, and the
 * fifth fails at once. Were attempts counted, the second call's second attempt would already find the circuit open.
 */
class CircuitCountsCallsIT extends SimulatedPaddleIT {

    static final String VOLUME_OF_FOUR = "dev.portallinks.impl.PaddleCircuit/CircuitBreaker/requestVolumeThreshold=4";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("circuit-counts-calls", VOLUME_OF_FOUR);
    }

    @Test
    void aCallFailingOnEveryAttemptIsOneFailure() {
        paddle().always(Fault.serverError(503));
        for (int call = 1; call <= 4; call++) {
            JsonObject failed = probe().post("session", query("customer", CUSTOMER));
            assertThat(failed.getString("reason")).as("call %d: %s", call, failed).isEqualTo("SERVER_ERROR");
            assertThat(failed.getInt("attempts")).as("call %d: %s", call, failed).isEqualTo(3);
        }

        JsonObject fifth = probe().post("session", query("customer", CUSTOMER));

        assertThat(fifth.getString("reason")).as(fifth.toString()).isEqualTo("CIRCUIT_OPEN");
        assertThat(sessionRequests()).hasSize(4 * 3);
    }
}

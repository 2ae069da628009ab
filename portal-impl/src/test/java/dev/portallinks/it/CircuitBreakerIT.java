package dev.portallinks.it;

import static dev.portallinks.it.Probe.query;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portallinks.test.Fault;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Repeated failures open the circuit: calls then fail fast without reaching Paddle ({@link CircuitBreakerRecoveryIT}:
 * it closes again). The thresholds are lowered through MicroProfile Config, the standard way.
 */
class CircuitBreakerIT extends SimulatedPaddleIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return war("circuit-breaker");
    }

    /**
     * A WAR with the lowered thresholds.
     *
     * @param name the deployment name
     * @return the archive
     */
    static WebArchive war(String name) {
        return Deployments.war(name,
                "dev.portallinks.impl.PaddleGateway/Retry/maxRetries=0",
                "dev.portallinks.impl.PaddleCircuit/CircuitBreaker/requestVolumeThreshold=4",
                "dev.portallinks.impl.PaddleCircuit/CircuitBreaker/delay=2000");
    }

    /**
     * Four 503s on a fresh circuit (each class has its own deployment, so its own circuit); Paddle keeps answering 503.
     *
     * @param probe the probe of the deployment
     */
    static void fourServerErrors(Probe probe) {
        paddle().always(Fault.serverError(503));
        for (int i = 0; i < 4; i++) {
            assertThat(probe.post("session", query("customer", CUSTOMER)).getString("reason")).isEqualTo("SERVER_ERROR");
        }
    }

    @Test
    void opensAfterRepeatedFailuresAndThenFailsFastWithoutARequest() {
        fourServerErrors(probe());

        JsonObject open = probe().post("session", query("customer", CUSTOMER));

        assertThat(open.getString("reason")).isEqualTo("CIRCUIT_OPEN");
        assertThat(open.getInt("attempts")).isZero();
        assertThat(open.getString("message")).contains("circuit breaker is open");
        assertThat(sessionRequests()).hasSize(4);
    }
}

package dev.portallinks.it;

import static dev.portallinks.it.Probe.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.portallinks.test.Fault;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The circuit breaker's transitions reach the server log once each: one WARNING when it opens (however many calls it
 * then refuses), one INFO when it closes. Fault Tolerance itself logs neither.
 */
class CircuitBreakerLogIT extends SimulatedPaddleIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("circuit-breaker-log",
                "dev.portallinks.impl.PaddleGateway/Retry/maxRetries=0",
                "dev.portallinks.impl.PaddleCircuit/CircuitBreaker/requestVolumeThreshold=4",
                "dev.portallinks.impl.PaddleCircuit/CircuitBreaker/delay=1500");
    }

    @Test
    void openingAndClosingAreOneLogLineEach() {
        TestServer.LogMark mark = TestServer.logMark();
        paddle().always(Fault.serverError(503));
        for (int i = 0; i < 4 + 20; i++) {
            probe().post("session", query("customer", CUSTOMER));
        }
        paddle().always(null);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> probe().post("session", query("customer", CUSTOMER)).containsKey("overview"));
        probe().post("session", query("customer", CUSTOMER));

        assertThat(mark.linesSince("The circuit breaker to Paddle is open for create a customer portal session", "1500 ms"))
                .as(mark.textSince()).isEqualTo(1);
        assertThat(mark.linesSince("The circuit breaker to Paddle is closed again for create a customer portal session"))
                .as(mark.textSince()).isEqualTo(1);
    }
}

package dev.portallinks.it;

import static dev.portallinks.it.Probe.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** The circuit that {@link CircuitBreakerIT} opens closes once Paddle answers again (after the 2 s delay, a trial call). */
class CircuitBreakerRecoveryIT extends SimulatedPaddleIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return CircuitBreakerIT.war("circuit-breaker-recovery");
    }

    @Test
    void closesWhenPaddleRecovers() {
        CircuitBreakerIT.fourServerErrors(probe());
        paddle().always(null);

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> probe().post("session", query("customer", CUSTOMER)).containsKey("overview"));

        assertThat(issued(probe().post("session", query("customer", CUSTOMER)), "overview")).isEqualTo(portalLink("overview", null));
    }
}

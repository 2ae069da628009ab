package dev.portallinks.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The operator's opt-in, {@code paddle.health.readiness-follows-paddle=true}: readiness is DOWN while the circuit
 * to Paddle is open, with the reason and the property that asked for it. (On WildFly a DOWN check turns the whole
 * server's readiness 503, which is what opting in means there.)
 */
class HealthReadinessFollowsPaddleIT extends SimulatedPaddleIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("readiness-follows-paddle", Stream.concat(Stream.of(HealthIT.CIRCUIT_SETTINGS),
                Stream.of("paddle.health.readiness-follows-paddle=true")).toArray(String[]::new));
    }

    @Test
    void notReadyWhileTheCircuitIsOpen() {
        HealthIT.openTheCircuit(probe());

        HealthEndpoint.Answer open = HealthEndpoint.ready();

        assertThat(open.httpStatus()).as(open.body()).isEqualTo(503);
        assertThat(open.check(HealthIT.NAME).getString("status")).isEqualTo("DOWN");
        assertThat(open.data(HealthIT.NAME).getString("paddle")).isEqualTo("circuit open");
        assertThat(open.data(HealthIT.NAME).getString("reason")).contains("circuit breaker to Paddle is open",
                "paddle.health.readiness-follows-paddle");
    }
}

package dev.portallinks.observability.it;

import static org.awaitility.Awaitility.await;

import dev.portallinks.test.PaddleSimulator;
import dev.portallinks.test.PaddleSimulatorExtension;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Base of the tests against the observed server: the Paddle simulator on the port the server calls (everything an
 * earlier test set forgotten before each test: faults, permissions, requests), the span collector, and before each test
 * one call that succeeds, so that an earlier test's open circuit or {@code Retry-After} window has ended and the
 * circuit's window ends with a success.
 */
@ExtendWith(SpanCollector.class)
abstract class ObservedIT {

    @RegisterExtension
    static final PaddleSimulatorExtension PADDLE = new PaddleSimulatorExtension(
            PaddleSimulator.builder().port(Integer.getInteger("obs.paddle.port")).apiKey(ObservedServer.API_KEY));

    /** @return the simulator */
    static PaddleSimulator paddle() {
        return PADDLE.simulator();
    }

    /** Open Liberty and WildFly are started by the build with the application deployed; Payara Micro may still be deploying it. */
    @BeforeAll
    static void applicationDeployed() {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> ObservedServer.call("GET", "subscriptions", "customer", ObservedServer.CUSTOMER) != null);
    }

    @BeforeEach
    void paddleAnswersAgain() {
        paddle().reset();
        paddle().customer(ObservedServer.CUSTOMER);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .until(() -> !ObservedServer.call("POST", "session", "customer", ObservedServer.CUSTOMER).answer().containsKey("error"));
        paddle().clearFaultsAndRequests();
    }
}

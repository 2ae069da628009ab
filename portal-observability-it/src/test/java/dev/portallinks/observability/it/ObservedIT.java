package dev.portallinks.observability.it;

import static org.awaitility.Awaitility.await;

import dev.portallinks.test.PaddleSimulator;
import dev.portallinks.test.PaddleSimulatorExtension;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Base of the tests against the observed server: the Paddle simulator on the port the server calls (everything an
 * earlier test set forgotten before each test: faults, permissions, requests), the Zipkin collector, and before each test one call that succeeds, so that an
 * earlier test's open circuit or {@code Retry-After} window has ended and the circuit's window ends with a success.
 */
@ExtendWith(ZipkinCollector.class)
abstract class ObservedIT {

    @RegisterExtension
    static final PaddleSimulatorExtension PADDLE = new PaddleSimulatorExtension(
            PaddleSimulator.builder().port(Integer.getInteger("obs.paddle.port")).apiKey(ObservedServer.API_KEY));

    /** @return the simulator */
    static PaddleSimulator paddle() {
        return PADDLE.simulator();
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

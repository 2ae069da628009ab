package dev.portallinks.it;

import static dev.portallinks.it.Probe.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.portallinks.test.Fault;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** With the bulkhead full, a further call fails at once without a request, and the call in flight still succeeds. */
class BulkheadIT extends SimulatedPaddleIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("bulkhead",
                "dev.portallinks.impl.PaddleGateway/Bulkhead/value=1",
                "dev.portallinks.impl.PaddleCircuit/CircuitBreaker/requestVolumeThreshold=4",
                "dev.portallinks.impl.PaddleGateway/Timeout/value=8000",
                "paddle.http.read-timeout-ms=8000");
    }

    /** @return a call that holds the bulkhead's only place: Paddle has it and answers after 2.5 s */
    private CompletableFuture<JsonObject> callInFlight() {
        paddle().always(Fault.slow(Duration.ofMillis(2500)));
        CompletableFuture<JsonObject> inFlight = probe().postAsync("session", query("customer", CUSTOMER));
        await().atMost(Duration.ofSeconds(5)).until(() -> sessionRequests().size() == 1);
        return inFlight;
    }

    @Test
    void fullBulkheadFailsFastWithoutCallingPaddle() {
        CompletableFuture<JsonObject> inFlight = callInFlight();

        JsonObject rejected = probe().post("session", query("customer", CUSTOMER));

        assertThat(rejected.getString("reason")).isEqualTo("BULKHEAD_FULL");
        assertThat(rejected.getInt("attempts")).isZero();
        assertThat(issued(inFlight.join(), "overview")).isEqualTo(portalLink("overview", null));
        assertThat(sessionRequests()).hasSize(1);
    }

    @Test
    void aFullBulkheadDoesNotOpenTheCircuit() {
        CompletableFuture<JsonObject> inFlight = callInFlight();

        for (int i = 0; i < 6; i++) {
            assertThat(probe().post("session", query("customer", CUSTOMER)).getString("reason")).isEqualTo("BULKHEAD_FULL");
        }
        inFlight.join();
        paddle().always(null);

        // A busy server is not a failing Paddle: with 6 rejections over a volume threshold of 4, the circuit stays closed.
        assertThat(issued(probe().post("session", query("customer", CUSTOMER)), "overview")).isEqualTo(portalLink("overview", null));
    }
}

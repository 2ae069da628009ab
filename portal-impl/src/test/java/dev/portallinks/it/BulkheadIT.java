package dev.portallinks.it;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.portallinks.it.PaddleStub.CUSTOMER;
import static dev.portallinks.it.PaddleStub.created;
import static dev.portallinks.it.PaddleStub.portalSessionBody;
import static dev.portallinks.it.Probe.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** With the bulkhead full, a further call fails at once without a request, and the call in flight still succeeds. */
class BulkheadIT extends PortalLinksIT {

    private static final String SESSIONS = "/customers/" + CUSTOMER + "/portal-sessions";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("bulkhead",
                "dev.portallinks.impl.PaddleGateway/Bulkhead/value=1",
                "dev.portallinks.impl.PaddleGateway/CircuitBreaker/requestVolumeThreshold=4",
                "dev.portallinks.impl.PaddleGateway/Timeout/value=8000",
                "paddle.http.read-timeout-ms=8000");
    }

    @Test
    void fullBulkheadFailsFastWithoutCallingPaddle() {
        PADDLE.stubFor(post(SESSIONS).willReturn(created(portalSessionBody(CUSTOMER, List.of())).withFixedDelay(2500)));

        CompletableFuture<JsonObject> inFlight = probe().postAsync("session", query("customer", CUSTOMER));
        await().atMost(Duration.ofSeconds(5)).until(() -> PADDLE.getAllServeEvents().size() == 1);
        JsonObject rejected = probe().post("session", query("customer", CUSTOMER));

        assertThat(rejected.getString("reason")).isEqualTo("BULKHEAD_FULL");
        assertThat(rejected.getInt("attempts")).isZero();
        assertThat(inFlight.join().containsKey("overview")).isTrue();
        PADDLE.verify(1, postRequestedFor(urlPathEqualTo(SESSIONS)));
    }

    @Test
    void aFullBulkheadDoesNotOpenTheCircuit() {
        PADDLE.stubFor(post(SESSIONS).willReturn(created(portalSessionBody(CUSTOMER, List.of())).withFixedDelay(2500)));
        CompletableFuture<JsonObject> inFlight = probe().postAsync("session", query("customer", CUSTOMER));
        await().atMost(Duration.ofSeconds(5)).until(() -> PADDLE.getAllServeEvents().size() == 1);

        for (int i = 0; i < 6; i++) {
            assertThat(probe().post("session", query("customer", CUSTOMER)).getString("reason")).isEqualTo("BULKHEAD_FULL");
        }
        inFlight.join();
        PADDLE.stubFor(post(SESSIONS).willReturn(created(portalSessionBody(CUSTOMER, List.of()))));

        // A busy server is not a failing Paddle: with 6 rejections over a volume threshold of 4, the circuit stays closed.
        assertThat(probe().post("session", query("customer", CUSTOMER)).containsKey("overview")).isTrue();
    }
}

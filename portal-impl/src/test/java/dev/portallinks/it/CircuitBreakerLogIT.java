package dev.portallinks.it;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static dev.portallinks.it.PaddleStub.CUSTOMER;
import static dev.portallinks.it.PaddleStub.created;
import static dev.portallinks.it.PaddleStub.json;
import static dev.portallinks.it.PaddleStub.portalSessionBody;
import static dev.portallinks.it.Probe.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The circuit breaker's transitions reach the server log once each: one WARNING when it opens (however many calls it
 * then refuses), one INFO when it closes. Fault Tolerance itself logs neither.
 */
class CircuitBreakerLogIT extends PortalLinksIT {

    private static final String SESSIONS = "/customers/" + CUSTOMER + "/portal-sessions";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("circuit-breaker-log",
                "dev.portallinks.impl.PaddleGateway/Retry/maxRetries=0",
                "dev.portallinks.impl.PaddleGateway/CircuitBreaker/requestVolumeThreshold=4",
                "dev.portallinks.impl.PaddleGateway/CircuitBreaker/delay=1500");
    }

    @Test
    void openingAndClosingAreOneLogLineEach() {
        TestServer.LogMark mark = TestServer.logMark();
        PADDLE.stubFor(post(SESSIONS).willReturn(json(503, "{}")));
        for (int i = 0; i < 4 + 20; i++) {
            probe().post("session", query("customer", CUSTOMER));
        }
        PADDLE.stubFor(post(SESSIONS).willReturn(created(portalSessionBody(CUSTOMER, List.of()))));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> probe().post("session", query("customer", CUSTOMER)).containsKey("overview"));
        probe().post("session", query("customer", CUSTOMER));

        assertThat(mark.linesSince("The circuit breaker to Paddle is open for create a customer portal session", "1500 ms"))
                .as(mark.textSince()).isEqualTo(1);
        assertThat(mark.linesSince("The circuit breaker to Paddle is closed again for create a customer portal session"))
                .as(mark.textSince()).isEqualTo(1);
    }
}

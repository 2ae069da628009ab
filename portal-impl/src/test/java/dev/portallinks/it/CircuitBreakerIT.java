package dev.portallinks.it;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.portallinks.it.PaddleStub.CUSTOMER;
import static dev.portallinks.it.PaddleStub.created;
import static dev.portallinks.it.PaddleStub.json;
import static dev.portallinks.it.PaddleStub.portalSessionBody;
import static dev.portallinks.it.Probe.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Repeated failures open the circuit: calls then fail fast without reaching Paddle, and the circuit closes once
 * Paddle answers again. The thresholds are lowered through MicroProfile Config, the standard way.
 */
class CircuitBreakerIT extends PortalLinksIT {

    private static final String SESSIONS = "/customers/" + CUSTOMER + "/portal-sessions";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("circuit-breaker",
                "dev.portallinks.impl.PaddleGateway/Retry/maxRetries=0",
                "dev.portallinks.impl.PaddleGateway/CircuitBreaker/requestVolumeThreshold=4",
                "dev.portallinks.impl.PaddleGateway/CircuitBreaker/delay=2000");
    }

    @Test
    void opensAfterRepeatedFailuresFailsFastAndClosesWhenPaddleRecovers() {
        PADDLE.stubFor(post(SESSIONS).willReturn(json(503, "{}")));
        for (int i = 0; i < 4; i++) {
            assertThat(probe().post("session", query("customer", CUSTOMER)).getString("reason")).isEqualTo("SERVER_ERROR");
        }

        JsonObject open = probe().post("session", query("customer", CUSTOMER));

        assertThat(open.getString("reason")).isEqualTo("CIRCUIT_OPEN");
        assertThat(open.getInt("attempts")).isZero();
        assertThat(open.getString("message")).contains("circuit breaker is open");
        PADDLE.verify(4, postRequestedFor(urlPathEqualTo(SESSIONS)));

        PADDLE.stubFor(post(SESSIONS).willReturn(created(portalSessionBody(CUSTOMER, List.of()))));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> probe().post("session", query("customer", CUSTOMER)).containsKey("overview"));
        assertThat(probe().post("session", query("customer", CUSTOMER)).containsKey("overview")).isTrue();
    }
}

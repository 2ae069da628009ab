package dev.portallinks.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.portallinks.it.PaddleStub.CUSTOMER;
import static dev.portallinks.it.PaddleStub.created;
import static dev.portallinks.it.PaddleStub.link;
import static dev.portallinks.it.PaddleStub.portalSessionBody;
import static dev.portallinks.it.Probe.query;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import jakarta.json.JsonObject;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Paddle resets the connection (TCP RST) after the request arrived: the call is retried, fails with {@code IO_ERROR}
 * once every attempt met a reset, and a listing sends the documented requests per attempt. On WireMock: the Paddle
 * simulator can close a connection ({@code PortalSessionIT}) but not reset it. The circuit breaker is given a high
 * volume threshold, as in PortalSessionIT.
 */
class ConnectionResetIT extends WireMockPaddleIT {

    private static final String SESSIONS = "/customers/" + CUSTOMER + "/portal-sessions";
    /** As in PortalSessionIT: 1 request per attempt of a GET, 2 on Payara (HttpURLConnection resends a GET once). */
    private static final int REQUESTS_PER_GET_ATTEMPT = Integer.getInteger("it.transport.requests-per-get-attempt");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("connection-reset", "dev.portallinks.impl.PaddleGateway/CircuitBreaker/requestVolumeThreshold=1000");
    }

    private JsonObject session() {
        return probe().post("session", query("customer", CUSTOMER));
    }

    @Test
    void connectionResetIsRetried() {
        PADDLE.stubFor(post(SESSIONS).inScenario("reset").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("recovered"));
        PADDLE.stubFor(post(SESSIONS).inScenario("reset").whenScenarioStateIs("recovered").willReturn(created(portalSessionBody(CUSTOMER, List.of()))));

        JsonObject session = session();

        assertThat(session.getString("overview")).isEqualTo(link("overview", null));
        PADDLE.verify(2, postRequestedFor(urlPathEqualTo(SESSIONS)));
    }

    @Test
    void connectionResetOnEveryAttemptIsAnIoError() {
        PADDLE.stubFor(post(SESSIONS).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        JsonObject error = session();

        assertThat(error.getString("reason")).isEqualTo("IO_ERROR");
        assertThat(error.getInt("attempts")).isEqualTo(3);
        PADDLE.verify(3, postRequestedFor(urlPathEqualTo(SESSIONS)));
    }

    @Test
    void aListingWhoseConnectionIsResetSendsTheDocumentedRequestsPerAttempt() {
        PADDLE.stubFor(get(urlPathEqualTo("/subscriptions")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        JsonObject error = probe().get("subscriptions", query("customer", CUSTOMER));

        assertThat(error.getString("error")).isEqualTo("dev.portallinks.api.PaddleUnavailableException");
        assertThat(error.getString("reason")).isEqualTo("IO_ERROR");
        assertThat(error.getInt("attempts")).isEqualTo(3);
        PADDLE.verify(3 * REQUESTS_PER_GET_ATTEMPT, getRequestedFor(urlPathEqualTo("/subscriptions")));
    }
}

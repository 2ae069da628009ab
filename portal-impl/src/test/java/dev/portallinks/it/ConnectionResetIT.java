package dev.portallinks.it;

import static dev.portallinks.it.Probe.query;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portallinks.test.Fault;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Paddle resets the connection (TCP RST) after the request arrived: the call is retried, fails with {@code IO_ERROR}
 * once every attempt met a reset, and a listing sends the documented requests per attempt. (PortalSessionIT: a
 * connection closed without an answer.) The circuit breaker is given a high volume threshold, as in PortalSessionIT.
 */
class ConnectionResetIT extends SimulatedPaddleIT {

    /** As in PortalSessionIT: 1 request per attempt of a GET, 2 on Payara (HttpURLConnection resends a GET once). */
    private static final int REQUESTS_PER_GET_ATTEMPT = Integer.getInteger("it.transport.requests-per-get-attempt");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("connection-reset", "dev.portallinks.impl.PaddleCircuit/CircuitBreaker/requestVolumeThreshold=1000");
    }

    private JsonObject session() {
        return probe().post("session", query("customer", CUSTOMER));
    }

    @Test
    void connectionResetIsRetried() {
        paddle().nextCalls(1, Fault.resetConnection());

        JsonObject session = session();

        assertThat(issued(session, "overview")).isEqualTo(portalLink("overview", null));
        assertThat(sessionRequests(CUSTOMER)).hasSize(2);
    }

    @Test
    void connectionResetOnEveryAttemptIsAnIoError() {
        paddle().always(Fault.resetConnection());

        JsonObject error = session();

        assertThat(error.getString("reason")).as(error.toString()).isEqualTo("IO_ERROR");
        assertThat(error.getInt("attempts")).isEqualTo(3);
        assertThat(sessionRequests(CUSTOMER)).hasSize(3);
    }

    @Test
    void aListingWhoseConnectionIsResetSendsTheDocumentedRequestsPerAttempt() {
        paddle().always(Fault.resetConnection());

        JsonObject error = probe().get("subscriptions", query("customer", CUSTOMER));

        assertThat(error.getString("error")).as(error.toString()).isEqualTo("dev.portallinks.api.PaddleUnavailableException");
        assertThat(error.getString("reason")).isEqualTo("IO_ERROR");
        assertThat(error.getInt("attempts")).isEqualTo(3);
        assertThat(listingRequests()).hasSize(3 * REQUESTS_PER_GET_ATTEMPT);
    }
}

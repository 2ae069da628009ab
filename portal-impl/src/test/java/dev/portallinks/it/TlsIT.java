package dev.portallinks.it;

import static dev.portallinks.it.Probe.query;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portallinks.test.Fault;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The library talks to the real Paddle over TLS only: here it talks to the simulator over TLS, with a certificate for
 * 127.0.0.1 made by the build and trusted through the standard {@code paddle-api/mp-rest/trustStore} keys.
 */
@SimulatedPaddleIT.Https(SimulatedPaddleIT.Certificate.BUILDS_FOR_LOOPBACK)
class TlsIT extends SimulatedPaddleIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("tls", Deployments.httpsConfiguration());
    }

    private JsonObject session() {
        return probe().post("session", query("customer", CUSTOMER));
    }

    @Test
    void sessionOverTlsWithTheConfiguredTrustStore() {
        JsonObject session = session();

        assertThat(paddle().origin()).isEqualTo(Deployments.paddleHttpsOrigin());
        assertThat(issued(session, "overview")).isEqualTo(portalLink("overview", null));
        assertThat(sessionRequests(CUSTOMER)).hasSize(1);
    }

    @Test
    void linksAreCheckedOverTlsToo() {
        paddle().always(Fault.linkOnForeignHost());

        JsonObject error = session();

        assertThat(error.getString("error", "")).as(error.toString()).isEqualTo("dev.portallinks.api.UnexpectedPaddleResponseException");
        assertThat(error.getString("message")).contains("https://portal.invalid", "not an allowed portal origin");
    }

    @Test
    void serverErrorsAreRetriedOverTls() {
        paddle().nextCalls(1, Fault.serverError(502));

        JsonObject session = session();

        assertThat(issued(session, "overview")).isEqualTo(portalLink("overview", null));
        assertThat(sessionRequests(CUSTOMER)).hasSize(2);
    }
}

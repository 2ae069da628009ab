package dev.portallinks.it;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.portallinks.it.PaddleStub.CUSTOMER;
import static dev.portallinks.it.PaddleStub.created;
import static dev.portallinks.it.PaddleStub.link;
import static dev.portallinks.it.PaddleStub.portalSessionBody;
import static dev.portallinks.it.Probe.query;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Paddle closes keep-alive connections that stay idle, while the server's HTTP client keeps them in its pool. Each
 * call here comes after the stub has closed the connection the previous call used: no call fails, and with the
 * library's default Fault Tolerance settings the circuit stays closed (were each call to fail once on a dead
 * connection, half of the 12 results would be failures and the circuit would open). The HTTP clients check a
 * pooled connection that has been idle for a while before reusing it (Apache HttpClient after 2 s, HttpURLConnection
 * every time); a request that still meets a closed connection is sent again by {@code @Retry}.
 */
@ExtendWith(ArquillianExtension.class)
class StaleConnectionIT {

    private static final String SESSIONS = "/customers/" + CUSTOMER + "/portal-sessions";
    private static final long IDLE_TIMEOUT_MILLIS = 1000;
    private static final long IDLE_BETWEEN_CALLS_MILLIS = 2500;
    private static final int CALLS = 6;

    @RegisterExtension
    static final WireMockExtension PADDLE = PaddleStub.closingIdleConnections(IDLE_TIMEOUT_MILLIS);

    @ArquillianResource
    private URL deploymentUrl;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("stale-connection");
    }

    @Test
    void postsOnConnectionsPaddleClosedWhileIdleSucceed() throws InterruptedException {
        PADDLE.stubFor(post(SESSIONS).willReturn(created(portalSessionBody(CUSTOMER, List.of()))));
        Probe probe = new Probe(TestServer.onLoopback(deploymentUrl));

        for (int call = 1; call <= CALLS; call++) {
            JsonObject session = probe.post("session", query("customer", CUSTOMER));

            assertThat(session.getString("overview", "")).as("call %d of %d: %s", call, CALLS, session).isEqualTo(link("overview", null));
            // Idle time is the condition here: longer than the stub keeps an idle connection, so it closes the one
            // the server's HTTP client keeps for the next call.
            TimeUnit.MILLISECONDS.sleep(IDLE_BETWEEN_CALLS_MILLIS);
        }
        PADDLE.verify(CALLS, postRequestedFor(urlPathEqualTo(SESSIONS)));
    }
}

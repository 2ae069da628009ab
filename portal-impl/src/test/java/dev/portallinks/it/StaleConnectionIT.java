package dev.portallinks.it;

import static dev.portallinks.it.Probe.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.portallinks.test.RecordedRequest;
import jakarta.json.JsonObject;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Paddle closes keep-alive connections that stay idle, while the server's HTTP client keeps them in its pool. Each
 * call here comes after the simulator has closed the connection the previous call used: no call fails, and with the
 * library's default Fault Tolerance settings the circuit stays closed (were each call to fail once on a dead
 * connection, half of the 12 results would be failures and the circuit would open). The HTTP clients check a
 * pooled connection that has been idle for a while before reusing it (Apache HttpClient after 2 s, HttpURLConnection
 * every time); a request that still meets a closed connection is sent again by {@code @Retry}.
 */
class StaleConnectionIT extends SimulatedPaddleIT {

    private static final Duration IDLE_TIMEOUT = Duration.ofMillis(1000);
    /** Longer than the simulator keeps an idle connection, and than Apache HttpClient's 2 s before it checks one. */
    private static final Duration IDLE_BETWEEN_CALLS = Duration.ofMillis(2500);
    private static final int CALLS = 6;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("stale-connection");
    }

    @Test
    void postsOnConnectionsPaddleClosedWhileIdleSucceed() {
        paddle().closeIdleConnectionsAfter(IDLE_TIMEOUT);
        try {
            for (int call = 1; call <= CALLS; call++) {
                JsonObject session = probe().post("session", query("customer", CUSTOMER));

                assertThat(issued(session, "overview")).as("call %d of %d: %s", call, CALLS, session).isEqualTo(portalLink("overview", null));
                // idle time is the condition here: the simulator must have closed the connection the server's HTTP
                // client keeps for the next call, and the client must have left it idle for long enough to check it
                await().pollDelay(IDLE_BETWEEN_CALLS).atMost(IDLE_BETWEEN_CALLS.plusSeconds(10)).until(() -> paddle().openConnections() == 0);
            }
        } finally {
            paddle().keepIdleConnectionsOpen();
        }
        assertThat(sessionRequests(CUSTOMER)).hasSize(CALLS).extracting(RecordedRequest::connection).as("each call on a new connection")
                .doesNotHaveDuplicates();
    }
}

package dev.portallinks.it;

import static dev.portallinks.it.Probe.query;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A corporate HTTP proxy, configured with the standard {@code paddle-api/mp-rest/proxyAddress} key: a forwarding
 * proxy on loopback sees every request on its way to the Paddle simulator, the library works through it and still
 * never logs the key; a proxy that wants credentials (407) is named as the proxy, not blamed on Paddle, and not
 * retried.
 */
class ProxyIT extends SimulatedPaddleIT {

    private static final String SESSIONS = "/customers/" + CUSTOMER + "/portal-sessions";
    private static final int PROXY_PORT = Integer.getInteger("it.proxy.port");

    @RegisterExtension
    static final ForwardingProxy PROXY = new ForwardingProxy(PROXY_PORT);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("proxy", "paddle-api/mp-rest/proxyAddress=127.0.0.1:" + PROXY_PORT,
                "dev.portallinks.impl.PaddleCircuit/CircuitBreaker/requestVolumeThreshold=1000");
    }

    @Test
    void everyRequestGoesThroughTheProxyAndTheCallsWork() {
        paddle().subscription(CUSTOMER, subscription(0));
        paddle().subscription(CUSTOMER, subscription(1)).status("past_due");

        JsonObject session = probe().post("session", query("customer", CUSTOMER));
        JsonObject listing = probe().get("subscriptions", query("customer", CUSTOMER));

        assertThat(issued(session, "overview")).isEqualTo(portalLink("overview", null));
        assertThat(listing.getJsonArray("subscriptions")).as(listing.toString()).hasSize(2);
        assertThat(PROXY.requestLines()).hasSize(2).anySatisfy(line -> assertThat(line).startsWith("POST " + paddle().origin() + SESSIONS))
                .anySatisfy(line -> assertThat(line).startsWith("GET " + paddle().origin() + "/subscriptions?"));
        assertThat(sessionRequests(CUSTOMER)).hasSize(1);
        assertThat(listingRequests()).hasSize(1);
        assertThat(paddle().requests()).as("every request Paddle received came through the proxy")
                .allSatisfy(request -> assertThat(request.header("Via")).isEqualTo(ForwardingProxy.VIA));
        assertThat(TestServer.logText()).doesNotContain(Deployments.API_KEY, "ItSecretKeyValue");
    }

    @Test
    void aProxyAskingForCredentialsIsNamedAndNotRetried() {
        PROXY.refuseEverything(407, "Proxy-Authenticate: Basic realm=\"corporate\"");

        JsonObject error = probe().post("session", query("customer", CUSTOMER));

        assertThat(error.getString("error")).as(error.toString()).isEqualTo("dev.portallinks.api.PaddleUnavailableException");
        assertThat(error.getString("reason")).isEqualTo("PROXY_FAILURE");
        assertThat(error.getInt("httpStatus")).isEqualTo(407);
        assertThat(error.getInt("attempts")).isEqualTo(1);
        assertThat(error.getString("message")).contains("HTTP proxy", "paddle-api/mp-rest/proxyAddress").doesNotContain("Try again later");
        assertThat(PROXY.requestLines()).hasSize(1);
        assertThat(paddle().requests()).isEmpty();
    }
}

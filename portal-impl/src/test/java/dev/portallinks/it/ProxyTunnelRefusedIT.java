package dev.portallinks.it;

import static dev.portallinks.it.Probe.query;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Paddle is reached over TLS through the proxy's CONNECT tunnel. A proxy that refuses the tunnel (502: it cannot
 * reach Paddle, or policy) is named as the proxy, with the key to check, and not retried; Paddle (the simulator over
 * TLS, reachable directly) was never reached.
 */
@SimulatedPaddleIT.Https(SimulatedPaddleIT.Certificate.BUILDS_FOR_LOOPBACK)
class ProxyTunnelRefusedIT extends SimulatedPaddleIT {

    private static final int PROXY_PORT = Integer.getInteger("it.proxy.port");

    @RegisterExtension
    static final RefusingProxy PROXY = new RefusingProxy(PROXY_PORT, 502);

    @Deployment(testable = false)
    static WebArchive deployment() {
        String[] lines = Stream.concat(Stream.of(Deployments.httpsConfiguration()), Stream.of("paddle-api/mp-rest/proxyAddress=127.0.0.1:" + PROXY_PORT))
                .toArray(String[]::new);
        return Deployments.war("proxy-tunnel-refused", lines);
    }

    @Test
    @DisabledIfSystemProperty(named = "it.limitation.tunnel-refusal-is-an-answer", matches = ".+",
            disabledReason = "the server's HTTP client hands the proxy's refusal over as if Paddle had answered")
    void aRefusedTunnelIsAProxyFailureAndIsNotRetried() {
        JsonObject error = probe().post("session", query("customer", CUSTOMER));

        assertThat(error.getString("error")).as(error.toString()).isEqualTo("dev.portallinks.api.PaddleUnavailableException");
        assertThat(error.getString("reason")).isEqualTo("PROXY_FAILURE");
        assertThat(error.getInt("attempts")).isEqualTo(1);
        assertThat(error.getString("message")).contains("HTTP proxy", "paddle-api/mp-rest/proxyAddress").doesNotContain("Try again later");
        assertThat(PROXY.requestLines()).containsExactly("CONNECT 127.0.0.1:" + Deployments.paddleHttpsPort() + " HTTP/1.1");
        assertThat(paddle().connectionsOpened()).isZero();
    }
}

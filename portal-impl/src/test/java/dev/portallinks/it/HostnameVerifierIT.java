package dev.portallinks.it;

import static dev.portallinks.it.Probe.query;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portallinks.it.probe.LoopbackHostnameVerifier;
import jakarta.json.JsonObject;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * {@code paddle-api/mp-rest/hostnameVerifier} decides about a trusted certificate whose name is not the host's (an
 * internal gateway's, say): the simulator's certificate is for {@code paddle-simulator.invalid}, and only the configured
 * verifier, which accepts 127.0.0.1, lets the call through. (Without it the call fails with {@code TLS_FAILURE}.)
 */
@SimulatedPaddleIT.Https(SimulatedPaddleIT.Certificate.BUILDS_FOR_ANOTHER_NAME)
class HostnameVerifierIT extends SimulatedPaddleIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        String[] lines = Stream.concat(Stream.of(Deployments.httpsConfiguration()),
                Stream.of("paddle-api/mp-rest/hostnameVerifier=" + LoopbackHostnameVerifier.class.getName())).toArray(String[]::new);
        return Deployments.war("hostname-verifier", lines);
    }

    @Test
    void theConfiguredHostnameVerifierAcceptsACertificateForAnotherName() {
        JsonObject session = probe().post("session", query("customer", CUSTOMER));

        assertThat(issued(session, "overview")).isEqualTo(portalLink("overview", null));
        assertThat(paddle().origin()).isEqualTo(Deployments.paddleHttpsOrigin());
        assertThat(sessionRequests(CUSTOMER)).hasSize(1);
    }
}

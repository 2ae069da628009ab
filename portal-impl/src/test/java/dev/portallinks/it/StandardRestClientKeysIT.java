package dev.portallinks.it;

import static dev.portallinks.it.Probe.query;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The standard MicroProfile Rest Client keys an operator already knows, on the wire: the simulator over TLS requires
 * a client certificate, which the library presents from {@code paddle-api/mp-rest/keyStore}.
 * ({@link StandardRestClientReadTimeoutIT}: the standard read timeout key.)
 */
@SimulatedPaddleIT.Https(value = SimulatedPaddleIT.Certificate.BUILDS_FOR_LOOPBACK, clientCertificate = true)
class StandardRestClientKeysIT extends SimulatedPaddleIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        // the build's key pair as the client's identity: the build's trust store, which the simulator checks it with, trusts it
        String[] lines = Stream.concat(Stream.of(Deployments.httpsConfiguration()), Stream.of(
                "paddle-api/mp-rest/keyStore=" + System.getProperty("it.tls.keystore"),
                "paddle-api/mp-rest/keyStorePassword=" + System.getProperty("it.tls.password"),
                "paddle-api/mp-rest/keyStoreType=PKCS12")).toArray(String[]::new);
        return Deployments.war("standard-rest-client-keys", lines);
    }

    @Test
    void theClientCertificateFromTheKeyStoreIsPresented() {
        JsonObject session = probe().post("session", query("customer", CUSTOMER));

        assertThat(issued(session, "overview")).isEqualTo(portalLink("overview", null));
        assertThat(sessionRequests(CUSTOMER)).hasSize(1);
        assertThat(paddle().clientCertificatesVerified()).as("connections with a verified client certificate").isPositive();
    }
}

package dev.portallinks.it;

import static dev.portallinks.it.Probe.query;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * A certificate the configured trust store does not trust (as a TLS-inspecting proxy would present) is named as a
 * TLS failure with the settings to look at, not as "Paddle could not be reached", and is not retried: another
 * attempt would meet the same certificate.
 */
@SimulatedPaddleIT.Https(SimulatedPaddleIT.Certificate.UNTRUSTED)
class UntrustedCertificateIT extends SimulatedPaddleIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("untrusted-certificate", Deployments.httpsConfiguration());
    }

    @Test
    void anUntrustedCertificateIsATlsFailureNamingTheTrustStoreAndIsNotRetried() {
        long connectionsBefore = paddle().connectionsOpened();

        JsonObject error = probe().post("session", query("customer", CUSTOMER));

        assertThat(error.getString("error")).as(error.toString()).isEqualTo("dev.portallinks.api.PaddleUnavailableException");
        assertThat(error.getString("reason")).isEqualTo("TLS_FAILURE");
        assertThat(error.getInt("attempts")).isEqualTo(1);
        assertThat(error.getString("message")).contains("not trusted", "paddle-api/mp-rest/trustStore").doesNotContain("Try again later");
        // the handshake failed: the simulator was reached, but no request came through
        assertThat(paddle().connectionsOpened()).isGreaterThan(connectionsBefore);
        assertThat(paddle().requests()).isEmpty();
    }
}

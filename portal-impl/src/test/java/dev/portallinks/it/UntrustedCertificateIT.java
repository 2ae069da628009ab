package dev.portallinks.it;

import static dev.portallinks.it.PaddleStub.CUSTOMER;
import static dev.portallinks.it.Probe.query;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import jakarta.json.JsonObject;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A certificate the configured trust store does not trust (as a TLS-inspecting proxy would present) is named as a
 * TLS failure with the settings to look at, not as "Paddle could not be reached", and is not retried: another
 * attempt would meet the same certificate.
 */
@ExtendWith(ArquillianExtension.class)
class UntrustedCertificateIT {

    @RegisterExtension
    static final WireMockExtension PADDLE = PaddleStub.untrustedHttps();

    @ArquillianResource
    private URL deploymentUrl;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("untrusted-certificate", PaddleStub.httpsConfiguration());
    }

    @Test
    void anUntrustedCertificateIsATlsFailureNamingTheTrustStoreAndIsNotRetried() {
        JsonObject error = new Probe(TestServer.onLoopback(deploymentUrl)).post("session", query("customer", CUSTOMER));

        assertThat(error.getString("error")).as(error.toString()).isEqualTo("dev.portallinks.api.PaddleUnavailableException");
        assertThat(error.getString("reason")).isEqualTo("TLS_FAILURE");
        assertThat(error.getInt("attempts")).isEqualTo(1);
        assertThat(error.getString("message")).contains("not trusted", "paddle-api/mp-rest/trustStore").doesNotContain("Try again later");
        assertThat(PADDLE.getAllServeEvents()).isEmpty();
    }
}

package dev.portallinks.it;

import static dev.portallinks.it.PaddleStub.CUSTOMER;
import static dev.portallinks.it.Probe.query;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A certificate the configured trust store does not trust (as a TLS-inspecting proxy would present) is named as a
 * TLS failure with the settings to look at, not as "Paddle could not be reached", and is not retried: another
 * attempt would meet the same certificate.
 */
class UntrustedCertificateIT extends PortalLinksIT {

    @RegisterExtension
    static final WireMockExtension TLS_PADDLE = PaddleStub.untrustedHttps();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("untrusted-certificate", PaddleStub.httpsConfiguration());
    }

    @Test
    void anUntrustedCertificateIsATlsFailureNamingTheTrustStoreAndIsNotRetried() {
        JsonObject error = probe().post("session", query("customer", CUSTOMER));

        assertThat(error.getString("error")).as(error.toString()).isEqualTo("dev.portallinks.api.PaddleUnavailableException");
        assertThat(error.getString("reason")).isEqualTo("TLS_FAILURE");
        assertThat(error.getInt("attempts")).isEqualTo(1);
        assertThat(error.getString("message")).contains("not trusted", "paddle-api/mp-rest/trustStore").doesNotContain("Try again later");
        assertThat(TLS_PADDLE.getAllServeEvents()).isEmpty();
    }
}

package dev.portallinks.it;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.portallinks.it.PaddleStub.CUSTOMER;
import static dev.portallinks.it.PaddleStub.created;
import static dev.portallinks.it.PaddleStub.httpsPortalSessionBody;
import static dev.portallinks.it.Probe.query;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The standard MicroProfile Rest Client keys an operator already knows, on the wire: the stub Paddle over TLS asks
 * for a client certificate, which the library presents from {@code paddle-api/mp-rest/keyStore}. On WireMock: the
 * Paddle simulator cannot ask for a client certificate. ({@link StandardRestClientReadTimeoutIT}: the standard read
 * timeout key.)
 */
class StandardRestClientKeysIT extends PortalLinksIT {

    private static final String SESSIONS = "/customers/" + CUSTOMER + "/portal-sessions";

    /** TLS with the build's certificate, and a client certificate required: the build's trust store trusts the build's key pair. */
    @RegisterExtension
    static final WireMockExtension TLS_PADDLE = PaddleStub.trustedHttpsRequiringClientCertificate();

    @Deployment(testable = false)
    static WebArchive deployment() {
        String[] lines = Stream.concat(Stream.of(PaddleStub.httpsConfiguration()), Stream.of(
                "paddle-api/mp-rest/keyStore=" + System.getProperty("it.tls.keystore"),
                "paddle-api/mp-rest/keyStorePassword=" + System.getProperty("it.tls.password"),
                "paddle-api/mp-rest/keyStoreType=PKCS12")).toArray(String[]::new);
        return Deployments.war("standard-rest-client-keys", lines);
    }

    @Test
    void theClientCertificateFromTheKeyStoreIsPresented() {
        TLS_PADDLE.stubFor(post(SESSIONS).willReturn(created(httpsPortalSessionBody(CUSTOMER, List.of()))));

        JsonObject session = probe().post("session", query("customer", CUSTOMER));

        assertThat(session.getString("overview", "")).as(session.toString()).startsWith(PaddleStub.httpsOrigin());
        TLS_PADDLE.verify(1, postRequestedFor(urlPathEqualTo(SESSIONS)));
    }
}

package dev.portallinks.it;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.portallinks.it.PaddleStub.CUSTOMER;
import static dev.portallinks.it.PaddleStub.created;
import static dev.portallinks.it.PaddleStub.httpsPortalSessionBody;
import static dev.portallinks.it.PaddleStub.portalSessionBody;
import static dev.portallinks.it.Probe.query;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The standard MicroProfile Rest Client keys an operator already knows, on the wire: the stub Paddle over TLS asks
 * for a client certificate, which the library presents from {@code paddle-api/mp-rest/keyStore}; and
 * {@code paddle-api/mp-rest/readTimeout} (with {@code paddle.http.read-timeout-ms} unset) bounds a slow answer.
 */
class StandardRestClientKeysIT extends PortalLinksIT {

    private static final String SESSIONS = "/customers/" + CUSTOMER + "/portal-sessions";
    private static final int READ_TIMEOUT_MILLIS = 500;
    private static final int PADDLE_DELAY_MILLIS = 3000;

    /** TLS with the build's certificate, and a client certificate required: the build's trust store trusts the build's key pair. */
    @RegisterExtension
    static final WireMockExtension TLS_PADDLE = PaddleStub.trustedHttpsRequiringClientCertificate();

    @Deployment(testable = false)
    static WebArchive deployment() {
        String[] lines = Stream.concat(Stream.of(PaddleStub.httpsConfiguration()), Stream.of(
                "paddle-api/mp-rest/keyStore=" + System.getProperty("it.tls.keystore"),
                "paddle-api/mp-rest/keyStorePassword=" + System.getProperty("it.tls.password"),
                "paddle-api/mp-rest/keyStoreType=PKCS12",
                "paddle-api/mp-rest/readTimeout=" + READ_TIMEOUT_MILLIS)).toArray(String[]::new);
        return Deployments.war("standard-rest-client-keys", lines);
    }

    private JsonObject session() {
        return probe().post("session", query("customer", CUSTOMER));
    }

    @Test
    void theClientCertificateFromTheKeyStoreIsPresented() {
        TLS_PADDLE.stubFor(post(SESSIONS).willReturn(created(httpsPortalSessionBody(CUSTOMER, List.of()))));

        JsonObject session = session();

        assertThat(session.getString("overview", "")).as(session.toString()).startsWith(PaddleStub.httpsOrigin());
        TLS_PADDLE.verify(1, postRequestedFor(urlPathEqualTo(SESSIONS)));
    }

    @Test
    void theStandardReadTimeoutBoundsASlowAnswer() {
        TLS_PADDLE.stubFor(post(SESSIONS).willReturn(created(portalSessionBody(CUSTOMER, List.of())).withFixedDelay(PADDLE_DELAY_MILLIS)));

        long started = System.nanoTime();
        JsonObject error = session();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(error.getString("reason", "")).as(error.toString()).isEqualTo("TIMEOUT");
        assertThat(error.getInt("attempts")).isEqualTo(1);
        // Well below the default 2000 ms read timeout and Paddle's 3000 ms: the 500 ms from the standard key applied.
        assertThat(took).isLessThan(Duration.ofMillis(1800));
    }
}

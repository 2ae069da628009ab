package dev.portallinks.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import jakarta.json.JsonObject;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The library talks to the real Paddle over TLS only: here it talks to the stub over TLS, with a certificate for
 * 127.0.0.1 made by the build and trusted through the standard {@code paddle-api/mp-rest/trustStore} keys.
 */
class TlsIT extends PortalLinksIT {

    private static final String SESSIONS = "/customers/" + CUSTOMER + "/portal-sessions";

    @RegisterExtension
    static final WireMockExtension TLS_PADDLE = PaddleStub.trustedHttps();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("tls", PaddleStub.httpsConfiguration());
    }

    private JsonObject session() {
        return probe().post("session", query("customer", CUSTOMER));
    }

    @Test
    void sessionOverTlsWithTheConfiguredTrustStore() {
        TLS_PADDLE.stubFor(post(SESSIONS).willReturn(created(httpsPortalSessionBody(CUSTOMER, List.of()))));

        JsonObject session = session();

        assertThat(session.getString("overview", "")).as(session.toString()).startsWith(PaddleStub.httpsOrigin() + PaddleStub.PORTAL_PATH)
                .contains("action=overview");
        TLS_PADDLE.verify(1, postRequestedFor(urlPathEqualTo(SESSIONS)));
    }

    @Test
    void linksAreCheckedOverTlsToo() {
        TLS_PADDLE.stubFor(post(SESSIONS).willReturn(created(portalSessionBody(CUSTOMER, List.of())
                .replace(PaddleStub.origin(), "https://portal.evil.example"))));

        JsonObject error = session();

        assertThat(error.getString("error")).isEqualTo("dev.portallinks.api.UnexpectedPaddleResponseException");
        assertThat(error.getString("message")).contains("https://portal.evil.example", "not an allowed portal origin");
    }

    @Test
    void serverErrorsAreRetriedOverTls() {
        TLS_PADDLE.stubFor(post(SESSIONS).inScenario("tls-flaky").whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(502))
                .willSetStateTo("up"));
        TLS_PADDLE.stubFor(post(SESSIONS).inScenario("tls-flaky").whenScenarioStateIs("up").willReturn(created(httpsPortalSessionBody(CUSTOMER, List.of()))));

        JsonObject session = session();

        assertThat(session.getString("overview", "")).as(session.toString()).startsWith(PaddleStub.httpsOrigin());
        TLS_PADDLE.verify(2, postRequestedFor(urlPathEqualTo(SESSIONS)));
    }
}

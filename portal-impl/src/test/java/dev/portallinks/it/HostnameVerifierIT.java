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
import dev.portallinks.it.probe.LoopbackHostnameVerifier;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code paddle-api/mp-rest/hostnameVerifier} decides about a trusted certificate whose name is not the host's (an
 * internal gateway's, say): the stub's certificate is for {@code paddle-stub.invalid}, and only the configured
 * verifier, which accepts 127.0.0.1, lets the call through. (Without it the call fails with {@code TLS_FAILURE}.)
 */
class HostnameVerifierIT extends PortalLinksIT {

    private static final String SESSIONS = "/customers/" + CUSTOMER + "/portal-sessions";

    @RegisterExtension
    static final WireMockExtension TLS_PADDLE = PaddleStub.trustedHttpsForAnotherName();

    @Deployment(testable = false)
    static WebArchive deployment() {
        String[] lines = Stream.concat(Stream.of(PaddleStub.httpsConfiguration()),
                Stream.of("paddle-api/mp-rest/hostnameVerifier=" + LoopbackHostnameVerifier.class.getName())).toArray(String[]::new);
        return Deployments.war("hostname-verifier", lines);
    }

    @Test
    void theConfiguredHostnameVerifierAcceptsACertificateForAnotherName() {
        TLS_PADDLE.stubFor(post(SESSIONS).willReturn(created(httpsPortalSessionBody(CUSTOMER, List.of()))));

        JsonObject session = probe().post("session", query("customer", CUSTOMER));

        assertThat(session.getString("overview", "")).as(session.toString()).startsWith(PaddleStub.httpsOrigin());
        TLS_PADDLE.verify(1, postRequestedFor(urlPathEqualTo(SESSIONS)));
    }
}

package dev.portallinks.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static dev.portallinks.it.PaddleStub.CUSTOMER;
import static dev.portallinks.it.PaddleStub.created;
import static dev.portallinks.it.PaddleStub.json;
import static dev.portallinks.it.PaddleStub.portalSessionBody;
import static dev.portallinks.it.Probe.query;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * After successful and failing calls (with the library's logging at its finest level), neither the API key nor a
 * portal token appears in the server's own log files, while the calls themselves are logged.
 */
class ServerLogIT extends PortalLinksIT {

    private static final String SESSIONS = "/customers/" + CUSTOMER + "/portal-sessions";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("server-log", "dev.portallinks.impl.PaddleGateway/CircuitBreaker/requestVolumeThreshold=1000");
    }

    @Test
    void logsNameTheCallsButNeverTheKeyOrAToken() {
        TestServer.LogMark mark = TestServer.logMark();
        PADDLE.stubFor(post(SESSIONS).willReturn(created(portalSessionBody(CUSTOMER, List.of()))));
        probe().post("session", query("customer", CUSTOMER));
        String rejected = portalSessionBody(CUSTOMER, List.of()).replace(PaddleStub.origin(), "https://evil.example");
        PADDLE.stubFor(post(SESSIONS).willReturn(created(rejected)));
        probe().post("session", query("customer", CUSTOMER));
        // A 403, not a 401: HttpURLConnection (Payara) cannot read a 401's body when the request body is streamed (README).
        PADDLE.stubFor(post(SESSIONS).willReturn(json(403, "{\"error\":{\"type\":\"request_error\",\"code\":\"forbidden\","
                + "\"detail\":\"Bearer " + Deployments.API_KEY + " may not do this, see ?token=" + PaddleStub.TOKEN + "\"},\"meta\":{\"request_id\":\"r-403\"}}")));
        String refused = probe().post("session", query("customer", CUSTOMER)).getString("message");
        PADDLE.stubFor(post(SESSIONS).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        probe().post("link", query("action", "overview", "customer", CUSTOMER));

        String logs = mark.textSince();

        assertThat(refused).contains("r-403").doesNotContain(Deployments.API_KEY, PaddleStub.TOKEN);
        assertThat(logs).contains("Paddle create a customer portal session: succeeded, request ID it-request-1", "request ID r-403",
                "attempt 1 of 3, another attempt follows", "attempt 3 of 3, no attempt left: the call fails", "not an allowed portal origin");
        assertThat(logs).doesNotContain("retried while attempts remain");
        // Everything the server ever logged, not only this test's lines: no secret anywhere.
        assertThat(TestServer.logText()).doesNotContain(Deployments.API_KEY, PaddleStub.TOKEN, "ItSecretKeyValue");
    }
}

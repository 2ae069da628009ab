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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * After successful and failing calls (with the library's logging at its finest level), neither the API key nor a
 * portal token appears in Liberty's messages.log or trace.log, while the calls themselves are logged.
 */
class ServerLogIT extends PortalLinksIT {

    private static final String SESSIONS = "/customers/" + CUSTOMER + "/portal-sessions";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("server-log", "dev.portallinks.impl.PaddleGateway/CircuitBreaker/requestVolumeThreshold=1000");
    }

    @Test
    void logsNameTheCallsButNeverTheKeyOrAToken() throws IOException {
        PADDLE.stubFor(post(SESSIONS).willReturn(created(portalSessionBody(CUSTOMER, List.of()))));
        probe().post("session", query("customer", CUSTOMER));
        String rejected = portalSessionBody(CUSTOMER, List.of()).replace(PaddleStub.origin(), "https://evil.example");
        PADDLE.stubFor(post(SESSIONS).willReturn(created(rejected)));
        probe().post("session", query("customer", CUSTOMER));
        PADDLE.stubFor(post(SESSIONS).willReturn(json(401, "{\"error\":{\"type\":\"request_error\",\"code\":\"authentication_malformed\","
                + "\"detail\":\"Bearer " + Deployments.API_KEY + " is malformed, see ?token=" + PaddleStub.TOKEN + "\"},\"meta\":{\"request_id\":\"r-401\"}}")));
        String refused = probe().post("session", query("customer", CUSTOMER)).getString("message");
        PADDLE.stubFor(post(SESSIONS).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        probe().post("link", query("action", "overview", "customer", CUSTOMER));

        Path logs = Path.of(System.getProperty("it.server.logs"));
        String messages = Files.readString(logs.resolve("messages.log"));
        String trace = Files.readString(logs.resolve("trace.log"));

        assertThat(refused).contains("r-401").doesNotContain(Deployments.API_KEY, PaddleStub.TOKEN);
        assertThat(trace).contains("Paddle create a customer portal session: HTTP 201, request ID it-request-1", "request ID r-401",
                "attempt 3");
        assertThat(messages).contains("not an allowed portal origin");
        assertThat(messages + trace).doesNotContain(Deployments.API_KEY, PaddleStub.TOKEN, "ItSecretKeyValue");
    }
}

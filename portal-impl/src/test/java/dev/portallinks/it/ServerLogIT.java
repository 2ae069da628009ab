package dev.portallinks.it;

import static dev.portallinks.it.Probe.query;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portallinks.test.Fault;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * After successful and failing calls (with the library's logging at its finest level), neither the API key nor a
 * portal token appears in the server's own log files, while the calls themselves are logged.
 */
class ServerLogIT extends SimulatedPaddleIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("server-log", "dev.portallinks.impl.PaddleCircuit/CircuitBreaker/requestVolumeThreshold=1000");
    }

    /** The token of a portal link: the last query parameter the simulator writes. */
    private static String tokenOf(String link) {
        String query = URI.create(link).getRawQuery();
        return query.substring(query.indexOf("token=") + "token=".length());
    }

    @Test
    void logsNameTheCallsButNeverTheKeyOrAToken() {
        TestServer.LogMark mark = TestServer.logMark();
        JsonObject served = probe().post("session", query("customer", CUSTOMER));
        String token = tokenOf(served.getString("overview"));
        paddle().nextCalls(1, Fault.linkOnForeignHost());
        probe().post("session", query("customer", CUSTOMER));
        // A 403, not a 401: HttpURLConnection (Payara) cannot read a 401's body when the request body is streamed (README).
        JsonObject forbidden = Json.createObjectBuilder()
                .add("error", Json.createObjectBuilder().add("type", "request_error").add("code", "forbidden")
                        .add("detail", "Bearer " + Deployments.API_KEY + " may not do this, see ?token=" + token))
                .add("meta", Json.createObjectBuilder().add("request_id", "r-403")).build();
        paddle().nextCalls(1, Fault.answer(403, "application/json", forbidden.toString()));
        String refused = probe().post("session", query("customer", CUSTOMER)).getString("message");
        paddle().always(Fault.closeBeforeAnswer());
        probe().post("link", query("action", "overview", "customer", CUSTOMER));

        String logs = mark.textSince();

        assertThat(token).startsWith("pga_");
        assertThat(refused).contains("r-403").doesNotContain(Deployments.API_KEY, token);
        assertThat(logs).contains("Paddle create a customer portal session: succeeded, request ID " + served.getString("requestId"), "request ID r-403",
                "attempt 1 of 3, another attempt follows", "attempt 3 of 3, no attempt left: the call fails", "not an allowed portal origin");
        assertThat(logs).doesNotContain("retried while attempts remain");
        // The closed connection gave no answer, so no request ID: said so, not printed as "null".
        assertThat(logs).contains("no answer, no request ID").doesNotContain("request ID null");
        // Everything the server ever logged, not only this test's lines: no key and no portal token (all start with pga_) anywhere.
        assertThat(TestServer.logText()).doesNotContain(Deployments.API_KEY, "ItSecretKeyValue", token, "pga_");
    }
}

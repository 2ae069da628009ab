package dev.portallinks.it;

import static dev.portallinks.it.Probe.query;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portallinks.test.Fault;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The standard MicroProfile Fault Tolerance key {@code <class>/<annotation>/<parameter>} overrides the library's
 * default: with {@code Retry/maxRetries=0} a 503 reaches the caller after one request instead of three
 * (PortalSessionIT shows the default of three).
 */
class FaultToleranceOverrideIT extends SimulatedPaddleIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("ft-override", "dev.portallinks.impl.PaddleGateway/Retry/maxRetries=0");
    }

    @Test
    void retryCountFollowsTheConfigOverride() {
        paddle().always(Fault.serverError(503));

        JsonObject error = probe().post("session", query("customer", CUSTOMER));

        assertThat(error.getString("reason")).isEqualTo("SERVER_ERROR");
        assertThat(error.getInt("attempts")).isEqualTo(1);
        assertThat(sessionRequests()).hasSize(1);
    }
}

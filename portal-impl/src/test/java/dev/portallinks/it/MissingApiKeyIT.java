package dev.portallinks.it;

import static dev.portallinks.it.Probe.query;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** Without an API key the application still starts; every call fails with an error naming the property, and nothing is sent. */
class MissingApiKeyIT extends SimulatedPaddleIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.warWithConfig("missing-key", "# no paddle.api-key\n");
    }

    @Test
    void everyCallNamesTheMissingPropertyAndNothingReachesPaddle() {
        JsonObject session = probe().post("session", query("customer", CUSTOMER));
        JsonObject listing = probe().get("subscriptions", query("customer", CUSTOMER));

        assertThat(session.getString("error")).isEqualTo("dev.portallinks.api.PortalConfigurationException");
        assertThat(session.getString("property")).isEqualTo("paddle.api-key");
        assertThat(session.getString("message")).contains("PADDLE_API_KEY", "customer_portal_session.write");
        assertThat(listing.getString("property")).isEqualTo("paddle.api-key");
        assertThat(paddle().requests()).isEmpty();
    }
}

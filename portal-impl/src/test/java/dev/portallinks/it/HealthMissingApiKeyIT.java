package dev.portallinks.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** Without an API key the application is not ready, and the check names the property to set; it is still live. */
class HealthMissingApiKeyIT extends SimulatedPaddleIT {

    private static final String NAME = "portal-links";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.warWithConfig("health-missing-key", "# no paddle.api-key\n");
    }

    @Test
    void notReadyNamingTheMissingKeyButLive() {
        HealthEndpoint.Answer ready = HealthEndpoint.ready();
        HealthEndpoint.Answer live = HealthEndpoint.live();

        assertThat(ready.httpStatus()).as(ready.body()).isEqualTo(503);
        assertThat(ready.status()).isEqualTo("DOWN");
        assertThat(ready.check(NAME).getString("status")).isEqualTo("DOWN");
        assertThat(ready.data(NAME).getString("property")).isEqualTo("paddle.api-key");
        assertThat(ready.data(NAME).getString("reason")).contains("paddle.api-key", "it is not set", "PADDLE_API_KEY");
        assertThat(ready.body()).doesNotContain(Deployments.API_KEY, "ItSecretKeyValue");
        assertThat(live.httpStatus()).as(live.body()).isEqualTo(200);
        assertThat(live.check(NAME).getString("status")).isEqualTo("UP");
        assertThat(paddle().requests()).isEmpty();
    }
}

package dev.portallinks.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** With a key pasted as {@code Bearer <key>} the application is not ready; the answer says why without showing the key. */
class HealthInvalidApiKeyIT extends PortalLinksIT {

    private static final String NAME = "portal-links";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.warWithConfig("health-invalid-key", "paddle.api-key=Bearer " + Deployments.API_KEY + "\n");
    }

    @Test
    void notReadyExplainingTheKeyWithoutShowingIt() {
        HealthEndpoint.Answer ready = HealthEndpoint.ready();

        assertThat(ready.httpStatus()).as(ready.body()).isEqualTo(503);
        assertThat(ready.check(NAME).getString("status")).isEqualTo("DOWN");
        assertThat(ready.data(NAME).getString("property")).isEqualTo("paddle.api-key");
        assertThat(ready.data(NAME).getString("reason")).contains("spaces", "authorization-scheme prefix");
        assertThat(ready.body()).doesNotContain(Deployments.API_KEY, "ItSecretKeyValue");
        assertThat(HealthEndpoint.live().httpStatus()).isEqualTo(200);
    }
}

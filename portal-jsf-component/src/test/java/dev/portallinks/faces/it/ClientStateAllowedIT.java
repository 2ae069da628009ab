package dev.portallinks.faces.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Client-side state saving with the application's opt-in ({@code dev.portallinks.faces.ALLOW_STATE_IN_BROWSER=true}, for
 * state it encrypts and binds to the session itself): the buttons render and a click opens the portal.
 */
class ClientStateAllowedIT extends FacesIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return FacesDeployments.war("client-state-allowed", "web-client-state-allowed.xml", Map.of(), "billing.xhtml");
    }

    @Test
    void withTheOptInTheButtonsRenderAndAClickOpensThePortal() {
        subscriptions(List.of(subscription(0)));

        HttpResponse<String> response = new FormPost(URI.create(base() + "billing.xhtml")).load().post(Map.of(), "form:billing",
                "0|" + subscription(0) + "|cancel_subscription");

        assertThat(response.statusCode()).isEqualTo(303);
        assertOpensPortal(response.headers().firstValue("Location").orElseThrow(), "cancel_subscription", subscription(0));
        assertPortalSessions(1, CUSTOMER, subscription(0));
    }
}

package dev.portallinks.faces.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portallinks.test.Fault;
import dev.portallinks.test.PaddleSimulator;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One fallback policy for the service and the components (PortalLinkException#fallbackApplies): with
 * {@code paddle.portal.fallback-url} configured, a component without {@code fallback} sends the customer to the
 * configured URL when Paddle is down; a component's own {@code fallback} takes precedence; and a refused request is
 * never hidden behind either: the page stays with its message.
 */
class FallbackPolicyIT extends FacesIT {

    private static final String CONFIGURED = "https://customer-portal.paddle.com/cpl_01j7zbyqs3vah3aafp4jf62qaw";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return FacesDeployments.war("fallback-policy", Map.of("paddle.portal.fallback-url", CONFIGURED), "billing.xhtml", "billing-fallback.xhtml");
    }

    @BeforeEach
    void oneSubscription() {
        subscriptions(List.of(subscription(1)));
    }

    private HttpResponse<String> clickOverview(String page) {
        return new FormPost(URI.create(base() + page)).load().postAgain("form:billing", "overview");
    }

    @Test
    void withoutTheAttributeTheConfiguredUrlStandsInWhenPaddleIsDown() {
        paddle().always(Fault.serverError(503));

        HttpResponse<String> answer = clickOverview("billing.xhtml");

        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location")).contains(CONFIGURED);
    }

    @Test
    void theAttributeTakesPrecedenceOverTheConfiguredUrl() {
        paddle().always(Fault.serverError(503));

        HttpResponse<String> answer = clickOverview("billing-fallback.xhtml");

        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location").orElseThrow()).endsWith("/fallback.xhtml");
    }

    @Test
    void aRefusedRequestKeepsThePageWithItsMessageDespiteBothFallbacks() {
        // Paddle's 403 forbidden: the key lacks the permission to create portal sessions.
        paddle().withoutPermission(PaddleSimulator.PORTAL_SESSION_WRITE);

        HttpResponse<String> answer = clickOverview("billing-fallback.xhtml");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Location")).isEmpty();
        assertThat(answer.body()).contains("The billing portal could not be opened");
    }
}

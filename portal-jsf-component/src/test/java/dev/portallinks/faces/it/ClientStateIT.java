package dev.portallinks.faces.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portallinks.it.TestServer;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * With {@code jakarta.faces.STATE_SAVING_METHOD=client} and no opt-in, the browser holds the view state: the buttons
 * refuse to render, naming the setting and the opt-in ({@link ClientStateAllowedIT} opts in).
 */
class ClientStateIT extends FacesIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return FacesDeployments.war("client-state", "web-client-state.xml", Map.of(), "billing.xhtml");
    }

    @Test
    void theButtonsRefuseToRenderNamingTheSettingAndTheOptIn() {
        subscriptions(List.of(subscription(0)));
        TestServer.LogMark mark = TestServer.logMark();

        HttpResponse<String> page = getPage("billing.xhtml");

        assertThat(page.statusCode()).isEqualTo(500);
        assertThat(page.body()).doesNotContain("data-pl-buttons");
        assertThat(mark.textSince()).contains("jakarta.faces.STATE_SAVING_METHOD is client", "dev.portallinks.faces.ALLOW_STATE_IN_BROWSER");
    }
}

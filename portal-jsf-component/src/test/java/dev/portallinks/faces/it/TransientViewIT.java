package dev.portallinks.faces.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portallinks.it.TestServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * In a transient view ({@code <f:view transient="true">}) the server keeps no view state, so any post naming a button
 * would be a fresh "postback": the components refuse to render there, naming the setting and the opt-in, and a
 * crafted post is ignored.
 */
class TransientViewIT extends FacesIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return FacesDeployments.war("transient-view", "billing-transient.xhtml");
    }

    @BeforeEach
    void oneSubscription() {
        subscriptions(List.of(subscription(0)));
    }

    @Test
    void theButtonsRefuseToRenderNamingTheSettingAndTheOptIn() {
        TestServer.LogMark mark = TestServer.logMark();

        HttpResponse<String> page = getPage("billing-transient.xhtml");

        assertThat(page.statusCode()).isEqualTo(500);
        assertThat(page.body()).doesNotContain("data-pl-buttons");
        assertThat(mark.textSince()).contains("the view is transient", "dev.portallinks.faces.ALLOW_STATE_IN_BROWSER");
    }

    @Test
    void aCraftedPostToTheTransientViewNeverReachesPaddle() {
        HttpResponse<String> response = new FormPost(URI.create(base() + "billing-transient.xhtml"))
                .with("jakarta.faces.ViewState", "stateless").with("form", "form").with("form_SUBMIT", "1")
                .post(Map.of(), "form:billing", "0|" + subscription(0) + "|cancel_subscription");

        assertNeverReachedPaddle(response);
    }
}

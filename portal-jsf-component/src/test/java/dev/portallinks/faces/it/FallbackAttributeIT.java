package dev.portallinks.faces.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portallinks.it.TestServer;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * A {@code fallback} that is none of the documented forms (here {@code //evil.example/portal}, which a browser would
 * follow to another site) is an error when the page renders, naming the value and the accepted forms: not a redirect
 * waiting for Paddle's next outage. (FallbackTest covers each form; BillingButtonsIT the working fallback.)
 */
class FallbackAttributeIT extends FacesIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return FacesDeployments.war("fallback-attribute", "bad-fallback.xhtml");
    }

    @Test
    void aFallbackOfNoAcceptedFormFailsThePageWhenItRenders() {
        TestServer.LogMark mark = TestServer.logMark();

        HttpResponse<String> page = getPage("bad-fallback.xhtml");

        assertThat(page.statusCode()).isEqualTo(500);
        assertThat(page.body()).doesNotContain("data-pl-buttons");
        assertThat(mark.textSince()).contains("fallback=\"//evil.example/portal\" is none of the accepted forms");
    }
}

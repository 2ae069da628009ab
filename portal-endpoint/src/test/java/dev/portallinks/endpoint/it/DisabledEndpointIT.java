package dev.portallinks.endpoint.it;

import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The endpoint switched off ({@code portal.endpoint.enabled=false}) in an application that has no resolver: it deploys
 * (the resolver is only required for an enabled endpoint), and the endpoint's path is not there.
 */
class DisabledEndpointIT extends EndpointIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return EndpointDeployments.withoutResolver("disabled-endpoint", Map.of("portal.endpoint.enabled", "false"));
    }

    @Test
    void theEndpointIsNotThere() {
        assertNoEndpointAt("portal/overview");
    }
}

package dev.portallinks.endpoint.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.portallinks.it.TestServer;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An application with the endpoint enabled (the default) but no {@code PortalCustomerResolver} bean does not deploy, and
 * the server's log says why, naming the interface.
 *
 * <p>Deployed by the test rather than by Arquillian before it, because the servers' adapters report a failed deployment
 * differently: Liberty's and WildFly's throw, Payara Micro's does not (its process starts and logs the failure). What
 * every server does alike is write the cause to its log.
 */
@ExtendWith(ArquillianExtension.class)
class MissingResolverIT {

    private static final String DEPLOYMENT = "missing-resolver";

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    static WebArchive deployment() {
        return EndpointDeployments.withoutResolver(DEPLOYMENT, Map.of());
    }

    @Test
    void theDeploymentFailsNamingTheResolverInterface() {
        TestServer.LogMark log = TestServer.logMark();

        Throwable failure = catchThrowable(() -> deployer.deploy(DEPLOYMENT));
        try {
            assertThat(log.textSince()).contains("Portal Links redirect endpoint: no CDI bean implements dev.portallinks.endpoint.PortalCustomerResolver");
            if (failure != null) {
                assertThat(failure).hasStackTraceContaining("PortalCustomerResolver");
            }
        } finally {
            catchThrowable(() -> deployer.undeploy(DEPLOYMENT));
        }
    }
}

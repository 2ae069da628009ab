package dev.portallinks.it;

import java.net.URL;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the integration tests: the test WAR runs on the test server (Open Liberty, WildFly or Payara, chosen by the
 * build; Arquillian, client mode), and {@link #probe()} drives the injected service in the server. The Paddle it talks
 * to runs here on 127.0.0.1: the Paddle simulator ({@link SimulatedPaddleIT}, over plain HTTP or TLS).
 */
@ExtendWith(ArquillianExtension.class)
public abstract class PortalLinksIT {

    @ArquillianResource
    private URL deploymentUrl;

    /** @return a client for this deployment's probe */
    protected Probe probe() {
        return new Probe(TestServer.onLoopback(deploymentUrl));
    }
}

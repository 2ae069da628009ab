package dev.portallinks.it;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URL;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Base of the integration tests: the test WAR runs on the test server (Open Liberty, WildFly or Payara, chosen by the
 * build; Arquillian, client mode), the stub Paddle runs here on 127.0.0.1, and {@link #probe()} drives the injected
 * service in the server.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class PortalLinksIT {

    /** The stub Paddle; its stubs and request journal are reset before each test. */
    @RegisterExtension
    protected static final WireMockExtension PADDLE = PaddleStub.extension();

    @ArquillianResource
    private URL deploymentUrl;

    /** @return a client for this deployment's probe */
    protected Probe probe() {
        return new Probe(TestServer.onLoopback(deploymentUrl));
    }
}

package dev.portallinks.it;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Base of the integration tests that still use WireMock as the plain-HTTP Paddle: {@link ConnectionResetIT} (the
 * Paddle simulator cannot reset a connection) and {@link ProxyIT} (a transport test that stays on WireMock until the
 * simulator's transport work is done). Every other test uses {@link SimulatedPaddleIT}.
 */
public abstract class WireMockPaddleIT extends PortalLinksIT {

    /** The stub Paddle; its stubs and request journal are reset before each test. */
    @RegisterExtension
    protected static final WireMockExtension PADDLE = PaddleStub.extension();
}

package dev.portallinks.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The class-level Fault Tolerance key alone, {@code dev.portallinks.impl.PaddleGateway/Timeout/value=700}: the call ends after 700 ms. */
class HangingPaddleClassTimeoutIT extends HangingPaddleIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("hanging-paddle-class-timeout", "dev.portallinks.impl.PaddleGateway/Timeout/value=700");
    }

    @Override
    long timeoutMillis() {
        return 700;
    }
}
